import { statusAfter } from '../../domain/dossier-flow.ts';
import { isTerminal } from '../../domain/dossier-status-machine.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { ProcessDefinition, ProcessTransition } from '../../domain/process.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { ActionScope } from './scope.ts';
import { appointmentOf, checkTransition, closePause, FINISHED } from './scope.ts';
import { assertCanHold, placeAt, stepOf } from './placement.ts';
import { attachFiles } from './applicants.ts';
import { draftResultFile } from './draft-result.ts';
import { storeDossierFiles } from '../documents/store.ts';
import { arrowsHere, atReception, forbid, movable, refuse } from './rules.ts';
import type { ActionBody } from './schema.ts';
import { commitChange, processOf } from './store.ts';
import type { NoticeKind } from '../../domain/dossier-notices.ts';

/**
 * Moving a dossier along its process (II.5.6, II.7–II.9, II.15): forward, assign, coordinate, submit
 * for approval, approve, send back, extend, ask for fees, finish; asking for a supplement through the
 * counter (II.8.5); stopping; returning the result (II.10, II.11); reassigning, delegating, recalling.
 */

type MoveBody = Extract<ActionBody, { action: 'move' }>;

function arrow(
  def: ProcessDefinition,
  s: ActionScope,
  id: string | null,
  action?: ProcessTransition['action'],
): ProcessTransition {
  const here = arrowsHere(def, s.row);
  const t = id ? here.find((x) => x.id === id) : here.find((x) => x.action === action);
  if (!t || (action && t.action !== action)) {
    const name = stepOf(def, s.row.step_id).name;
    throw new ConflictError(
      id
        ? `Bước chuyển “${id}” không xuất phát từ bước hiện tại của hồ sơ (“${name}”)`
        : `Quy trình không cho phép thao tác này ở bước “${name}”`,
      'transition_not_here',
    );
  }
  return t;
}

function need(problems: { field: string; message: string }[], ok: unknown, field: string, message: string) {
  if (ok === null || ok === undefined || ok === '' || (Array.isArray(ok) && ok.length === 0))
    problems.push({ field, message });
}

export async function move(s: ActionScope, body: MoveBody): Promise<void> {
  const def = await processOf(s.trx, s.row.process_id);
  const t = arrow(def, s, body.transitionId);
  if (t.action === 'request_supplement') {
    return supplementRequest(s, {
      reason: body.reason ?? '',
      missingItems: body.missingItems ?? [],
      transitionId: t.id,
    });
  }
  if (t.action === 'return_result') {
    refuse(s.row, 'chuyển theo bước này', 'hãy dùng thao tác “Trả kết quả” để ghi người nhận và biên lai');
  }
  const { row } = s;
  if (!movable(row)) refuse(row, 'chuyển hồ sơ theo quy trình');
  if (row.status === 'duoc_tiep_nhan' && !['forward', 'reject'].includes(t.action)) {
    refuse(row, 'thực hiện bước này', 'hồ sơ vừa tiếp nhận chỉ có thể chuyển đến đơn vị giải quyết');
  }
  if (!s.standing.holder) forbid('xử lý ở bước hiện tại (hồ sơ không được giao cho bạn)');
  const problems: { field: string; message: string }[] = [];
  if (['reject', 'send_back', 'extend'].includes(t.action))
    need(problems, body.reason, 'reason', 'Lý do (reason) là bắt buộc');
  if (t.action === 'extend')
    need(
      problems,
      body.extensionMinutes,
      'extensionMinutes',
      'Thời gian gia hạn (extensionMinutes) là bắt buộc',
    );
  if (t.action === 'request_payment')
    need(problems, body.amount, 'amount', 'Số tiền phí, lệ phí (amount) là bắt buộc');
  if (body.useDraftResult && t.action !== 'finish')
    problems.push({
      field: 'useDraftResult',
      message: 'Dùng dự thảo kết quả từ mẫu (useDraftResult) chỉ dùng được ở bước hoàn thành xử lý',
    });
  if (problems.length) throw new ValidationError(problems);
  if (t.action === 'reject') return stopAlong(s, def, t, body.reason ?? '');

  const to: DossierStatus = statusAfter(t.action, row.status as DossierStatus, atReception(row));
  await checkTransition(s, to);
  const place = await placeAt(
    { db: s.trx, legalTime: s.ctx.legalTime },
    {
      def,
      dossierId: row.id,
      dossierAgencyId: row.agency_id,
      stepId: t.to,
      via: t,
      assigneeId: body.assigneeId ?? null,
      now: s.now,
    },
  );
  const patch: Record<string, unknown> = { ...place, status: to, status_reason: null };
  const details: Record<string, unknown> = { transition: t.id, label: t.label ?? t.action };
  if (t.action === 'extend') {
    const extension = row.extension_minutes + (body.extensionMinutes ?? 0);
    const appointment = await appointmentOf(s, row.pauses, extension);
    Object.assign(patch, { extension_minutes: extension, appointment_at: appointment });
    Object.assign(details, {
      previousAppointment: row.appointment_at?.toISOString() ?? null,
      appointmentAt: appointment?.toISOString() ?? null,
      extensionMinutes: body.extensionMinutes,
    });
  }
  if (t.action === 'request_payment')
    Object.assign(patch, { fee_amount: body.amount, paused_since: s.now, pause_reason: 'fees' });
  if (t.action === 'finish') {
    Object.assign(patch, { completed_at: s.now, originals_missing: false });
    details.onTime = row.appointment_at ? s.now <= row.appointment_at : null;
  }
  const files = await attachFiles(
    s.trx,
    row.id,
    s.caller.auth.account.id,
    body.fileIds,
    t.action === 'finish' ? 'result' : 'other',
  );
  if (body.useDraftResult) {
    const made = await draftResultFile(s);
    files.push(made.fileId);
    details.resultTemplateVersion = made.templateVersion;
  }
  const facts = {
    agency: s.agencyName,
    appointmentAt: 'appointment_at' in patch ? (patch.appointment_at as Date | null) : row.appointment_at,
    reason: body.reason ?? null,
    amount: body.amount ?? null,
  };
  const kinds = [
    row.status === 'duoc_tiep_nhan' ? 'processing' : null,
    NOTICE_OF_ACTION[t.action] ?? null,
  ].filter((k): k is NoticeKind => k !== null);
  const done = await commitChange(
    s.trx,
    s.caller.actor,
    row,
    patch,
    {
      action: t.action,
      toStatus: to,
      toStep: place.step_id,
      toHolder: place.holder_id,
      reason: body.reason ?? null,
      files,
      details,
    },
    { notices: kinds.map((kind) => ({ kind, facts })) },
  );
  // The result is available to the applicant from now on: it joins their document store (V.8).
  if (t.action === 'finish') await storeDossierFiles(s.trx, done, 'result', s.now);
}

