import { sql } from 'kysely';
import { dueState } from '../../domain/dossier-flow.ts';
import type { Task } from '../../domain/dossier-flow.ts';
import { statusDisplay } from '../../domain/dossier-status-machine.ts';
import { STATUS_INFO } from '../../domain/dossier-status.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { ProcessDefinition } from '../../domain/process.ts';
import { foldVietnamese } from '../../domain/text.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { requireScopes } from '../access/authorize.ts';
import { choicesFor, stepOf } from './placement.ts';
import { assertReader, availableActions, readableStanding, standingOf } from './rules.ts';
import type { ApplicantView, DossierDetail, OfficialChoice } from './schema.ts';
import { readDetail } from './detail-read.ts';
import type { EventRead, PlaceNames } from './detail-read.ts';
import type { DossierRecord, OfficialPlace } from './store.ts';
import { findDossier, processOf } from './store.ts';

/** Reading one dossier: the full view for officials (II.8.2, II.18.1), the tracking view (II.19, II.20.1 d). */

export const ACTION_LABEL: Readonly<Record<string, string>> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement: 'Bổ sung hồ sơ',
  resume: 'Tiếp tục xử lý',
  forward: 'Chuyển xử lý',
  send_back: 'Trả lại',
  coordinate: 'Chuyển phối hợp',
  submit_approval: 'Trình duyệt',
  approve: 'Phê duyệt',
  reject: 'Từ chối giải quyết',
  stop: 'Dừng xử lý',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  pay: 'Nộp phí, lệ phí',
  extend: 'Gia hạn xử lý',
  finish: 'Hoàn thành, chuyển trả kết quả',
  return_result: 'Trả kết quả',
  not_returned: 'Chưa trả được kết quả',
  reassign: 'Phân công lại',
  delegate: 'Ủy quyền xử lý',
  recall: 'Thu hồi',
  withdraw: 'Rút hồ sơ',
  cancel: 'Hủy hồ sơ',
  restore: 'Khôi phục hồ sơ',
  amend: 'Người nộp sửa hồ sơ trước khi tiếp nhận',
  comment: 'Ý kiến',
};

export const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The lines Annex I requires with the status (reason, agency, position, department, handler, due date). */
export function annexLines(row: DossierRecord, def: ProcessDefinition, names: PlaceNames): string[] {
  const step = def.steps.find((s) => s.id === row.step_id);
  return statusDisplay(row.status as DossierStatus, {
    reason: row.status_reason,
    agency: names.holder_agency,
    position: step?.name ?? null,
    department: names.department,
    handler: names.holder,
    dueAt: row.appointment_at,
    returnedAt: row.returned_at,
    now: new Date(),
  }).lines;
}

/** The history as the full view shows it (step and status labels, the actors' current names). */
function historyOf(events: EventRead[], def: ProcessDefinition, files: Map<string, string>) {
  const stepName = (id: string) => def.steps.find((s) => s.id === id)?.name ?? id;
  return events.map((e) => ({
    seq: e.seq,
    at: e.at.toISOString(),
    actorName: e.actor_full_name || e.actor_name,
    actorId: e.actor_id,
    action: e.action,
    actionLabel: ACTION_LABEL[e.action] ?? e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    toStatusLabel: STATUS_INFO[e.to_status as DossierStatus]?.label ?? e.to_status,
    fromStep: e.from_step,
    toStep: e.to_step,
    toStepName: stepName(e.to_step),
    toHolderName: e.holder_name,
    reason: e.reason,
    files: e.files.map((id) => ({ id, fileName: files.get(id) ?? id })),
  }));
}

export async function dossierDetail(
  db: Executor,
  auth: AuthContext | undefined,
  place: OfficialPlace | null,
  id: string,
): Promise<DossierDetail> {
  if (!auth) throw new UnauthenticatedError();
  const read = await readDetail(db, id);
  const { row, names, files } = read;
  const standing = await readableStanding(db, auth, place, row);
  const def = await processOf(db, row.process_id);
  const events = historyOf(read.events, def, read.eventFileNames);
  const lines = annexLines(row, def, names);
  const actions = availableActions(def, row, standing);
  const lastMove = [...events].reverse().find((e) => e.action !== 'comment');
  if (
    standing.reader &&
    lastMove &&
    lastMove.actorId === auth.account.id &&
    row.status === 'dang_xu_ly' &&
    ['forward', 'coordinate', 'submit_approval', 'approve', 'send_back', 'reassign', 'delegate'].includes(
      lastMove.action,
    )
  ) {
    actions.splice(actions.length - 1, 0, {
      action: 'recall',
      transitionId: null,
      label: 'Thu hồi hồ sơ đã chuyển',
      needs: [],
      toStepName: lastMove.fromStep ? stepOf(def, lastMove.fromStep).name : null,
    });
  }
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    applicantName: row.applicant_name,
    applicantOrg: row.applicant_org,
    summary: row.summary,
    channel: row.channel,
    status: row.status as DossierStatus,
    statusLabel: STATUS_INFO[row.status as DossierStatus].label,
    task: row.task as Task,
    stepName: def.steps.find((s) => s.id === row.step_id)?.name ?? row.step_id,
    holderName: names.holder,
    submittedAt: row.submitted_at.toISOString(),
    receivedAt: iso(row.received_at),
    appointmentAt: iso(row.appointment_at),
    stepDueAt: iso(row.step_due_at),
    due: dueState(row.appointment_at),
    rowVersion: row.row_version,
    agencyId: row.agency_id,
    agencyName: names.agency,
    fieldCode: row.field_code,
    processId: row.process_id,
    stepId: row.step_id,
    holderDepartment: names.department,
    holderAgencyName: names.holder_agency,
    applicant: {
      kind: row.applicant_kind,
      idNumber: row.applicant_id_number,
      fullName: row.applicant_name,
      orgName: row.applicant_org,
      phone: row.applicant_phone,
      email: row.applicant_email,
      address: row.applicant_address,
    },
    formData: row.form_data,
    components: row.components,
    completedAt: iso(row.completed_at),
    returnedAt: iso(row.returned_at),
    statusReason: row.status_reason,
    missingItems: row.missing_items,
    feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
    feePaidAt: iso(row.fee_paid_at),
    resultDelivery: row.result_delivery,
    postal: row.postal,
    recipient: row.recipient,
    originalsMissing: row.originals_missing,
    cancelledAt: iso(row.cancelled_at),
    annexLines: lines,
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      component: f.component,
      fileName: f.file_name,
      mediaType: f.media_type,
      size: f.size,
      createdAt: f.created_at.toISOString(),
    })),
    // The applicant sees what was done and why, not the officials' internal comments.
    history: events
      .filter((e) => auth.account.kind === 'official' || e.action !== 'comment')
      .map(({ actorId: _a, ...e }) => e),
    actions,
  };
}

