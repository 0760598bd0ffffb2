/**
 * The legal status machine of a dossier (TT 22/2019 Annex I; II.4.1 status catalogue, II.4.2 status
 * transition chart): which status may follow which, what causes it, who acts and which Annex I row it
 * implements. Process definitions (process.ts) move a dossier between steps; every step change that
 * changes the status must be allowed here. What is shown with each status is in dossier-status-display.ts.
 * The one import from outside domain/ is AppError (../errors.ts, a leaf module): a refused transition is
 * then a 409 problem+json wherever it is thrown, with no mapping step in every service.
 */
import { AppError } from '../errors.ts';
import type { AnnexIPhase } from './annex-i.ts';
import { DOSSIER_STATUSES, STATUS_INFO } from './dossier-status.ts';
import type { DossierStatus } from './dossier-status.ts';

/** What happens to the dossier. */
export const TRANSITION_EVENTS = [
  'submit_online',
  'receive_paper',
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'transfer',
  'continue',
  'resume',
  'request_payment',
  'pay',
  'stop',
  'finish',
  'return_result',
  'withdraw',
] as const;
export type TransitionEvent = (typeof TRANSITION_EVENTS)[number];

export const EVENT_LABEL: Readonly<Record<TransitionEvent, string>> = {
  submit_online: 'Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công',
  receive_paper: 'Tiếp nhận hồ sơ giấy (trực tiếp hoặc qua bưu chính)',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement: 'Bổ sung hồ sơ',
  transfer: 'Chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết',
  continue: 'Phân công, xử lý, lấy ý kiến, liên thông, gia hạn',
  resume: 'Tiếp tục xử lý hồ sơ đã bổ sung',
  request_payment: 'Yêu cầu nộp phí, lệ phí, thuế',
  pay: 'Nộp phí, lệ phí, thuế',
  stop: 'Dừng xử lý vì không đủ điều kiện giải quyết',
  finish: 'Xử lý xong, chuyển kết quả về Bộ phận một cửa',
  return_result: 'Trả kết quả cho cá nhân, tổ chức',
  withdraw: 'Công dân yêu cầu rút hồ sơ',
};

/** Who causes the transition. */
export const TRANSITION_ACTORS = ['applicant', 'one_stop', 'competent_agency', 'handler'] as const;
export type TransitionActor = (typeof TRANSITION_ACTORS)[number];

export const ACTOR_LABEL: Readonly<Record<TransitionActor, string>> = {
  applicant: 'Cá nhân, tổ chức',
  one_stop: 'Bộ phận một cửa, bộ phận tiếp nhận',
  competent_agency: 'Cơ quan có thẩm quyền giải quyết',
  handler: 'Người được giao xử lý',
};

/** Annex I phases, plus the applicant's supplement (either phase) and withdrawal (none). */
export type TransitionPhase = AnnexIPhase | 'supplement' | 'withdraw';

export interface StatusTransition {
  /** null: the dossier enters the system (submitted online, or received on paper). */
  from: DossierStatus | null;
  to: DossierStatus;
  event: TransitionEvent;
  actor: TransitionActor;
  phase: TransitionPhase;
  /** Annex I rows this transition implements (none for the withdrawal, DVCQG code 7 only). */
  steps: readonly string[];
  /** Allowed once per dossier (I.process.3.2.1: supplements are asked for once while processing). */
  once?: true;
}

/** Statuses a dossier never leaves. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = [
  'khong_duoc_tiep_nhan',
  'cong_dan_yeu_cau_rut',
  'dung_xu_ly',
  'da_tra_ket_qua',
];

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

const t = (
  from: DossierStatus | null,
  to: DossierStatus,
  event: TransitionEvent,
  actor: TransitionActor,
  phase: TransitionPhase,
  steps: readonly string[],
  once?: true,
): StatusTransition => ({ from, to, event, actor, phase, steps, ...(once ? { once } : {}) });

/**
 * The transition chart, one row per (from, to). The citizen may ask to withdraw a dossier from any
 * status that is not terminal (rows generated at the end).
 */
