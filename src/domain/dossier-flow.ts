/**
 * How a dossier moves along its process (process.ts) while its status follows the legal chart
 * (dossier-status-machine.ts): what the holder of each step is to do (the worklist it appears in),
 * which status an action leaves the dossier in, and how urgent it is. Pure functions; the
 * dossiers module applies them inside one transaction per action.
 */
import type { DossierStatus } from './dossier-status.ts';
import type { ActionKind, ProcessDefinition, ProcessStep } from './process.ts';

/**
 * What the holder of the dossier is to do at its current step: receive (the counter decides), assign
 * (a department head picks the handler, II.7.1), process (handle, II.8), coordinate (give an opinion
 * for another unit, II.8.6, II.15.1), approve (a department head reviews, II.9.1), sign (the agency's
 * leader approves and signs, II.22.3 c, II.22.4), return (the counter hands the result over, II.10),
 * done (nothing left).
 */
export const TASKS = [
  'receive',
  'assign',
  'process',
  'coordinate',
  'approve',
  'sign',
  'return',
  'done',
] as const;
export type Task = (typeof TASKS)[number];

export const TASK_LABEL: Readonly<Record<Task, string>> = {
  receive: 'Tiếp nhận hồ sơ',
  assign: 'Phân công thụ lý',
  process: 'Thụ lý, giải quyết',
  coordinate: 'Phối hợp xử lý',
  approve: 'Xem xét, duyệt',
  sign: 'Phê duyệt, ký kết quả',
  return: 'Trả kết quả',
  done: 'Đã kết thúc',
};

const LEADER_ROLE = 'lanh_dao_don_vi';
const HEAD_ROLE = 'lanh_dao_phong';

const roleOf = (s: ProcessStep | undefined) => (s?.actor?.kind === 'role' ? s.actor.role : null);

/** The task of every step, from its kind, its actor and the arrows that lead into and out of it. */
export function stepTasks(def: ProcessDefinition): Record<string, Task> {
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const out: Record<string, Task> = {};
  for (const step of def.steps) {
    const incoming = def.transitions.filter((t) => t.to === step.id && t.from !== step.id);
    const outgoing = def.transitions.filter((t) => t.from === step.id && t.to !== step.id);
    out[step.id] = ((): Task => {
      if (step.kind === 'receive') return 'receive';
      if (step.kind === 'return') return 'return';
      if (step.kind === 'end') return 'done';
      if (incoming.some((t) => t.action === 'submit_approval'))
        return roleOf(step) === LEADER_ROLE ? 'sign' : 'approve';
      if (incoming.some((t) => t.action === 'coordinate')) return 'coordinate';
      const forwards = outgoing.filter((t) => t.action === 'forward');
      const assigns =
        roleOf(step) === HEAD_ROLE &&
        forwards.length > 0 &&
        outgoing.every((t) => ['forward', 'reject', 'request_supplement', 'send_back'].includes(t.action)) &&
        forwards.every((t) => {
          const target = byId.get(t.to);
          return target?.actor?.kind !== 'role' || target.actor.role !== HEAD_ROLE;
        });
      return assigns ? 'assign' : 'process';
    })();
  }
  return out;
}

/** True while the dossier is at the counter's reception (before it is handed to the competent unit). */
export function inReception(status: DossierStatus, supplementPhase: 'receive' | 'process' | null): boolean {
  return (
    status === 'moi_dang_ky' ||
    status === 'duoc_tiep_nhan' ||
    (status === 'da_bo_sung' && supplementPhase !== 'process') ||
    (status === 'yeu_cau_bo_sung' && supplementPhase !== 'process')
  );
}

/**
 * The status a process action leaves the dossier in. A refusal at the reception step is "Không được
 * tiếp nhận"; later it is "Dừng xử lý". Handing over the result of a stopped dossier (the letter
 * giving the reasons) keeps "Dừng xử lý".
 */
export function statusAfter(action: ActionKind, from: DossierStatus, atReception: boolean): DossierStatus {
  switch (action) {
    case 'request_supplement':
      return 'yeu_cau_bo_sung';
    case 'reject':
      return atReception ? 'khong_duoc_tiep_nhan' : 'dung_xu_ly';
    case 'request_payment':
      return 'yeu_cau_nghia_vu_tai_chinh';
    case 'finish':
      return 'da_xu_ly_xong';
    case 'return_result':
      return from === 'dung_xu_ly' ? 'dung_xu_ly' : 'da_tra_ket_qua';
    case 'forward':
    case 'send_back':
    case 'coordinate':
    case 'submit_approval':
    case 'approve':
    case 'extend':
      return 'dang_xu_ly';
  }
}

/** How urgent a due time is at `now` (II.22.5): overdue, near due (within NEAR_DUE_MS) or on time. */
export type DueState = 'on_time' | 'near_due' | 'overdue';
export const NEAR_DUE_MS = 24 * 3_600_000;

export function dueState(dueAt: Date | string | null, now: Date = new Date()): DueState {
  if (!dueAt) return 'on_time';
  const due = new Date(dueAt).getTime();
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= NEAR_DUE_MS ? 'near_due' : 'on_time';
}

export const DUE_STATE_LABEL: Readonly<Record<DueState, string>> = {
  on_time: 'Trong hạn',
  near_due: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};
