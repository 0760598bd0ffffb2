import { isTerminal } from '../../domain/dossier-status-machine.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import { UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { DossierContext } from './context.ts';
import { move, recall, reassign, stopProcessing, supplementRequest } from './moves.ts';
import { returnResult } from './returns.ts';
import { requestPayment } from './fees.ts';
import { placeAt } from './placement.ts';
import { attachFiles } from './applicants.ts';
import { assertReader, atReception, forbid, refuse, standingOf } from './rules.ts';
import type { ActionBody } from './schema.ts';
import type { DossierCaller } from './store.ts';
import { assertFresh, commitChange, lockDossier, officialPlace, processOf } from './store.ts';
import type { ActionScope } from './scope.ts';
import { storeDossierFiles } from '../documents/store.ts';
import { appointmentOf, checkTransition, closePause, FINISHED } from './scope.ts';

/**
 * Every action on an existing dossier, in one transaction: lock the row, check the partition (403),
 * the version the official saw (409), the status and step (409), the role or assignment (403), then
 * write the new state, one hash-chained history row and the applicant's notice together.
 */

export async function act(
  ctx: DossierContext,
  c: DossierCaller,
  id: string,
  body: ActionBody,
): Promise<void> {
  if (!c.auth) throw new UnauthenticatedError();
  const auth = c.auth;
  const place = auth.account.kind === 'official' ? await officialPlace(ctx.db, auth) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, id);
    const standing = standingOf(auth, place, row);
    assertReader(standing);
    if (body.action !== 'comment') assertFresh(row, body.rowVersion);
    const agency = await trx
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', row.agency_id)
      .executeTakeFirstOrThrow();
    const s: ActionScope = {
      ctx,
      trx,
      caller: { ...c, auth },
      place,
      row,
      standing,
      now: new Date(),
      agencyName: agency.name,
    };
    await dispatch(s, body);
  });
  ctx.afterCommit();
}

async function dispatch(s: ActionScope, body: ActionBody): Promise<void> {
  switch (body.action) {
    case 'accept':
      return accept(s);
    case 'refuse':
      return refuseReceipt(s, body.reason);
    case 'request_supplement':
      return supplementRequest(s, {
        reason: body.reason,
        missingItems: body.missingItems,
        transitionId: body.transitionId ?? null,
      });
    case 'supplement':
      return supplement(s, body);
    case 'move':
      return move(s, body);
    case 'resume':
      return resume(s);
    case 'request_payment':
      return requestPayment(s, body.amount, body.reason ?? null);
    case 'pay':
      return pay(s, body.receipt ?? null);
    case 'assign':
      return reassign(s, body.assigneeId, body.reason ?? null);
    case 'recall':
      return recall(s, body.reason ?? null);
    case 'stop':
      return stopProcessing(s, body.reason);
    case 'return_result':
      return returnResult(s, body);
    case 'not_returned':
      return notReturned(s, body.reason);
    case 'withdraw':
      return withdraw(s, body.reason);
    case 'cancel':
    case 'restore':
      return cancelOrRestore(s, body.action);
    case 'comment':
      return comment(s, body.text, body.fileIds);
  }
}

// ───────────── reception ─────────────

async function accept(s: ActionScope): Promise<void> {
  const { row } = s;
  if (
    !atReception(row) ||
    !(row.status === 'moi_dang_ky' || (row.status === 'da_bo_sung' && row.supplement_phase !== 'process'))
  ) {
    refuse(
      row,
      'tiếp nhận hồ sơ',
      'chỉ hồ sơ mới đăng ký hoặc đã bổ sung đang chờ tiếp nhận mới được tiếp nhận',
    );
  }
  if (row.cancelled_at) refuse(row, 'tiếp nhận hồ sơ', 'người nộp đã hủy hồ sơ này');
  if (!s.standing.counter) forbid('tiếp nhận');
  await checkTransition(s, 'duoc_tiep_nhan');
  const receivedAt = s.now;
  const appointment = await appointmentOf(s, [], row.extension_minutes, receivedAt);
  const done = await commitChange(
    s.trx,
    s.caller.actor,
    row,
    {
      status: 'duoc_tiep_nhan',
      received_at: receivedAt,
      appointment_at: appointment,
      holder_id: s.caller.auth.account.id,
      status_reason: null,
      missing_items: '[]',
      pauses: '[]',
    },
    {
      action: 'accept',
      toStatus: 'duoc_tiep_nhan',
      toStep: row.step_id,
      toHolder: s.caller.auth.account.id,
      details: { appointmentAt: appointment?.toISOString() ?? null },
    },
    { notices: [{ kind: 'received', facts: { agency: s.agencyName, appointmentAt: appointment } }] },
  );
  // The components the counter accepted become the applicant's verified documents (V.8).
  await storeDossierFiles(s.trx, done, 'verified', receivedAt);
}

