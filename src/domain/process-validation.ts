/**
 * Checks a process definition (TT 22/2019 II.3.1–3.4) and reports every problem at once, each with a
 * stable code, a Vietnamese message and the step or arrow it concerns, so the designer can mark them.
 * A draft may be saved with problems; it can be published only without any.
 */
import type { ProcessDefinition, ProcessStep, ProcessTransition } from './process.ts';
import {
  DEFAULT_MINUTES_PER_WORKING_DAY,
  deadlineWorkingMinutes,
  formatWorkingMinutes,
  longestBudgetPath,
} from './process-budget.ts';
import type { Deadline } from './procedure.ts';

export interface ProcessProblem {
  /** One of PROCESS_PROBLEM_CODES, or a code the service adds (references to unknown records). */
  code: string;
  message: string;
  stepId?: string;
  transitionId?: string;
}

export interface ProcessValidationContext {
  /** The procedure's legal deadline (thời hạn giải quyết); null: the total cannot be checked. */
  legalDeadline: Deadline | null;
  /** Working minutes in a working day (default 480). */
  minutesPerWorkingDay?: number;
}

/** Every code validateProcess can report, in the order it checks them. */
export const PROCESS_PROBLEM_CODES = [
  'process_name_missing',
  'step_id_invalid',
  'step_id_duplicate',
  'step_name_missing',
  'step_budget_invalid',
  'end_step_budget',
  'work_step_no_actor',
  'actor_invalid',
  'transition_id_invalid',
  'transition_id_duplicate',
  'transition_unknown_step',
  'transition_from_end',
  'transition_self_loop',
  'transition_duplicate',
  'return_result_misplaced',
  'finish_misplaced',
  'coordinate_no_target',
  'return_no_result',
  'no_entry',
  'no_online_entry',
  'no_return',
  'no_end',
  'no_supplement',
  'unreachable_step',
  'dead_end',
  'no_path_to_end',
  'over_deadline',
] as const;
export type ProcessProblemCode = (typeof PROCESS_PROBLEM_CODES)[number];

/** Step and arrow ids: letters, digits, dashes and underscores, up to 64, e.g. "tiep-nhan", "s1". */
export const PROCESS_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Actions that may leave a dossier on the same step (it waits for the applicant, or gets more time). */
const SELF_LOOP_ACTIONS = new Set(['request_supplement', 'extend', 'request_payment']);

