import { sql } from 'kysely';
import { allows } from '../../domain/permissions.ts';
import { dossierCodePrefix, SEQUENCE_DIGITS, vietnamDay } from '../../domain/dossier-code.ts';
import { assertTransition } from '../../domain/dossier-status-machine.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { ProcessDefinition, ProcessStep } from '../../domain/process.ts';
import type { Tx } from '../../db/tx.ts';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { ApplicantInput, ReceiveBody, SubmitBody } from './schema.ts';
import type { DossierCaller, DossierRecord } from './store.ts';
import { commitChange, FIRST_HASH } from './store.ts';
import { placeAt } from './placement.ts';
import { assertPostal, attachFiles, upsertApplicant } from './applicants.ts';
import type { DossierContext } from './context.ts';
import { deleteDraftInTrx } from '../drafts/service.ts';
import { attachFormFiles, checkOnlineForm, formFiles } from './online-form.ts';
import { agencyOf, procedureOf, processInForce } from './entry.ts';
import type { ProcedureFacts } from './entry.ts';
import { storeDossierFiles } from '../documents/store.ts';

/**
 * A dossier enters the system: received on paper at the counter (or by post) with the counter's
 * decision (II.5.1–5.3: accept with a code and an appointment, ask for a supplement, refuse), or
 * submitted online by a signed-in applicant ("Mới đăng ký", II.5.4). The code is issued at entry, so
 * that every dossier, even a refused one, can be traced and looked up.
 */

function entryStep(def: ProcessDefinition, online: boolean): ProcessStep {
  const receives = def.steps.filter((s) => s.kind === 'receive');
  const step = online
    ? (receives.find((s) => s.onlineEntry) ?? receives[0])
    : (receives.find((s) => !s.onlineEntry) ?? receives[0]);
  if (!step)
    throw new ConflictError('Quy trình của thủ tục không có bước tiếp nhận', 'process_without_entry');
  return step;
}

function validateDecision(body: ReceiveBody): void {
  const problems = [];
  if (body.decision !== 'accept' && !body.reason) {
    problems.push({
      field: 'reason',
      message:
        body.decision === 'refuse'
          ? 'Lý do từ chối tiếp nhận (reason) là bắt buộc'
          : 'Lý do, nội dung cần bổ sung (reason) là bắt buộc',
    });
  }
  if (body.decision === 'request_supplement' && body.missingItems.length === 0) {
    problems.push({
      field: 'missingItems',
      message: 'Cần nêu ít nhất một giấy tờ cần bổ sung (missingItems)',
    });
  }
  if (body.resultDelivery === 'postal' && !body.postal) {
    problems.push({
      field: 'postal',
      message: 'Thông tin nhận kết quả qua bưu chính (postal) là bắt buộc khi chọn nhận qua bưu chính',
    });
  }
  if (body.channel === 'interagency' && !body.source) {
    problems.push({
      field: 'source',
      message: 'Cơ quan chuyển hồ sơ (source) là bắt buộc với hồ sơ liên thông',
    });
  }
  if (problems.length) throw new ValidationError(problems);
}

const DECISION_STATUS: Record<ReceiveBody['decision'], DossierStatus> = {
  accept: 'duoc_tiep_nhan',
  request_supplement: 'yeu_cau_bo_sung',
  refuse: 'khong_duoc_tiep_nhan',
};