/** The notice an action along an arrow sends the applicant, besides "processing" after receipt. */
const NOTICE_OF_ACTION: Partial<Record<string, NoticeKind>> = {
  extend: 'extended',
  request_payment: 'payment_requested',
  finish: 'finished',
};

/**
 * A supplement is asked for: at reception by the counter (the dossier stays there), or by the handler
 * through the counter (II.8.5): the dossier goes to the arrow's target, the legal clock pauses, and the
 * supplement comes back to the step that asked.
 */
export async function supplementRequest(
  s: ActionScope,
  input: { reason: string; missingItems: readonly string[]; transitionId: string | null },
): Promise<void> {
  const { row } = s;
  const problems: { field: string; message: string }[] = [];
  need(problems, input.reason, 'reason', 'Lý do, nội dung cần bổ sung (reason) là bắt buộc');
  need(
    problems,
    input.missingItems,
    'missingItems',
    'Cần nêu ít nhất một giấy tờ cần bổ sung (missingItems)',
  );
  if (problems.length) throw new ValidationError(problems);
  const reception = atReception(row) && row.status === 'moi_dang_ky';
  if (
    !reception &&
    !(row.status === 'dang_xu_ly' || (row.status === 'da_bo_sung' && row.supplement_phase === 'process'))
  ) {
    refuse(row, 'yêu cầu bổ sung hồ sơ');
  }
  if (reception && row.cancelled_at) refuse(row, 'yêu cầu bổ sung hồ sơ', 'người nộp đã hủy hồ sơ này');
  if (reception ? !s.standing.counter : !s.standing.holder) forbid('yêu cầu bổ sung hồ sơ');
  await checkTransition(s, 'yeu_cau_bo_sung');
  const def = await processOf(s.trx, row.process_id);
  let placement: Record<string, unknown> = {};
  let toStep = row.step_id;
  let toHolder = row.holder_id;
  if (!reception) {
    const t = arrow(def, s, input.transitionId, 'request_supplement');
    const p = await placeAt(
      { db: s.trx, legalTime: s.ctx.legalTime },
      { def, dossierId: row.id, dossierAgencyId: row.agency_id, stepId: t.to, via: t, now: s.now },
    );
    placement = { ...p, paused_since: s.now, pause_reason: 'supplement' };
    toStep = p.step_id;
    toHolder = p.holder_id;
  }
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    {
      ...placement,
      status: 'yeu_cau_bo_sung',
      status_reason: input.reason,
      missing_items: JSON.stringify(input.missingItems),
      supplement_phase: reception ? 'receive' : 'process',
    },
    {
      action: 'request_supplement',
      toStatus: 'yeu_cau_bo_sung',
      toStep,
      toHolder,
      reason: input.reason,
      details: { missingItems: input.missingItems },
    },
    {
      notices: [
        {
          kind: 'supplement_requested',
          facts: {
            agency: s.agencyName,
            reason: input.reason,
            missingItems: input.missingItems,
          },
        },
      ],
    },
  );
}

