import type { DossierStatus } from '../../domain/dossier-status.ts';
import { ValidationError } from '../../errors.ts';
import { assertPostal } from './applicants.ts';
import type { ActionScope } from './scope.ts';
import { checkTransition, FINISHED } from './scope.ts';
import { arrowsHere, forbid, refuse } from './rules.ts';
import type { ActionBody } from './schema.ts';
import { commitChange, processOf } from './store.ts';
import { storeDossierFiles } from '../documents/store.ts';

/**
 * Returning the result (II.10.1, II.10.4–10.7, II.11): to the applicant or a proxy with their
 * identity and authorisation and the fee receipt, or by post to a catalogued address; a stopped
 * dossier's letter is handed over the same way and keeps "Dừng xử lý".
 */
export async function returnResult(
  s: ActionScope,
  body: Extract<ActionBody, { action: 'return_result' }>,
): Promise<void> {
  const { row } = s;
  const stopped = row.status === 'dung_xu_ly' && !row.returned_at;
  if (row.task !== 'return' || !(row.status === 'da_xu_ly_xong' || stopped)) {
    refuse(row, 'trả kết quả', 'kết quả chưa về Bộ phận một cửa');
  }
  if (!s.standing.returner && !s.standing.holder) forbid('trả kết quả');
  const postal = body.postal ?? null;
  const byPost = postal !== null || row.result_delivery === 'postal';
  if (!byPost && !body.recipient) {
    throw new ValidationError([
      {
        field: 'recipient',
        message: 'Thông tin người nhận kết quả (recipient) là bắt buộc khi trả tại Bộ phận một cửa',
      },
    ]);
  }
  if (body.recipient?.relation === 'proxy' && !body.recipient.authorisation) {
    throw new ValidationError([
      {
        field: 'recipient.authorisation',
        message: 'Giấy ủy quyền (recipient.authorisation) là bắt buộc khi người khác nhận thay (II.10.5)',
      },
    ]);
  }
  if (byPost && !postal && !row.postal) {
    throw new ValidationError([
      { field: 'postal', message: 'Địa chỉ nhận kết quả qua bưu chính (postal) là bắt buộc' },
    ]);
  }
  await assertPostal(s.trx, postal);
  const to: DossierStatus = stopped ? 'dung_xu_ly' : 'da_tra_ket_qua';
  if (!stopped) await checkTransition(s, to);
  const def = await processOf(s.trx, row.process_id);
  const t = arrowsHere(def, row).find((x) => x.action === 'return_result');
  const recipient = {
    ...(body.recipient ?? {}),
    delivery: byPost ? 'postal' : 'counter',
    feeReceipt: body.feeReceipt ?? null,
  };
  const done = await commitChange(
    s.trx,
    s.caller.actor,
    row,
    {
      ...FINISHED,
      step_id: t?.to ?? row.step_id,
      status: to,
      returned_at: s.now,
      recipient: JSON.stringify(recipient),
      ...(postal ? { postal: JSON.stringify(postal), result_delivery: 'postal' } : {}),
      originals_missing: false,
      fee_receipt: body.feeReceipt ?? row.fee_receipt,
    },
    {
      action: 'return_result',
      toStatus: to,
      toStep: t?.to ?? row.step_id,
      toHolder: null,
      details: { recipient, postal },
    },
    { notices: stopped ? [] : [{ kind: 'returned', facts: { agency: s.agencyName } }] },
  );
  // Result files attached after the finish step (or before this store existed) join it too.
  if (!stopped) await storeDossierFiles(s.trx, done, 'result', s.now);
}