export async function receiveAtCounter(
  ctx: DossierContext,
  c: DossierCaller,
  body: ReceiveBody,
): Promise<string> {
  if (!c.auth) throw new UnauthenticatedError();
  const auth = c.auth;
  validateDecision(body);
  const entry = await ctx.entries.entry(body.procedureCode, body.agencyId);
  const agency = agencyOf(entry);
  if (!allows(auth.grants, 'dossiers.receive', agency.path)) {
    throw new ForbiddenError('Bạn không có quyền tiếp nhận hồ sơ cho cơ quan, đơn vị này');
  }
  const procedure = procedureOf(entry);
  const process = processInForce(entry);
  return ctx.db.transaction().execute(async (trx) => {
    await assertPostal(trx, body.postal);
    const def = process.definition;
    const to = DECISION_STATUS[body.decision];
    assertTransition(null, to);
    const now = new Date();
    let step = entryStep(def, false);
    if (to === 'khong_duoc_tiep_nhan') {
      const arrow = def.transitions.find((t) => t.from === step.id && t.action === 'reject');
      if (arrow) step = def.steps.find((s) => s.id === arrow.to) ?? step;
    }
    const place = await placeAt(
      { db: trx, legalTime: ctx.legalTime },
      { def, dossierId: null, dossierAgencyId: agency.id, stepId: step.id, via: null, now, known: agency },
    );
    const deadline = procedure.deadline;
    const appointment =
      to === 'duoc_tiep_nhan' && deadline
        ? (await ctx.legalTime.appointment({ agencyId: agency.id, receivedAt: now, deadline, db: trx })).dueAt
        : null;
    const applicant = await upsertApplicant(trx, body.applicant);
    const row = await insertDossier(trx, {
      procedure,
      agency,
      processId: process.id,
      channel: body.channel,
      status: to,
      place: { ...place, holder_id: to === 'duoc_tiep_nhan' ? auth.account.id : place.holder_id },
      applicant: body.applicant,
      applicantRef: applicant,
      body,
      now,
    });
    const patch = {
      received_at: to === 'duoc_tiep_nhan' ? now : null,
      appointment_at: appointment,
      status_reason: to === 'duoc_tiep_nhan' ? null : (body.reason ?? null),
      missing_items: JSON.stringify(to === 'yeu_cau_bo_sung' ? body.missingItems : []),
      supplement_phase: to === 'yeu_cau_bo_sung' ? ('receive' as const) : null,
    };
    const files = await attachFiles(trx, row.id, auth.account.id, body.fileIds, 'component');
    // Accepted at the counter: the components become the applicant's verified documents (V.8). A new
    // dossier has no files but those just attached.
    if (to === 'duoc_tiep_nhan' && files.length > 0) await storeDossierFiles(trx, row, 'verified', now);
    const kind =
      to === 'duoc_tiep_nhan' ? 'received' : to === 'yeu_cau_bo_sung' ? 'supplement_requested' : 'refused';
    const facts = {
      agency: agency.name,
      appointmentAt: appointment,
      reason: body.reason ?? null,
      missingItems: body.missingItems,
    };
    const done = await commitChange(
      trx,
      c.actor,
      row,
      patch,
      {
        action: body.decision === 'accept' ? 'receive' : body.decision,
        toStatus: to,
        toStep: place.step_id,
        toHolder: to === 'duoc_tiep_nhan' ? auth.account.id : place.holder_id,
        reason: body.reason ?? null,
        files,
        details: {
          channel: body.channel,
          source: body.source ?? null,
          missingItems: body.missingItems,
          appointmentAt: appointment?.toISOString() ?? null,
        },
      },
      { notices: [{ kind, facts }] },
    );
    return done.id;
  });
}

export async function submitOnline(ctx: DossierContext, c: DossierCaller, body: SubmitBody): Promise<string> {
  if (!c.auth)
    throw new UnauthenticatedError('Bạn cần đăng nhập tài khoản công dân, tổ chức để nộp hồ sơ trực tuyến');
  const auth = c.auth;
  if (auth.account.kind === 'official')
    throw new ForbiddenError('Tài khoản cán bộ không nộp hồ sơ trực tuyến; hãy dùng chức năng tiếp nhận');
  if (body.resultDelivery === 'postal' && !body.postal) {
    throw new ValidationError([
      {
        field: 'postal',
        message: 'Thông tin nhận kết quả qua bưu chính (postal) là bắt buộc khi chọn nhận qua bưu chính',
      },
    ]);
  }
  const entry = await ctx.entries.entry(body.procedureCode, body.agencyId);
  const agency = agencyOf(entry);
  const procedure = procedureOf(entry);
  if (!procedure.channels.includes('online')) {
    throw new ValidationError([
      { field: 'procedureCode', message: 'Thủ tục này không nhận hồ sơ trực tuyến tại cơ quan đã chọn' },
    ]);
  }
  const process = processInForce(entry);
  const eform = await ctx.entries.eform(procedure);
  return ctx.db.transaction().execute(async (trx) => {
    await assertPostal(trx, body.postal);
    assertTransition(null, 'moi_dang_ky');
    const now = new Date();
    const formData = await checkOnlineForm(trx, eform.definition, body.formData, now);
    const step = entryStep(process.definition, true);
    const place = await placeAt(
      { db: trx, legalTime: ctx.legalTime },
      {
        def: process.definition,
        dossierId: null,
        dossierAgencyId: agency.id,
        stepId: step.id,
        via: null,
        now,
        known: agency,
      },
    );
    const applicant = await upsertApplicant(trx, body.applicant);
    const row = await insertDossier(trx, {
      procedure,
      agency,
      processId: process.id,
      channel: 'online',
      status: 'moi_dang_ky',
      place,
      applicant: body.applicant,
      applicantRef: { id: applicant.id, accountId: auth.account.id },
      body: { ...body, formData },
      eformVersion: eform.version,
      now,
    });
    const files = await attachFiles(trx, row.id, auth.account.id, body.fileIds, 'component');
    // Files named only in the form data (file fields, also in groups) are attached the same way.
    const inForm = formFiles(eform.definition, formData).filter((f) => !body.fileIds.includes(f.id));
    files.push(...(await attachFormFiles(trx, row.id, auth.account.id, inForm)));
    // The draft it came from goes with the submission, or not at all.
    if (body.draftId) await deleteDraftInTrx(trx, auth.account.id, body.draftId);
    const done = await commitChange(
      trx,
      c.actor,
      row,
      {},
      {
        action: 'submit',
        toStatus: 'moi_dang_ky',
        toStep: place.step_id,
        toHolder: null,
        files,
        details: { channel: 'online' },
      },
      { notices: [{ kind: 'submitted', facts: { agency: agency.name } }] },
    );
    return done.id;
  });
}