export const STATUS_TRANSITIONS: readonly StatusTransition[] = [
  // Submission and receipt (Nộp hồ sơ, Tiếp nhận hồ sơ)
  t(null, 'moi_dang_ky', 'submit_online', 'applicant', 'submit', ['I.submit.2']),
  t(null, 'duoc_tiep_nhan', 'receive_paper', 'one_stop', 'receive', ['I.receive.1.3']),
  t(null, 'yeu_cau_bo_sung', 'request_supplement', 'one_stop', 'receive', ['I.receive.1.1']),
  t(null, 'khong_duoc_tiep_nhan', 'refuse', 'one_stop', 'receive', ['I.receive.1.2']),
  t('moi_dang_ky', 'duoc_tiep_nhan', 'accept', 'one_stop', 'receive', ['I.receive.2.2']),
  t('moi_dang_ky', 'yeu_cau_bo_sung', 'request_supplement', 'one_stop', 'receive', ['I.receive.2.1']),
  t('moi_dang_ky', 'khong_duoc_tiep_nhan', 'refuse', 'one_stop', 'receive', ['I.receive.2.1']),
  // Supplement: back to receipt or to processing, whichever asked for it
  t('yeu_cau_bo_sung', 'da_bo_sung', 'supplement', 'applicant', 'supplement', ['I.receive.3', 'I.process.4']),
  t('da_bo_sung', 'duoc_tiep_nhan', 'accept', 'one_stop', 'receive', ['I.receive.1.3', 'I.receive.2.2']),
  t('da_bo_sung', 'khong_duoc_tiep_nhan', 'refuse', 'one_stop', 'receive', [
    'I.receive.1.2',
    'I.receive.2.1',
  ]),
  t('da_bo_sung', 'dang_xu_ly', 'resume', 'handler', 'process', ['I.process.3.1']),
  // Handling (Giải quyết thủ tục hành chính)
  t('duoc_tiep_nhan', 'dang_xu_ly', 'transfer', 'one_stop', 'process', ['I.process.1']),
  t('dang_xu_ly', 'dang_xu_ly', 'continue', 'competent_agency', 'process', [
    'I.process.2',
    'I.process.3.1',
    'I.process.3.3',
    'I.process.3.4',
    'I.process.3.5',
  ]),
  t('dang_xu_ly', 'yeu_cau_bo_sung', 'request_supplement', 'handler', 'process', ['I.process.3.2.1'], true),
  t('dang_xu_ly', 'dung_xu_ly', 'stop', 'handler', 'process', ['I.process.3.2.2']),
  t('dang_xu_ly', 'yeu_cau_nghia_vu_tai_chinh', 'request_payment', 'handler', 'process', ['I.process.5']),
  t('yeu_cau_nghia_vu_tai_chinh', 'dang_xu_ly', 'pay', 'applicant', 'process', ['I.process.5']),
  // Returning the result (Trả kết quả)
  t('dang_xu_ly', 'da_xu_ly_xong', 'finish', 'handler', 'return', ['I.return.1']),
  t('da_xu_ly_xong', 'da_tra_ket_qua', 'return_result', 'one_stop', 'return', ['I.return.2']),
  // Withdrawal (DVCQG TrangThaiHoSo 7; no Annex I row)
  ...DOSSIER_STATUSES.filter((s) => !isTerminal(s)).map((s) =>
    t(s, 'cong_dan_yeu_cau_rut', 'withdraw', 'applicant', 'withdraw', []),
  ),
];

const key = (from: DossierStatus | null, to: DossierStatus) => `${from ?? ''}>${to}`;
const BY_PAIR: ReadonlyMap<string, StatusTransition> = new Map(
  STATUS_TRANSITIONS.map((tr) => [key(tr.from, tr.to), tr]),
);

/** The row of the chart for from → to (from null: entry), if any. */
export function transitionOf(from: DossierStatus | null, to: DossierStatus): StatusTransition | undefined {
  return BY_PAIR.get(key(from, to));
}