export function validateProcess(def: ProcessDefinition, ctx: ProcessValidationContext): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const add = (
    code: ProcessProblemCode,
    message: string,
    ref: { stepId?: string; transitionId?: string } = {},
  ) => problems.push({ code, message, ...ref });
  if (!def.name.trim()) add('process_name_missing', 'Quy trình chưa có tên');

  // Steps: the first of each id is the step; later ones are reported and otherwise left out.
  const steps = new Map<string, ProcessStep>();
  for (const s of def.steps) {
    if (steps.has(s.id)) {
      add('step_id_duplicate', `Mã bước "${s.id}" bị trùng: mỗi bước cần một mã riêng`, { stepId: s.id });
      continue;
    }
    steps.set(s.id, s);
    const ref = { stepId: s.id };
    if (!PROCESS_ID_PATTERN.test(s.id))
      add(
        'step_id_invalid',
        `Mã bước "${s.id}" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, dấu gạch, tối đa 64 ký tự`,
        ref,
      );
    if (!s.name.trim()) add('step_name_missing', `Bước ${s.id} chưa có tên`, ref);
    if (!Number.isInteger(s.budgetMinutes) || s.budgetMinutes < 0)
      add(
        'step_budget_invalid',
        `Thời gian xử lý của ${label(s)} phải là số phút nguyên, không âm (đang là ${s.budgetMinutes})`,
        ref,
      );
    else if (s.kind === 'end' && s.budgetMinutes > 0)
      add(
        'end_step_budget',
        `${cap(label(s))} là bước kết thúc nên không có thời gian xử lý (đang là ${s.budgetMinutes} phút)`,
        ref,
      );
    if (s.kind === 'work' && !s.actor)
      add('work_step_no_actor', `${cap(label(s))} chưa có người hoặc bộ phận thực hiện`, ref);
    else if (s.actor && !actorComplete(s.actor))
      add(
        'actor_invalid',
        `Người thực hiện ${label(s)} chưa chọn đủ (phòng ban, vai trò, nhóm hoặc cán bộ)`,
        ref,
      );
  }

  // Arrows.
  const seenIds = new Set<string>();
  const seenMoves = new Set<string>();
  const arrows: ProcessTransition[] = [];
  for (const t of def.transitions) {
    const ref = { transitionId: t.id };
    if (seenIds.has(t.id)) {
      add('transition_id_duplicate', `Mã bước chuyển "${t.id}" bị trùng: mỗi mũi tên cần một mã riêng`, ref);
      continue;
    }
    seenIds.add(t.id);
    if (!PROCESS_ID_PATTERN.test(t.id))
      add(
        'transition_id_invalid',
        `Mã bước chuyển "${t.id}" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, dấu gạch, tối đa 64 ký tự`,
        ref,
      );
    const from = steps.get(t.from);
    const to = steps.get(t.to);
    if (!from || !to) {
      const missing = [!from ? `bước đi "${t.from}"` : '', !to ? `bước đến "${t.to}"` : '']
        .filter(Boolean)
        .join(' và ');
      add(
        'transition_unknown_step',
        `Mũi tên ${arrowName(t)} trỏ tới ${missing} không có trong quy trình`,
        ref,
      );
      continue;
    }
    arrows.push(t);
    const what = `Mũi tên ${arrowName(t)} (${label(from)} → ${label(to)})`;
    if (from.kind === 'end')
      add('transition_from_end', `${what} đi ra từ bước kết thúc: bước kết thúc không có thao tác nào`, ref);
    if (from.id === to.id && !SELF_LOOP_ACTIONS.has(t.action))
      add(
        'transition_self_loop',
        `${what} quay về chính bước đó: chỉ yêu cầu bổ sung, gia hạn, yêu cầu nghĩa vụ tài chính được làm vậy`,
        ref,
      );
    const move = `${t.from}\u0000${t.to}\u0000${t.action}`;
    if (seenMoves.has(move))
      add('transition_duplicate', `${what} lặp lại một mũi tên khác cùng thao tác "${t.action}"`, ref);
    seenMoves.add(move);
    if (t.action === 'return_result' && (from.kind !== 'return' || to.kind !== 'end'))
      add(
        'return_result_misplaced',
        `${what}: trả kết quả chỉ đi từ bước trả kết quả đến bước kết thúc`,
        ref,
      );
    if (t.action === 'finish' && to.kind !== 'return')
      add('finish_misplaced', `${what}: hoàn thành xử lý phải chuyển hồ sơ đến bước trả kết quả`, ref);
    if (t.action === 'coordinate' && !t.coordinateWith?.id)
      add('coordinate_no_target', `${what}: chưa chọn phòng ban hoặc cơ quan phối hợp`, ref);
  }
  for (const s of steps.values())
    if (s.kind === 'return' && !arrows.some((t) => t.from === s.id && t.action === 'return_result'))
      add('return_no_result', `${cap(label(s))} chưa có thao tác trả kết quả cho người nộp`, {
        stepId: s.id,
      });

  // Shape: entries, results, ends, supplement (II.3.3) and online entry (II.3.4).
  const all = [...steps.values()];
  const entries = all.filter((s) => s.kind === 'receive');
  if (entries.length === 0) add('no_entry', 'Quy trình chưa có bước tiếp nhận hồ sơ');
  else if (!entries.some((s) => s.onlineEntry))
    add(
      'no_online_entry',
      'Quy trình chưa có bước tiếp nhận hồ sơ nộp trực tuyến qua Cổng Dịch vụ công (đánh dấu một bước tiếp nhận là "tiếp nhận trực tuyến")',
    );
  if (!all.some((s) => s.kind === 'return')) add('no_return', 'Quy trình chưa có bước trả kết quả');
  const ends = all.filter((s) => s.kind === 'end');
  if (ends.length === 0) add('no_end', 'Quy trình chưa có bước kết thúc');
  if (!arrows.some((t) => t.action === 'request_supplement'))
    add('no_supplement', 'Quy trình chưa có thao tác yêu cầu bổ sung hồ sơ');

  // Reachability: from the entries forwards, and back from the ends.
  const reachable = walk(
    entries.map((s) => s.id),
    arrows,
    'forward',
  );
  const canEnd = walk(
    ends.map((s) => s.id),
    arrows,
    'backward',
  );
  for (const s of all) {
    const ref = { stepId: s.id };
    if (entries.length > 0 && !reachable.has(s.id))
      add('unreachable_step', `Không có đường nào từ bước tiếp nhận đến ${label(s)}`, ref);
    if (s.kind === 'end') continue;
    if (!arrows.some((t) => t.from === s.id && t.to !== s.id))
      add('dead_end', `${cap(label(s))} không có thao tác nào chuyển hồ sơ đi tiếp`, ref);
    else if (ends.length > 0 && !canEnd.has(s.id))
      add('no_path_to_end', `Từ ${label(s)} hồ sơ không thể đi tới bước kết thúc nào`, ref);
  }

  // II.3.2: the longest way from an entry to a return step fits the legal deadline.
  const mpd = ctx.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY;
  const limit = deadlineWorkingMinutes(ctx.legalDeadline, mpd);
  const path = limit === null ? null : longestBudgetPath({ ...def, transitions: arrows });
  if (limit !== null && path && path.minutes > limit) {
    let sum = 0;
    const over = path.stepIds.find((id) => (sum += steps.get(id)?.budgetMinutes ?? 0) > limit);
    const names = path.stepIds.map((id) => steps.get(id)?.name || id).join(' → ');
    add(
      'over_deadline',
      `Tổng thời gian xử lý theo đường dài nhất (${names}) là ${formatWorkingMinutes(path.minutes, mpd)} (${path.minutes} phút), vượt thời hạn giải quyết ${formatWorkingMinutes(limit, mpd)} (${limit} phút)`,
      over ? { stepId: over } : {},
    );
  }
  return problems;
}

function walk(start: string[], arrows: ProcessTransition[], dir: 'forward' | 'backward'): Set<string> {
  const seen = new Set(start);
  const todo = [...start];
  for (let id = todo.pop(); id !== undefined; id = todo.pop())
    for (const t of arrows) {
      const [a, b] = dir === 'forward' ? [t.from, t.to] : [t.to, t.from];
      if (a === id && !seen.has(b)) {
        seen.add(b);
        todo.push(b);
      }
    }
  return seen;
}

function actorComplete(actor: NonNullable<ProcessStep['actor']>): boolean {
  switch (actor.kind) {
    case 'department':
      return actor.departmentId.trim() !== '';
    case 'role':
      return actor.role.trim() !== '';
    case 'group':
      return actor.groupId.trim() !== '';
    case 'officials':
      return actor.officialIds.length > 0 && actor.officialIds.every((id) => id.trim() !== '');
  }
}

function label(s: ProcessStep): string {
  return s.name.trim() ? `bước "${s.name.trim()}" (${s.id})` : `bước ${s.id}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function arrowName(t: ProcessTransition): string {
  return t.label?.trim() ? `"${t.label.trim()}" (${t.id})` : t.id;
}
