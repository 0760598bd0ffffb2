import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { ProcessDefinition } from '../../src/domain/process.ts';
import { departmentProcess } from '../../src/modules/processes/templates.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { createAccount, createAgency, createDepartment, createOfficial, PASSWORD } from './factories.ts';
import { TestClient } from './http.ts';
import type { TestRuntime } from './runtime.ts';

/**
 * A one-stop office ready to handle dossiers: an agency with a specialised department and a
 * coordinating one, an official of every role (signed in), a second agency (for partition breaches),
 * a citizen with an account, and a published procedure (5 working days) whose published process is
 * the department template: receive → assign → appraise (→ coordinate) → draft → department review →
 * leader signs → return.
 */
export interface DossierOffice {
  rt: TestRuntime;
  agency: { id: string; code: string; path: string };
  otherAgency: { id: string; code: string; path: string };
  department: { id: string };
  coordDepartment: { id: string };
  procedureCode: string;
  processId: string;
  definition: ProcessDefinition;
  ids: Record<Role, string>;
  /** Sign-in names (password PASSWORD), for browser tests. */
  usernames: Record<Role, string>;
  counter: TestClient;
  head: TestClient;
  handler: TestClient;
  handler2: TestClient;
  coordinator: TestClient;
  leader: TestClient;
  outsider: TestClient;
  citizen: TestClient;
  citizenIdNumber: string;
  /** Receives a paper dossier with the given decision; asserts 201 unless `expect` says otherwise. */
  receive(over?: Record<string, unknown>, expect?: number): Promise<DossierDetail>;
  /** Submits online as the citizen ("Mới đăng ký"). */
  submit(over?: Record<string, unknown>): Promise<DossierDetail>;
  act(client: TestClient, id: string, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** Acts and asserts 200; returns the new detail. */
  must(client: TestClient, id: string, body: Record<string, unknown>): Promise<DossierDetail>;
  detail(client: TestClient, id: string): Promise<DossierDetail>;
  /** The transition id of `action` out of the dossier's current step (first one, or the one to `to`). */
  arrow(d: DossierDetail, action: string, to?: string): string;
}

type Role = 'counter' | 'head' | 'handler' | 'handler2' | 'coordinator' | 'leader' | 'outsider' | 'citizen';

const uniq = () => randomBytes(3).toString('hex');

export async function dossierOffice(
  rt: TestRuntime,
  opts: {
    deadlineDays?: number;
    /** Published content on top of the defaults (name, field, channels), e.g. a complete record for the catalog pages. */
    content?: Record<string, unknown>;
  } = {},
): Promise<DossierOffice> {
  const db = rt.database.db;
  await seedPlaces(rt);
  const province = await createAgency(rt.database, { level: 'province' });
  const agency = await createAgency(rt.database, { parentId: province.id, level: 'province_department' });
  const otherAgency = await createAgency(rt.database, {
    parentId: province.id,
    level: 'province_department',
  });
  const department = await createDepartment(rt.database, agency.id);
  const coordDepartment = await createDepartment(rt.database, agency.id);
  const official = async (role: string, agencyId = agency.id, departmentId: string | null = null) => {
    const o = await createOfficial(rt.database, agencyId, [role]);
    if (departmentId)
      await db
        .updateTable('officials')
        .set({ department_id: departmentId })
        .where('account_id', '=', o.id)
        .execute();
    return o;
  };
  const people = {
    counter: await official('can_bo_mot_cua'),
    head: await official('lanh_dao_phong', agency.id, department.id),
    handler: await official('can_bo_thu_ly', agency.id, department.id),
    handler2: await official('can_bo_thu_ly', agency.id, department.id),
    coordinator: await official('can_bo_thu_ly', agency.id, coordDepartment.id),
    leader: await official('lanh_dao_don_vi'),
    outsider: await official('can_bo_mot_cua', otherAgency.id),
  };
  const citizenIdNumber = `0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  const citizen = await createAccount(rt.database, { kind: 'citizen' });
  await db
    .updateTable('accounts')
    .set({ id_number: citizenIdNumber, phone: '0912345678' })
    .where('id', '=', citizen.id)
    .execute();

  const field = 'thu-nghiem-ho-so';
  await db
    .insertInto('procedure_fields')
    .values({ code: field, name: 'Thử nghiệm hồ sơ' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const procedureCode = `9.${uniq()}`;
  const days = opts.deadlineDays ?? 5;
  const content = {
    name: `Thủ tục thử nghiệm ${procedureCode}`,
    fieldCode: field,
    channels: [
      { kind: 'counter', deadline: { value: days, unit: 'working_days' } },
      { kind: 'online', deadline: { value: days, unit: 'working_days' } },
    ],
    ...opts.content,
  };
  const procedure = await db
    .insertInto('procedures')
    .values({
      code: procedureCode,
      slug: procedureCode.replace('.', '-'),
      name: `Thủ tục thử nghiệm ${procedureCode}`,
      pub_name: `Thủ tục thử nghiệm ${procedureCode}`,
      field_code: field,
      pub_field_code: field,
      content: JSON.stringify(content),
      published: JSON.stringify(content),
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('procedure_agencies')
    .values({ procedure_id: procedure.id, agency_id: agency.id, channels: ['counter', 'online', 'postal'] })
    .execute();
  const definition = departmentProcess({
    name: 'Quy trình thử nghiệm',
    deadlineMinutes: days * 480,
    coordinateWith: { kind: 'department', id: coordDepartment.id },
  });
  const process = await db
    .insertInto('process_definitions')
    .values({
      procedure_id: procedure.id,
      agency_id: null,
      version: 1,
      status: 'published',
      definition: JSON.stringify(definition),
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const signedIn = async (username: string) => {
    const c = await new TestClient(
      rt.app,
      `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    ).init();
    const res = await c.signIn(username, PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    return c;
  };
  const clients = Object.fromEntries(
    await Promise.all(
      [...Object.entries(people), ['citizen', citizen] as const].map(async ([k, v]) => [
        k,
        await signedIn(v.username),
      ]),
    ),
  ) as Record<Role, TestClient>;
  const ids = Object.fromEntries(
    [...Object.entries(people), ['citizen', citizen]].map(([k, v]) => [k, (v as { id: string }).id]),
  ) as Record<Role, string>;
  const usernames = Object.fromEntries(
    [...Object.entries(people), ['citizen', citizen]].map(([k, v]) => [
      k,
      (v as { username: string }).username,
    ]),
  ) as Record<Role, string>;

