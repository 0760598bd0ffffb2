import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { AdminProcedure } from '../../src/modules/procedures/schema.ts';
import { createAgency, createOfficial } from './factories.ts';
import { TestClient } from './http.ts';
import type { TestRuntime } from './runtime.ts';

/**
 * What the procedure-catalog API tests share: the people of a province (an editor, a procedure-control
 * officer, an administrator, a commune editor), a test field, a complete procedure content, and
 * assertions on problem+json answers.
 */

/** The fields tests read from a problem+json answer. */
export interface Problem {
  code: string;
  title: string;
  detail: string;
  errors: { field: string; message: string }[];
}

/** Asserts a problem+json answer with this status and stable code, and returns it. */
export function assertProblem(res: LightMyRequestResponse, status: number, code: string): Problem {
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const p = res.json<Problem>();
  assert.equal(p.code, code, res.body);
  return p;
}

/** The error a 400 reports for `field` (its message names the attribute in Vietnamese). */
export function errorFor(p: Problem, field: string): { field: string; message: string } {
  const e = p.errors.find((x) => x.field === field);
  assert.ok(e, `no error for ${field} in ${JSON.stringify(p.errors)}`);
  return e;
}

export const TEST_FIELD = 'thu-nghiem';

/** A procedure with every attribute II.1.2 requires, in the test field. */
export function fullContent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Thủ tục cấp giấy phép thử nghiệm',
    fieldCode: TEST_FIELD,
    levels: ['province'],
    procedureType: 'TTHC được luật giao quy định chi tiết',
    decision: '01/QĐ-UBND',
    issuingBody: 'Ủy ban nhân dân tỉnh',
    applicantTypes: ['Công dân Việt Nam', 'Doanh nghiệp'],
    onlineLevel: 'partial',
    legacyLevel: 3,
    steps: [{ case: null, steps: ['Nộp hồ sơ tại bộ phận một cửa', 'Nhận kết quả'] }],
    channels: [
      { channel: 'counter', deadline: { value: 5, unit: 'working_days' }, free: true },
      {
        channel: 'online',
        deadline: { value: 3, unit: 'working_days' },
        free: false,
        fees: [{ amountVnd: 50000, description: 'Lệ phí cấp giấy phép' }],
      },
    ],
    components: [
      {
        group: null,
        items: [
          {
            name: 'Tờ khai đề nghị cấp giấy phép',
            formCode: 'mau-tk01',
            formName: 'Mẫu TK01.docx',
            originals: 1,
          },
          { name: 'Bản sao giấy tờ tùy thân', copies: 1 },
        ],
      },
    ],
    results: [{ code: null, name: 'Giấy phép thử nghiệm' }],
    conditions: null,
    legalBasis: [{ number: '01/2025/TT-BTP', title: 'Thông tư số 01/2025/TT-BTP hướng dẫn thử nghiệm' }],
    agencies: {
      implementing: 'Ủy ban nhân dân tỉnh',
      competent: null,
      delegated: null,
      coordinating: null,
      address: null,
    },
    ...over,
  };
}

export interface CatalogTeam {
  province: { id: string; code: string; path: string };
  commune: { id: string; code: string; path: string };
  /** Biên tập viên of the province (procedures.edit, content.edit). */
  editor: TestClient;
  editorName: string;
  /** Cán bộ kiểm soát TTHC of the province (procedures.review, audit.read). */
  reviewer: TestClient;
  reviewerName: string;
  /** Quản trị hệ thống of the province (system.admin). */
  admin: TestClient;
  /** Biên tập viên of a commune only. */
  communeEditor: TestClient;
  anon(): Promise<TestClient>;
  signedIn(
    agencyId: string,
    roles: string[],
    includeSubtree?: boolean,
  ): Promise<{ client: TestClient; username: string }>;
  /** A fresh national-looking code (9.9xxxxx) no other test uses. */
  nextCode(): string;
  createDraft(over?: Record<string, unknown>, code?: string): Promise<AdminProcedure>;
  publish(code: string, version: number, note?: string | null): Promise<AdminProcedure>;
}

let ipCounter = 10;

/** Creates the province, its people and the test field through the API; each client has its own IP. */
export async function catalogTeam(rt: TestRuntime): Promise<CatalogTeam> {
  const anon = async () => {
    ipCounter += 1;
    return new TestClient(rt.app, `10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`).init();
  };
  const signedIn = async (agencyId: string, roles: string[], includeSubtree = true) => {
    const acc = await createOfficial(rt.database, agencyId, roles, { includeSubtree });
    const client = await anon();
    const res = await client.signIn(acc.username, acc.password);
    assert.equal(res.statusCode, 200, res.body);
    return { client, username: acc.username };
  };
  const province = await createAgency(rt.database, { level: 'province', name: 'Ủy ban nhân dân tỉnh Thử' });
  const commune = await createAgency(rt.database, {
    parentId: province.id,
    level: 'commune',
    name: 'Xã Thử',
  });
  const editor = await signedIn(province.id, ['bien_tap_vien']);
  const reviewer = await signedIn(province.id, ['can_bo_kiem_soat_tthc']);
  const admin = await signedIn(province.id, ['quan_tri_he_thong']);
  const communeEditor = await signedIn(commune.id, ['bien_tap_vien'], false);
  const field = await editor.client.post('/api/admin/procedure-fields', {
    code: TEST_FIELD,
    name: 'Lĩnh vực thử nghiệm',
  });
  assert.equal(field.statusCode, 201, field.body);
  let codeCounter = 0;
  const nextCode = () => {
    codeCounter += 1;
    return `9.${String(900000 + codeCounter)}`;
  };
  return {
    province,
    commune,
    editor: editor.client,
    editorName: editor.username,
    reviewer: reviewer.client,
    reviewerName: reviewer.username,
    admin: admin.client,
    communeEditor: communeEditor.client,
    anon,
    signedIn,
    nextCode,
    async createDraft(over = {}, code = nextCode()) {
      const res = await editor.client.post('/api/admin/procedures', { code, content: fullContent(over) });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<AdminProcedure>();
    },
    async publish(code, version, note = null) {
      const res = await reviewer.client.post(`/api/admin/procedures/${code}/publish`, { version, note });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<AdminProcedure>();
    },
  };
}
