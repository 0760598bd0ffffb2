import type { ActionScope } from './scope.ts';
import { checkTransition } from './scope.ts';
import { move } from './moves.ts';
import { arrowsHere, atReception, forbid, refuse } from './rules.ts';
import { commitChange, processOf } from './store.ts';

/**
 * "Yêu cầu thực hiện nghĩa vụ tài chính" (Annex I, II.10.3): the handler asks for fees or taxes. Along
 * the process's own arrow when it has one; otherwise the dossier waits at its step, the legal clock
 * paused, until the payment is recorded (action `pay`).
 */
export async function requestPayment(s: ActionScope, amount: number, reason: string | null): Promise<void> {
  const { row } = s;
  const def = await processOf(s.trx, row.process_id);
  const arrow = arrowsHere(def, row).find((t) => t.action === 'request_payment');
  if (arrow) {
    return move(s, {
      action: 'move',
      rowVersion: row.row_version,
      transitionId: arrow.id,
      amount,
      reason,
      fileIds: [],
    });
  }
  if (atReception(row) || row.status !== 'dang_xu_ly')
    refuse(row, 'yêu cầu nộp phí, lệ phí', 'chỉ hồ sơ đang giải quyết mới được yêu cầu');
  if (!s.standing.holder) forbid('yêu cầu nộp phí, lệ phí');
  await checkTransition(s, 'yeu_cau_nghia_vu_tai_chinh');
  await commitChange(
    s.trx,
    s.caller.actor,
    row,
    {
      status: 'yeu_cau_nghia_vu_tai_chinh',
      fee_amount: amount,
      paused_since: s.now,
      pause_reason: 'fees',
      status_reason: reason,
    },
    {
      action: 'request_payment',
      toStatus: 'yeu_cau_nghia_vu_tai_chinh',
      toStep: row.step_id,
      toHolder: row.holder_id,
      reason,
      details: { amount },
    },
    { notices: [{ kind: 'payment_requested', facts: { agency: s.agencyName, amount, reason } }] },
  );
}