  const applicant = {
    kind: 'citizen',
    idNumber: citizenIdNumber,
    fullName: 'Trần Thị Bình',
    phone: '0912345678',
    email: 'binh@example.vn',
    address: 'Số 1 đường Lê Lợi',
  };
  const office: DossierOffice = {
    rt,
    agency,
    otherAgency,
    department,
    coordDepartment,
    procedureCode,
    processId: process.id,
    definition,
    ids,
    usernames,
    ...clients,
    citizenIdNumber,
    async receive(over = {}, expect = 201) {
      const res = await clients.counter.post('/api/dossiers', {
        procedureCode,
        agencyId: agency.id,
        applicant,
        summary: 'Đề nghị cấp giấy phép thử nghiệm',
        components: [{ name: 'Đơn đề nghị', copyType: 'original', count: 1, received: true }],
        decision: 'accept',
        ...over,
      });
      assert.equal(res.statusCode, expect, res.body);
      return res.json<DossierDetail>();
    },
    async submit(over = {}) {
      const res = await clients.citizen.post('/api/portal/dossiers', {
        procedureCode,
        agencyId: agency.id,
        applicant,
        summary: 'Nộp trực tuyến',
        formData: validFormData(citizenIdNumber),
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<DossierDetail>();
    },
    act(client, id, body) {
      return client.post(`/api/dossiers/${id}/actions`, body);
    },
    async must(client, id, body) {
      const res = await office.act(client, id, body);
      assert.equal(res.statusCode, 200, `${String(body.action)}: ${res.body}`);
      return res.json<DossierDetail>();
    },
    async detail(client, id) {
      const res = await client.get(`/api/dossiers/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json<DossierDetail>();
    },
    arrow(d, action, to) {
      const t = definition.transitions.find(
        (x) => x.from === d.stepId && x.action === action && (!to || x.to === to),
      );
      assert.ok(t, `no ${action} arrow out of ${d.stepId}`);
      return t.id;
    },
  };
  return office;
}

/** Form data the built-in default e-form (version 0) accepts, for online submissions. */
export function validFormData(idNumber: string): Record<string, unknown> {
  return {
    hoTen: 'Trần Thị Bình',
    soDinhDanh: idNumber,
    dienThoai: '0912345678',
    tinh: '38',
    xa: '14797',
    diaChi: 'Số 1 đường Lê Lợi',
    noiDung: 'Nộp trực tuyến',
    camDoan: true,
  };
}

/** The places the default e-form and postal delivery refer to (Thanh Hóa and Hà Nội, one commune each). */
export async function seedPlaces(rt: TestRuntime): Promise<void> {
  await rt.database.db
    .insertInto('catalog_items')
    .values([
      { catalog: 'province', code: '38', name: 'Tỉnh Thanh Hóa', parent_code: null, extra: '{}' },
      { catalog: 'province', code: '01', name: 'Thành phố Hà Nội', parent_code: null, extra: '{}' },
      { catalog: 'commune', code: '14797', name: 'Phường Hạc Thành', parent_code: '38', extra: '{}' },
      { catalog: 'commune', code: '00004', name: 'Phường Ba Đình', parent_code: '01', extra: '{}' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}
