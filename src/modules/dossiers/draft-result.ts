import { ValidationError } from '../../errors.ts';
import { dossierDetail } from './detail.ts';
import { storeMadeFile } from './files.ts';
import type { ActionScope } from './scope.ts';

/**
 * "Dùng dự thảo kết quả từ mẫu" at the finish step: the draft the dossier page offers for download,
 * rendered again here with the dossier as it is finished (today as its completion date) and stored
 * as one of its result files, in the action's transaction, so the history lists it with the finish.
 */
export async function draftResultFile(s: ActionScope): Promise<{ fileId: string; templateVersion: number }> {
  const d = await dossierDetail(s.trx, s.caller.auth, s.place, s.row.id);
  const made = (await s.ctx.draftResult?.(s.trx, { ...d, completedAt: s.now.toISOString() })) ?? null;
  if (!made)
    throw new ValidationError([
      {
        field: 'useDraftResult',
        message: `Dùng dự thảo kết quả từ mẫu (useDraftResult): thủ tục ${d.procedureCode} chưa có mẫu kết quả`,
      },
    ]);
  const fileId = await storeMadeFile(s.trx, {
    dossierId: s.row.id,
    kind: 'result',
    fileName: made.fileName,
    bytes: made.bytes,
    madeBy: s.caller.auth.account.id,
  });
  return { fileId, templateVersion: made.templateVersion };
}
