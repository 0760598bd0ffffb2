import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { ANNEX_I_ROWS } from '../../src/domain/annex-i.ts';
import type { ProcessDefinition } from '../../src/domain/process.ts';
import { counterProcess } from '../../src/modules/processes/templates.ts';
import type { DossierDetail, PublicDossier } from '../../src/modules/dossiers/schema.ts';
import type { DossierOffice } from './dossiers.ts';
import type { TestClient } from './http.ts';

/**
 * Shared moves of the dossier API tests: another published procedure on the office's agency with a
 * process of the test's choosing, the dossier driven to a given place, and what is stored about it
 * (to prove that a refused action wrote nothing).
 */

export const REASON = 'Thiếu bản sao giấy chứng nhận quyền sử dụng đất';
export const MISSING = ['Bản sao giấy chứng nhận quyền sử dụng đất'];

/** Publishes another procedure at the office's agency running `definition`; returns its code. */
export async function publishProcedure(o: DossierOffice, definition: ProcessDefinition): Promise<string> {
  const db = o.rt.database.db;
  const code = `8.${randomBytes(3).toString('hex')}`;
  const content = {
    channels: [
      { kind: 'counter', deadline: { value: 5, unit: 'working_days' } },
      { kind: 'online', deadline: { value: 5, unit: 'working_days' } },
    ],
  };
  const procedure = await db
    .insertInto('procedures')
    .values({
      code,
      slug: code.replace('.', '-'),
      name: `Thủ tục biến thể ${code}`,
      pub_name: `Thủ tục biến thể ${code}`,
      field_code: 'thu-nghiem-ho-so',
      pub_field_code: 'thu-nghiem-ho-so',
      content: JSON.stringify(content),
      published: JSON.stringify(content),
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('procedure_agencies')
    .values({ procedure_id: procedure.id, agency_id: o.agency.id, channels: ['counter', 'online', 'postal'] })
    .execute();
  await db
    .insertInto('process_definitions')
    .values({
      procedure_id: procedure.id,
      agency_id: null,
      version: 1,
      status: 'published',
      definition: JSON.stringify(definition),
      published_at: new Date(),
    })
    .execute();
  return code;
}

/** The counter template with a fee request at the handling step (giai-quyet → giai-quyet). */
export function paymentProcess(): ProcessDefinition {
  const def = counterProcess({ name: 'Quy trình có thu phí', deadlineMinutes: 5 * 480 });
  def.transitions.push({
    id: 'phi',
    from: 'giai-quyet',
    to: 'giai-quyet',
    action: 'request_payment',
    label: 'Yêu cầu nộp phí, lệ phí',
    coordinateWith: null,
  });
  return def;
}

/** The id of the arrow of `action` out of the dossier's step in `def`. */
export function arrowIn(def: ProcessDefinition, d: DossierDetail, action: string, to?: string): string {
  const t = def.transitions.find((x) => x.from === d.stepId && x.action === action && (!to || x.to === to));
  assert.ok(t, `no ${action} arrow out of ${d.stepId}`);
  return t.id;
}

/** Moves the dossier along the office's process, as `client`, and returns the new detail. */
export async function go(
  o: DossierOffice,
  client: TestClient,
  d: DossierDetail,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<DossierDetail> {
  const fresh = await o.detail(client, d.id);
  return o.must(client, d.id, {
    action: 'move',
    rowVersion: fresh.rowVersion,
    transitionId: o.arrow(fresh, action),
    ...extra,
  });
}

/** Acts on the dossier's current version (read first as `client`); returns the raw response. */
export async function actNow(
  o: DossierOffice,
  client: TestClient,
  id: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  const fresh = await o.detail(client, id);
  return o.act(client, id, { rowVersion: fresh.rowVersion, ...body });
}

/** Received and sent to the department (dang_xu_ly at "phan-cong", waiting for the head). */
export async function toAssign(o: DossierOffice, over: Record<string, unknown> = {}): Promise<DossierDetail> {
  const d = await o.receive(over);
  return go(o, o.counter, d, 'forward');
}

/** Assigned to `holder` at the appraisal step (dang_xu_ly at "tham-dinh"). */
export async function toAppraisal(
  o: DossierOffice,
  holder: 'handler' | 'handler2' = 'handler',
  over: Record<string, unknown> = {},
): Promise<DossierDetail> {
  const d = await toAssign(o, over);
  return go(o, o.head, d, 'forward', { assigneeId: o.ids[holder] });
}

/** At the leader's signature (dang_xu_ly at "phe-duyet"). */
export async function toSigning(
  o: DossierOffice,
  over: Record<string, unknown> = {},
): Promise<DossierDetail> {
  let d = await toAppraisal(o, 'handler', over);
  d = await go(o, o.handler, d, 'forward', { assigneeId: o.ids.handler });
  d = await go(o, o.handler, d, 'submit_approval');
  return go(o, o.head, d, 'submit_approval');
}

/** Finished and back at the counter (da_xu_ly_xong at "tra-ket-qua"). */
export async function toFinished(
  o: DossierOffice,
  over: Record<string, unknown> = {},
): Promise<DossierDetail> {
  const d = await toSigning(o, over);
  return go(o, o.leader, d, 'finish');
}

/** Supplement asked by the handler while processing (yeu_cau_bo_sung, supplement_phase process). */
export async function toProcessSupplement(o: DossierOffice): Promise<DossierDetail> {
  const d = await toAppraisal(o);
  return go(o, o.handler, d, 'request_supplement', { reason: REASON, missingItems: MISSING });
}

/** What is stored about a dossier: its version, history length, notices queued. */
export async function stored(
  o: DossierOffice,
  id: string,
): Promise<{ rowVersion: number; historySeq: number; events: number; notices: number; status: string }> {
  const db = o.rt.database.db;
  const row = await db
    .selectFrom('dossiers')
    .select(['row_version', 'history_seq', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('dossier_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('dossier_id', '=', id)
    .executeTakeFirstOrThrow();
  const notices = await db
    .selectFrom('outbox')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('topic', '=', 'dossier.notice')
    .where(sql<boolean>`payload->>'dossierId' = ${id}`)
    .executeTakeFirstOrThrow();
  return {
    rowVersion: row.row_version,
    historySeq: row.history_seq,
    events: events.n,
    notices: notices.n,
    status: row.status,
  };
}

/** Tracking by code and phone (or identity number), as the portal asks. */
export function track(
  o: DossierOffice,
  code: string,
  factor: { phone?: string; idNumber?: string } = { phone: '0912345678' },
  ip = '10.77.0.1',
): Promise<LightMyRequestResponse> {
  const q = new URLSearchParams(factor).toString();
  return o.rt.app.inject({ url: `/api/public/dossiers/${encodeURIComponent(code)}?${q}`, remoteAddress: ip });
}

/** Vietnamese text: at least one letter outside ASCII. */
export const VIETNAMESE = /[à-ỹÀ-ỸđĐ]/;

// Annex I wording, written out again so that a changed label in the code fails the tests.
const LABELS: Record<string, [string, number]> = {
  moi_dang_ky: ['Mới đăng ký', 1],
  duoc_tiep_nhan: ['Được tiếp nhận', 2],
  khong_duoc_tiep_nhan: ['Không được tiếp nhận', 3],
  dang_xu_ly: ['Đang xử lý', 4],
  yeu_cau_bo_sung: ['Yêu cầu bổ sung giấy tờ', 5],
  da_bo_sung: ['Đã bổ sung hồ sơ', 4],
  yeu_cau_nghia_vu_tai_chinh: ['Yêu cầu thực hiện nghĩa vụ tài chính', 6],
  cong_dan_yeu_cau_rut: ['Công dân yêu cầu rút hồ sơ', 7],
  dung_xu_ly: ['Dừng xử lý', 8],
  da_xu_ly_xong: ['Đã xử lý xong', 9],
  da_tra_ket_qua: ['Đã trả kết quả', 10],
};

let trackIp = 0;

/**
 * The dossier shows Annex I row `rowId`: one of the row's statuses with its exact label, exactly
 * `lines` under it in the back office, and the same status and lines in the public tracking answer.
 */
export async function showsRow(
  o: DossierOffice,
  d: DossierDetail,
  rowId: string,
  lines: string[],
): Promise<PublicDossier> {
  const row = ANNEX_I_ROWS.find((r) => r.id === rowId);
  assert.ok(row, rowId);
  assert.ok(row.statuses.includes(d.status), `${rowId} does not show ${d.status}`);
  const [label, dvcqg] = LABELS[d.status] ?? ['?', 0];
  assert.equal(d.statusLabel, label);
  assert.deepEqual(d.annexLines, lines);
  trackIp += 1;
  const res = await track(o, d.code, { phone: '0912345678' }, `10.66.${trackIp >> 8}.${trackIp & 255}`);
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json<PublicDossier>();
  assert.equal(p.code, d.code);
  assert.equal(p.status, d.status);
  assert.equal(p.statusLabel, label);
  assert.equal(p.dvcqgCode, dvcqg);
  assert.deepEqual(p.lines, lines);
  assert.equal(p.appointmentAt, d.appointmentAt);
  assert.equal(p.returnedAt, d.returnedAt);
  return p;
}

/** Names as the database has them (not as the detail shows them). */
export async function namesOf(o: DossierOffice): Promise<{
  agency: string;
  otherAgency: string;
  department: string;
  coordDepartment: string;
  person: Record<keyof DossierOffice['ids'], string>;
}> {
  const db = o.rt.database.db;
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('id', 'in', [o.agency.id, o.otherAgency.id])
    .execute();
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', 'in', [o.department.id, o.coordDepartment.id])
    .execute();
  const people = await db
    .selectFrom('accounts')
    .select(['id', 'full_name'])
    .where('id', 'in', Object.values(o.ids))
    .execute();
  const name = (rows: { id: string; name: string }[], id: string) =>
    rows.find((r) => r.id === id)?.name ?? '';
  return {
    agency: name(agencies, o.agency.id),
    otherAgency: name(agencies, o.otherAgency.id),
    department: name(departments, o.department.id),
    coordDepartment: name(departments, o.coordDepartment.id),
    person: Object.fromEntries(
      Object.entries(o.ids).map(([k, id]) => [k, people.find((p) => p.id === id)?.full_name ?? '']),
    ) as Record<keyof DossierOffice['ids'], string>,
  };
}