const digits = (s: string) => s.replace(/[^0-9]/g, '').replace(/^84/, '0');

/** The second factor of tracking: the applicant's phone or identity number (either one matching). */
export const factorMatches =
  (factor: { phone?: string | undefined; idNumber?: string | undefined }) => (row: DossierRecord) =>
    Boolean(
      (factor.phone && row.applicant_phone && digits(factor.phone) === digits(row.applicant_phone)) ||
      (factor.idNumber && factor.idNumber.trim().toUpperCase() === row.applicant_id_number),
    );

/** Officials who may receive the dossier along a transition (or hold its current step): for the sender's choice. */
export async function assigneeChoices(
  db: Executor,
  auth: AuthContext | undefined,
  place: OfficialPlace | null,
  id: string,
  transitionId: string | null,
): Promise<OfficialChoice[]> {
  if (!auth) throw new UnauthenticatedError();
  const row = await findDossier(db, id);
  assertReader(standingOf(auth, place, row));
  const def = await processOf(db, row.process_id);
  const t = transitionId
    ? def.transitions.find((x) => x.id === transitionId && x.from === row.step_id)
    : null;
  if (transitionId && !t) throw new NotFoundError('Bước chuyển không xuất phát từ bước hiện tại của hồ sơ');
  if (!t) {
    const choices = await choicesFor(db, def, row.agency_id, row.step_id, null);
    return choices.filter((c) => c.id !== row.holder_id);
  }
  return choicesFor(db, def, row.agency_id, t.to, t);
}

/** Applicants the counter already knows (II.5.9): by identity number or tax code, name or phone. */
export async function lookupApplicants(
  db: Executor,
  auth: AuthContext | undefined,
  q: string,
): Promise<ApplicantView[]> {
  requireScopes(auth, 'applicants.lookup');
  const term = q.trim();
  if (term.length < 3) return [];
  const exact = term.toUpperCase();
  const folded = `%${foldVietnamese(term).replace(/[%_\\]/g, '')}%`;
  const [known, accounts] = await Promise.all([
    db
      .selectFrom('applicants')
      .selectAll()
      .where((eb) => eb.or([eb('id_number', '=', exact), eb('search', 'like', folded)]))
      .orderBy(sql`id_number = ${exact}`, 'desc')
      .orderBy('updated_at', 'desc')
      .limit(10)
      .execute(),
    db
      .selectFrom('accounts')
      .select([
        'id',
        'kind',
        'id_number',
        'tax_code',
        'full_name',
        'org_name',
        'phone',
        'email',
        'address',
        'commune_code',
      ])
      .where('kind', 'in', ['citizen', 'organisation'])
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('id_number', '=', exact), eb('tax_code', '=', exact)]))
      .limit(5)
      .execute(),
  ]);
  const out: ApplicantView[] = known.map((a) => ({
    id: a.id,
    kind: a.kind,
    idNumber: a.id_number,
    fullName: a.full_name,
    orgName: a.org_name,
    phone: a.phone,
    email: a.email,
    address: a.address,
    communeCode: a.commune_code,
    source: 'applicant',
  }));
  for (const a of accounts) {
    const idNumber = (a.kind === 'organisation' ? a.tax_code : a.id_number) ?? '';
    if (!idNumber || out.some((o) => o.idNumber === idNumber && o.kind === a.kind)) continue;
    out.push({
      id: a.id,
      kind: a.kind === 'organisation' ? 'organisation' : 'citizen',
      idNumber,
      fullName: a.full_name,
      orgName: a.org_name,
      phone: a.phone,
      email: a.email,
      address: a.address,
      communeCode: a.commune_code,
      source: 'account',
    });
  }
  return out;
}

/** The process version the dossier runs on, for whoever may read the dossier (its diagram on the dossier page). */
export async function dossierProcess(
  db: Executor,
  auth: AuthContext | undefined,
  place: OfficialPlace | null,
  id: string,
): Promise<ProcessDefinition> {
  if (!auth) throw new UnauthenticatedError();
  const row = await findDossier(db, id);
  await readableStanding(db, auth, place, row);
  return processOf(db, row.process_id);
}

export function assertOfficial(auth: AuthContext | undefined): asserts auth is AuthContext {
  if (!auth) throw new UnauthenticatedError();
  if (auth.account.kind !== 'official') throw new ForbiddenError('Chức năng dành cho cán bộ, công chức');
}