/** True when the chart allows from → to (from null: a new dossier may start in `to`). */
export function canTransition(from: DossierStatus | null, to: DossierStatus): boolean {
  return BY_PAIR.has(key(from, to));
}

/** Statuses that may follow `from` (null: the statuses a dossier may start in), in catalogue order. */
export function nextStatuses(from: DossierStatus | null): DossierStatus[] {
  return DOSSIER_STATUSES.filter((to) => canTransition(from, to));
}

/** Statuses a new dossier may start in: submitted online, or received on paper at the counter. */
export const ENTRY_STATUSES: readonly DossierStatus[] = nextStatuses(null);

/** Why a transition was refused. */
export type TransitionRefusal = 'not_in_chart' | 'once_only' | 'wrong_phase';

/** 409 invalid_transition: the chart (or the dossier's history) does not allow this change of status. */
export class InvalidTransitionError extends AppError {
  readonly status = 409;
  readonly code = 'invalid_transition';
  readonly from: DossierStatus | null;
  readonly to: DossierStatus;
  readonly reason: TransitionRefusal;
  constructor(from: DossierStatus | null, to: DossierStatus, reason: TransitionRefusal) {
    const toVi = `trạng thái “${STATUS_INFO[to].label}”`;
    const why: Record<TransitionRefusal, string> = {
      not_in_chart: 'lưu đồ trạng thái không cho phép',
      once_only: 'hồ sơ đã được yêu cầu bổ sung một lần trong quá trình giải quyết',
      wrong_phase: 'hồ sơ đã bổ sung phải quay lại giai đoạn đã yêu cầu bổ sung',
    };
    super(
      from
        ? `Không thể chuyển hồ sơ từ trạng thái “${STATUS_INFO[from].label}” sang ${toVi}: ${why[reason]}`
        : `Hồ sơ mới không thể bắt đầu ở ${toVi}: ${why[reason]}`,
      from ? `A dossier cannot move from ${from} to ${to}` : `A new dossier cannot start in ${to}`,
    );
    this.from = from;
    this.to = to;
    this.reason = reason;
  }
}

/**
 * The phase (receive or process) in which the dossier's latest supplement was asked for, read from
 * its statuses in order (oldest first); undefined when it was never asked for one.
 */
export function supplementPhase(history: readonly DossierStatus[]): TransitionPhase | undefined {
  const i = history.lastIndexOf('yeu_cau_bo_sung');
  if (i < 0) return undefined;
  return transitionOf(history[i - 1] ?? null, 'yeu_cau_bo_sung')?.phase;
}

/** How many times the dossier went from → to, read from its statuses in order. */
function timesTaken(
  history: readonly DossierStatus[],
  from: DossierStatus | null,
  to: DossierStatus,
): number {
  let n = from === null && history[0] === to ? 1 : 0;
  for (let i = 1; i < history.length; i++) if (history[i - 1] === from && history[i] === to) n++;
  return n;
}

/**
 * The row for from → to, or InvalidTransitionError. With the dossier's statuses so far (oldest first,
 * ending with `from`) it also enforces the rules that depend on history: a supplement is asked for
 * once while processing, and a supplemented dossier goes back to the phase that asked for it.
 */
export function assertTransition(
  from: DossierStatus | null,
  to: DossierStatus,
  history?: readonly DossierStatus[],
): StatusTransition {
  const tr = transitionOf(from, to);
  if (!tr) throw new InvalidTransitionError(from, to, 'not_in_chart');
  if (!history) return tr;
  if (tr.once && timesTaken(history, from, to) > 0) throw new InvalidTransitionError(from, to, 'once_only');
  if (from === 'da_bo_sung' && (tr.phase === 'receive' || tr.phase === 'process')) {
    const asked = supplementPhase(history);
    if (asked && asked !== tr.phase) throw new InvalidTransitionError(from, to, 'wrong_phase');
  }
  return tr;
}

export { STATUS_DISPLAY, statusDisplay } from './dossier-status-display.ts';
export type { StatusDisplay, StatusFacts } from './dossier-status-display.ts';