/**
 * Inserts the dossier with its code: the unit's next number of the day is allocated atomically by a
 * CTE of the same statement, so that the counter row, locked until commit, is taken as late as the
 * code allows and costs no round trip of its own.
 */
async function insertDossier(
  trx: Tx,
  d: {
    procedure: ProcedureFacts;
    agency: { id: string; code: string; path: string };
    processId: string;
    channel: 'counter' | 'postal' | 'online' | 'interagency';
    status: DossierStatus;
    place: Awaited<ReturnType<typeof placeAt>>;
    applicant: ApplicantInput;
    applicantRef: { id: string; accountId: string | null };
    body: Pick<ReceiveBody, 'summary' | 'formData' | 'components' | 'resultDelivery' | 'postal'>;
    /** The e-form version the online form data was checked against. */
    eformVersion?: number;
    now: Date;
  },
): Promise<DossierRecord> {
  const day = vietnamDay(d.now);
  const prefix = dossierCodePrefix(d.agency.code, day);
  const numbered = trx.with('c', (db) =>
    db
      .insertInto('dossier_code_counters')
      .values({ agency_id: d.agency.id, day, last: 1 })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'day']).doUpdateSet({ last: sql<number>`dossier_code_counters.last + 1` }),
      )
      .returning('last'),
  );
  return numbered
    .insertInto('dossiers')
    .values({
      code: sql<string>`(select ${prefix} || lpad(last::text, ${SEQUENCE_DIGITS}, '0') from c)`,
      procedure_id: d.procedure.id,
      procedure_code: d.procedure.code,
      procedure_name: d.procedure.name,
      field_code: d.procedure.fieldCode,
      agency_id: d.agency.id,
      agency_path: d.agency.path,
      process_id: d.processId,
      channel: d.channel,
      status: d.status,
      ...d.place,
      applicant_id: d.applicantRef.id,
      applicant_account_id: d.applicantRef.accountId,
      applicant_kind: d.applicant.kind,
      applicant_name: d.applicant.fullName,
      applicant_org: d.applicant.orgName ?? null,
      applicant_id_number: d.applicant.idNumber,
      applicant_phone: d.applicant.phone ?? null,
      applicant_email: d.applicant.email ?? null,
      applicant_address: d.applicant.address ?? null,
      summary: d.body.summary,
      form_data: JSON.stringify(d.body.formData),
      eform_version: d.eformVersion ?? null,
      components: JSON.stringify(d.body.components),
      submitted_at: d.now,
      result_delivery: d.body.resultDelivery,
      postal: d.body.postal ? JSON.stringify(d.body.postal) : null,
      history_hash: FIRST_HASH,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      if ((err as { constraint?: string }).constraint === 'dossier_code_counters_last_check') {
        throw new ConflictError(
          'Đơn vị đã tiếp nhận 9.999 hồ sơ trong ngày: không thể cấp thêm mã số hồ sơ',
          'daily_sequence_exhausted',
        );
      }
      throw err;
    });
}
