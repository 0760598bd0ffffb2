import { allows } from '../../domain/permissions.ts';
import { statusAfter } from '../../domain/dossier-flow.ts';
import { canTransition, isTerminal } from '../../domain/dossier-status-machine.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import { STATUS_INFO } from '../../domain/dossier-status.ts';
import type { ProcessDefinition, ProcessTransition } from '../../domain/process.ts';
import { ConflictError, ForbiddenError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { AvailableAction } from './schema.ts';
import type { Executor } from '../../db/tx.ts';
import type { DossierRecord, OfficialPlace } from './store.ts';
import { holds, tookPart } from './store.ts';

/**
 * Who may do what to a dossier, as data the executor enforces and the detail page shows as buttons:
 * the partition (who may see it at all: 403), the status (what can happen now: 409) and the role or
 * assignment (who may do it: 403).
 */

export interface Standing {
  /** dossiers.receive over the dossier's agency: the counter that received it. */
  counter: boolean;
  /** dossiers.return over the dossier's agency. */
  returner: boolean;
  /** dossiers.assign over the agency holding it: reassigns (II.7.2). */
  assigner: boolean;
  /** Holds the current step, by name or through its pool. */
  holder: boolean;
  /** The applicant's own account. */
  applicant: boolean;
  /** May read it: a dossiers.* permission over its agency or the agency holding it, or one of the above. */
  reader: boolean;
}

const READ_PERMISSIONS = [
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.assign',
  'dossiers.approve',
] as const;

export function standingOf(auth: AuthContext, place: OfficialPlace | null, row: DossierRecord): Standing {
  const over = (path: string) => READ_PERMISSIONS.some((p) => allows(auth.grants, p, path));
  const s: Standing = {
    counter: allows(auth.grants, 'dossiers.receive', row.agency_path),
    returner: allows(auth.grants, 'dossiers.return', row.agency_path),
    assigner: allows(auth.grants, 'dossiers.assign', row.holder_agency_path),
    holder: place ? holds(auth, place, row) : false,
    applicant: row.applicant_account_id !== null && row.applicant_account_id === auth.account.id,
    reader: false,
  };
  s.reader = s.counter || s.holder || s.applicant || over(row.agency_path) || over(row.holder_agency_path);
  return s;
}

export function assertReader(s: Standing): void {
  if (!s.reader) throw new ForbiddenError('Hồ sơ không thuộc phạm vi dữ liệu của bạn');
}

/**
 * The caller's standing once they may read the dossier (else 403): by partition, role or holding, or
 * because they acted on it — read-only once it has left their partition, as the other agency of a
 * liên thông step that has just sent it back.
 */
export async function readableStanding(
  db: Executor,
  auth: AuthContext,
  place: OfficialPlace | null,
  row: DossierRecord,
): Promise<Standing> {
  const standing = standingOf(auth, place, row);
  if (!standing.reader && !(await tookPart(db, auth.account.id, row.id))) assertReader(standing);
  return standing;
}

export const statusWord = (s: string) => `“${STATUS_INFO[s as DossierStatus]?.label ?? s}”`;

/** 409 with the reason the action cannot happen in the dossier's present status or step. */
export function refuse(row: DossierRecord, what: string, why?: string): never {
  throw new ConflictError(
    `Không thể ${what} khi hồ sơ đang ở trạng thái ${statusWord(row.status)}${why ? `: ${why}` : ''}`,
    'invalid_action',
  );
}

export function forbid(what: string): never {
  throw new ForbiddenError(`Bạn không có quyền ${what} đối với hồ sơ này`);
}

export const atReception = (row: DossierRecord) => row.task === 'receive';
const processPhase = (row: DossierRecord) => row.supplement_phase === 'process';

/** Statuses a dossier can be moved along its process from (after receipt, before its result). */
export function movable(row: DossierRecord): boolean {
  return (
    (row.status === 'duoc_tiep_nhan' && atReception(row)) ||
    row.status === 'dang_xu_ly' ||
    (row.status === 'da_bo_sung' && processPhase(row))
  );
}

/** Arrows out of the current step, in the definition's order. */
export function arrowsHere(def: ProcessDefinition, row: DossierRecord): ProcessTransition[] {
  return def.transitions.filter((t) => t.from === row.step_id);
}

const NEEDS: Partial<Record<ProcessTransition['action'], AvailableAction['needs']>> = {
  request_supplement: ['reason', 'missingItems'],
  reject: ['reason'],
  send_back: ['reason'],
  extend: ['reason', 'extension'],
  request_payment: ['amount'],
  forward: ['assignee'],
  coordinate: ['assignee'],
  submit_approval: ['assignee'],
  finish: ['result'],
};

/** The actions the caller can take now, with what each form must ask for. */
export function availableActions(def: ProcessDefinition, row: DossierRecord, s: Standing): AvailableAction[] {
  const out: AvailableAction[] = [];
  const stepName = (id: string) => def.steps.find((x) => x.id === id)?.name ?? id;
  const add = (
    action: string,
    label: string,
    needs: AvailableAction['needs'] = [],
    t: ProcessTransition | null = null,
  ) => out.push({ action, transitionId: t?.id ?? null, label, needs, toStepName: t ? stepName(t.to) : null });
  const st = row.status;
  const reception = atReception(row);
  if (s.counter && reception && row.cancelled_at === null) {
    if (st === 'moi_dang_ky' || (st === 'da_bo_sung' && !processPhase(row))) {
      add('accept', 'Tiếp nhận hồ sơ');
      add('refuse', 'Từ chối tiếp nhận', ['reason']);
    }
    if (st === 'moi_dang_ky')
      add('request_supplement', 'Yêu cầu bổ sung, hoàn thiện hồ sơ', ['reason', 'missingItems']);
  }
  if ((s.counter || s.applicant) && st === 'yeu_cau_bo_sung')
    add('supplement', 'Ghi nhận hồ sơ đã bổ sung', ['channel']);
  if (s.holder && st === 'da_bo_sung' && processPhase(row)) add('resume', 'Tiếp tục xử lý hồ sơ đã bổ sung');
  if ((s.counter || s.holder) && st === 'yeu_cau_nghia_vu_tai_chinh')
    add('pay', 'Ghi nhận đã nộp phí, lệ phí', ['receipt']);
  if (s.holder && movable(row)) {
    for (const t of arrowsHere(def, row)) {
      if (t.action === 'return_result' || (t.action === 'finish' && st === 'duoc_tiep_nhan')) continue;
      if (t.action === 'request_supplement' && reception) continue;
      if (t.action === 'reject' && reception) continue;
      // Only arrows the status chart allows from here; a supplement is asked once while processing.
      if (!canTransition(st as DossierStatus, statusAfter(t.action, st as DossierStatus, reception)))
        continue;
      if (t.action === 'request_supplement' && processPhase(row)) continue;
      add('move', t.label ?? t.action, NEEDS[t.action] ?? [], t);
    }
    if (
      !reception &&
      st === 'dang_xu_ly' &&
      !arrowsHere(def, row).some((t) => t.action === 'request_payment')
    ) {
      add('request_payment', 'Yêu cầu thực hiện nghĩa vụ tài chính', ['amount']);
    }
    if (!reception && st === 'dang_xu_ly') add('stop', 'Dừng xử lý (nêu rõ lý do)', ['reason']);
  }
  if (
    (s.returner || s.holder) &&
    row.task === 'return' &&
    (st === 'da_xu_ly_xong' || (st === 'dung_xu_ly' && !row.returned_at))
  ) {
    add('return_result', st === 'dung_xu_ly' ? 'Trả văn bản trả lời cho người nộp' : 'Trả kết quả', [
      'recipient',
      'receipt',
    ]);
    if (st === 'da_xu_ly_xong')
      add('not_returned', 'Chưa trả được kết quả (thiếu bản chính đối chiếu)', ['reason']);
  }
  if (
    (s.assigner || s.holder) &&
    !isTerminal(row.status as DossierStatus) &&
    row.task !== 'done' &&
    row.task !== 'receive'
  ) {
    add('assign', s.assigner ? 'Phân công lại' : 'Ủy quyền xử lý', ['assignee']);
  }
  if (s.applicant && st === 'moi_dang_ky')
    add(row.cancelled_at ? 'restore' : 'cancel', row.cancelled_at ? 'Khôi phục hồ sơ' : 'Hủy hồ sơ');
  // Done on the submission page (amend.ts), not through /actions.
  if (s.applicant && st === 'moi_dang_ky' && !row.cancelled_at && row.channel === 'online')
    add('amend', 'Sửa hồ sơ trước khi tiếp nhận');
  if ((s.applicant || s.counter) && !isTerminal(row.status as DossierStatus))
    add('withdraw', 'Rút hồ sơ theo yêu cầu của người nộp', ['reason']);
  if (s.reader) add('comment', 'Ghi ý kiến');
  return out;
}