async function refuseReceipt(s: ActionScope, reason: string): Promise<void> {
  const { row } = s;
  if (!atReception(row) || !(row.status === 'moi_dang_ky' || row.status === 'da_bo_sung')) {
    refuse(
      row,
      'từ chối tiếp nhận',
      'chỉ từ chối được hồ sơ đang chờ tiếp nhận; hồ sơ đang giải quyết thì dùng “Dừng xử lý”',
    );
  }
  if (row.cancelled_at) refuse(row, 'từ chối tiếp nhận', 'người nộp đã hủy hồ sơ này');
  if (!s.standing.counter) forbid('từ chối tiếp nhận');
  await checkTransition(s, 'khong_duoc_tiep_nhan');
  const def = await processOf(s.trx, row.process_id);
  const arrow = def.transitions.find((t) => t.from === row.step_id && t.action === 'reject');
  const { patch: pausePatch } = closePause(s);
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    {
      ...pausePatch,
      status: 'khong_duoc_tiep_nhan',
      status_reason: reason,
      step_id: arrow?.to ?? row.step_id,
      ...FINISHED,
    },
    {
      action: 'refuse',
      toStatus: 'khong_duoc_tiep_nhan',
      toStep: arrow?.to ?? row.step_id,
      toHolder: null,
      reason,
    },
    { notices: [{ kind: 'refused', facts: { agency: s.agencyName, reason } }] },
  );
}

// ───────────── supplements and fees ─────────────

async function supplement(
  s: ActionScope,
  body: Extract<ActionBody, { action: 'supplement' }>,
): Promise<void> {
  const { row } = s;
  if (row.status !== 'yeu_cau_bo_sung')
    refuse(row, 'ghi nhận bổ sung', 'hồ sơ không có yêu cầu bổ sung đang chờ');
  if (body.channel === 'online' ? !s.standing.applicant : !s.standing.counter)
    forbid('ghi nhận hồ sơ bổ sung');
  await checkTransition(s, 'da_bo_sung');
  const files = await attachFiles(s.trx, row.id, s.caller.auth.account.id, body.fileIds, 'supplement');
  const { patch: pausePatch } = closePause(s);
  let placement: Record<string, unknown> = {};
  let toStep = row.step_id;
  let toHolder = row.holder_id;
  if (row.supplement_phase === 'process') {
    // Back to the step (and the handler) that asked for it.
    const asked = await s.trx
      .selectFrom('dossier_events')
      .select(['from_step', 'from_holder'])
      .where('dossier_id', '=', row.id)
      .where('action', '=', 'request_supplement')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (asked?.from_step) {
      const def = await processOf(s.trx, row.process_id);
      const p = await placeAt(
        { db: s.trx, legalTime: s.ctx.legalTime },
        {
          def,
          dossierId: row.id,
          dossierAgencyId: row.agency_id,
          stepId: asked.from_step,
          via: null,
          assigneeId: null,
          now: s.now,
        },
      );
      placement = { ...p };
      toStep = p.step_id;
      toHolder = p.holder_id;
    }
  }
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { ...pausePatch, ...placement, status: 'da_bo_sung', status_reason: null },
    {
      action: 'supplement',
      toStatus: 'da_bo_sung',
      toStep,
      toHolder,
      reason: body.note ?? null,
      files,
      details: { channel: body.channel },
    },
    { notices: [{ kind: 'supplemented', facts: { agency: s.agencyName } }] },
  );
}

async function resume(s: ActionScope): Promise<void> {
  const { row } = s;
  if (row.status !== 'da_bo_sung' || row.supplement_phase !== 'process') {
    refuse(row, 'tiếp tục xử lý', 'chỉ hồ sơ đã bổ sung theo yêu cầu của người xử lý mới tiếp tục được');
  }
  if (!s.standing.holder) forbid('tiếp tục xử lý');
  await checkTransition(s, 'dang_xu_ly');
  const appointment = await appointmentOf(s, row.pauses, row.extension_minutes);
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { status: 'dang_xu_ly', appointment_at: appointment, holder_id: s.caller.auth.account.id },
    { action: 'resume', toStatus: 'dang_xu_ly', toStep: row.step_id, toHolder: s.caller.auth.account.id },
  );
}