/** "Dừng xử lý" along a refusal arrow (the counter then hands the letter over) or where it is. */
async function stopAlong(
  s: ActionScope,
  def: ProcessDefinition,
  t: ProcessTransition | null,
  reason: string,
): Promise<void> {
  const { row } = s;
  await checkTransition(s, 'dung_xu_ly');
  const { patch: pausePatch } = closePause(s);
  const target = t ? stepOf(def, t.to) : null;
  const place =
    target && target.kind !== 'end'
      ? await placeAt(
          { db: s.trx, legalTime: s.ctx.legalTime },
          { def, dossierId: row.id, dossierAgencyId: row.agency_id, stepId: target.id, via: t, now: s.now },
        )
      : null;
  const patch = place ? { ...place } : { ...FINISHED, step_id: target?.id ?? row.step_id };
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { ...pausePatch, ...patch, status: 'dung_xu_ly', status_reason: reason, completed_at: s.now },
    {
      action: t ? 'reject' : 'stop',
      toStatus: 'dung_xu_ly',
      toStep: place?.step_id ?? target?.id ?? row.step_id,
      toHolder: place?.holder_id ?? null,
      reason,
    },
    { notices: [{ kind: 'stopped', facts: { agency: s.agencyName, reason } }] },
  );
}

export async function stopProcessing(s: ActionScope, reason: string): Promise<void> {
  const { row } = s;
  if (row.status !== 'dang_xu_ly' || atReception(row)) {
    refuse(
      row,
      'dừng xử lý',
      row.status === 'da_bo_sung'
        ? 'hồ sơ đã bổ sung phải được tiếp tục xử lý trước'
        : 'chỉ dừng được hồ sơ đang giải quyết',
    );
  }
  if (!s.standing.holder) forbid('dừng xử lý');
  const def = await processOf(s.trx, row.process_id);
  const t = arrowsHere(def, row).find((x) => x.action === 'reject') ?? null;
  await stopAlong(s, def, t, reason);
}

/** Reassignment by a department head (II.7.2) or delegation by the holder (II.8.4). */
export async function reassign(s: ActionScope, assigneeId: string, reason: string | null): Promise<void> {
  const { row } = s;
  if (isTerminal(row.status as DossierStatus)) refuse(row, 'phân công lại', 'hồ sơ đã kết thúc');
  if (row.task === 'done' || row.task === 'receive') refuse(row, 'phân công lại', 'hồ sơ không ở bước xử lý');
  if (!s.standing.assigner && !s.standing.holder) forbid('phân công lại');
  if (assigneeId === row.holder_id) {
    throw new ValidationError([
      { field: 'assigneeId', message: 'Người nhận xử lý (assigneeId) đang xử lý hồ sơ này' },
    ]);
  }
  const def = await processOf(s.trx, row.process_id);
  await assertCanHold(s.trx, def, row, assigneeId);
  const o = await s.trx
    .selectFrom('officials')
    .select('department_id')
    .where('account_id', '=', assigneeId)
    .executeTakeFirst();
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { holder_id: assigneeId, holder_department_id: row.holder_department_id ?? o?.department_id ?? null },
    {
      action: s.standing.assigner ? 'reassign' : 'delegate',
      toStatus: row.status as DossierStatus,
      toStep: row.step_id,
      toHolder: assigneeId,
      reason,
    },
  );
}

const RECALLABLE = [
  'forward',
  'coordinate',
  'submit_approval',
  'approve',
  'send_back',
  'reassign',
  'delegate',
];

/** Takes back a transfer sent to the wrong place, while its receiver has not acted on it. */
export async function recall(s: ActionScope, reason: string | null): Promise<void> {
  const { row } = s;
  const last = await s.trx
    .selectFrom('dossier_events')
    .select(['actor_id', 'action', 'from_step', 'from_holder', 'from_status'])
    .where('dossier_id', '=', row.id)
    .where('action', '!=', 'comment')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || !RECALLABLE.includes(last.action) || !last.from_step) {
    refuse(row, 'thu hồi', 'thao tác cuối cùng không phải là một lần chuyển hồ sơ');
  }
  if (last.actor_id !== s.caller.auth.account.id) {
    // A sender whose transfer the receiver has already acted on meets the status rule, not the role.
    const sent = await s.trx
      .selectFrom('dossier_events')
      .select('seq')
      .where('dossier_id', '=', row.id)
      .where('actor_id', '=', s.caller.auth.account.id)
      .where('action', 'in', RECALLABLE)
      .limit(1)
      .executeTakeFirst();
    if (sent) refuse(row, 'thu hồi', 'người nhận đã xử lý hồ sơ');
    forbid('thu hồi (chỉ người đã chuyển hồ sơ mới thu hồi được)');
  }
  if (row.status !== 'dang_xu_ly') refuse(row, 'thu hồi', 'người nhận đã xử lý hồ sơ');
  const def = await processOf(s.trx, row.process_id);
  const place = await placeAt(
    { db: s.trx, legalTime: s.ctx.legalTime },
    {
      def,
      dossierId: row.id,
      dossierAgencyId: row.agency_id,
      stepId: last.from_step,
      via: null,
      assigneeId: last.from_holder ?? s.caller.auth.account.id,
      now: s.now,
    },
  );
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { ...place },
    {
      action: 'recall',
      toStatus: 'dang_xu_ly',
      toStep: place.step_id,
      toHolder: place.holder_id,
      reason,
    },
  );
}