async function pay(s: ActionScope, receipt: string | null): Promise<void> {
  const { row } = s;
  if (row.status !== 'yeu_cau_nghia_vu_tai_chinh')
    refuse(row, 'ghi nhận nộp phí', 'hồ sơ không có yêu cầu thực hiện nghĩa vụ tài chính');
  if (!s.standing.counter && !s.standing.holder) forbid('ghi nhận nộp phí');
  await checkTransition(s, 'dang_xu_ly');
  const { pauses, patch } = closePause(s);
  const appointment = await appointmentOf(s, pauses, row.extension_minutes);
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { ...patch, status: 'dang_xu_ly', fee_paid_at: s.now, fee_receipt: receipt, appointment_at: appointment },
    {
      action: 'pay',
      toStatus: 'dang_xu_ly',
      toStep: row.step_id,
      toHolder: row.holder_id,
      details: { receipt },
    },
    { notices: [{ kind: 'paid', facts: { agency: s.agencyName } }] },
  );
}

// ───────────── result, withdrawal, cancel, comment ─────────────

async function notReturned(s: ActionScope, reason: string): Promise<void> {
  const { row } = s;
  if (row.status !== 'da_xu_ly_xong' || row.task !== 'return')
    refuse(row, 'ghi nhận chưa trả kết quả', 'kết quả chưa về Bộ phận một cửa');
  if (!s.standing.returner && !s.standing.holder) forbid('cập nhật việc trả kết quả');
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { originals_missing: true, status_reason: reason },
    {
      action: 'not_returned',
      toStatus: 'da_xu_ly_xong',
      toStep: row.step_id,
      toHolder: row.holder_id,
      reason,
    },
  );
}

async function withdraw(s: ActionScope, reason: string): Promise<void> {
  const { row } = s;
  if (isTerminal(row.status as DossierStatus)) refuse(row, 'rút hồ sơ', 'hồ sơ đã kết thúc');
  if (!s.standing.applicant && !s.standing.counter) forbid('rút hồ sơ');
  await checkTransition(s, 'cong_dan_yeu_cau_rut');
  const { patch } = closePause(s);
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { ...patch, status: 'cong_dan_yeu_cau_rut', status_reason: reason, ...FINISHED },
    { action: 'withdraw', toStatus: 'cong_dan_yeu_cau_rut', toStep: row.step_id, toHolder: null, reason },
    { notices: [{ kind: 'withdrawn', facts: { agency: s.agencyName, reason } }] },
  );
}

async function cancelOrRestore(s: ActionScope, action: 'cancel' | 'restore'): Promise<void> {
  const { row } = s;
  if (row.status !== 'moi_dang_ky')
    refuse(
      row,
      action === 'cancel' ? 'hủy hồ sơ' : 'khôi phục hồ sơ',
      'hồ sơ đã được cán bộ xem xét tiếp nhận',
    );
  if (!s.standing.applicant) forbid(action === 'cancel' ? 'hủy' : 'khôi phục');
  if ((action === 'cancel') === (row.cancelled_at !== null)) {
    refuse(
      row,
      action === 'cancel' ? 'hủy hồ sơ' : 'khôi phục hồ sơ',
      action === 'cancel' ? 'hồ sơ đã bị hủy' : 'hồ sơ chưa bị hủy',
    );
  }
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    { cancelled_at: action === 'cancel' ? s.now : null },
    { action, toStatus: 'moi_dang_ky', toStep: row.step_id, toHolder: row.holder_id },
  );
}

async function comment(s: ActionScope, text: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length > 50)
    throw new ValidationError([{ field: 'fileIds', message: 'Tối đa 50 tệp (fileIds)' }]);
  const files = await attachFiles(s.trx, s.row.id, s.caller.auth.account.id, fileIds, 'other');
  await commitChange(
    s.trx,
    s.caller.actor,
    s.row,
    {},
    {
      action: 'comment',
      toStatus: s.row.status as DossierStatus,
      toStep: s.row.step_id,
      toHolder: s.row.holder_id,
      reason: text,
      files,
    },
    { bump: false },
  );
}
