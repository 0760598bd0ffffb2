/**
 * Time budgets of a process definition (TT 22/2019 II.3.2): step budgets are working minutes, the
 * legal deadline is in working hours, working days, calendar days or months; both are compared in
 * working minutes. Pure functions, used by process-validation.ts and by the designer to show totals.
 */
import type { ProcessDefinition } from './process.ts';
import type { Deadline } from './procedure.ts';

/** A working day of 8 hours, the default of the civil service (Nghị định 45/2013 art. 3). */
export const DEFAULT_MINUTES_PER_WORKING_DAY = 480;

/** Actions not followed when adding up budgets (see longestBudgetPath). */
export const BUDGET_IGNORED_ACTIONS: ReadonlySet<string> = new Set(['send_back', 'request_supplement']);

/**
 * The most working days any run of `days` consecutive calendar days can hold: five per full week,
 * plus at most five of the remaining days. Holidays only lower that number.
 */
export function maxWorkingDaysIn(days: number): number {
  const whole = Math.floor(days);
  return 5 * Math.floor(whole / 7) + Math.min(whole % 7, 5);
}

/**
 * The legal deadline in working minutes, or null when it cannot be compared (no deadline, no unit).
 * Conversion (deliberately generous, so that a process is refused only when it can never fit):
 *   - working_hours: ×60;
 *   - working_days: × minutesPerWorkingDay;
 *   - calendar_days: the most working days N consecutive days can hold (maxWorkingDaysIn) ×
 *     minutesPerWorkingDay; weekends and holidays of a real period only shorten it, and the dossier's
 *     own due date is computed from the legal deadline by the legal-time engine, not from the budgets;
 *   - months: a month holds at most 31 days, so N months count as 31·N calendar days, as above.
 * Fractions of a minute are dropped.
 */
export function deadlineWorkingMinutes(
  deadline: Deadline | null,
  minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY,
): number | null {
  if (!deadline?.unit || !Number.isFinite(deadline.value) || deadline.value < 0) return null;
  switch (deadline.unit) {
    case 'working_hours':
      return Math.floor(deadline.value * 60);
    case 'working_days':
      return Math.floor(deadline.value * minutesPerWorkingDay);
    case 'calendar_days':
      return maxWorkingDaysIn(deadline.value) * minutesPerWorkingDay;
    case 'months':
      return maxWorkingDaysIn(31 * deadline.value) * minutesPerWorkingDay;
  }
}

/** "2 ngày 3 giờ 15 phút" (working days of `minutesPerWorkingDay`). */
export function formatWorkingMinutes(
  minutes: number,
  minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY,
): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / minutesPerWorkingDay);
  const rest = total - days * minutesPerWorkingDay;
  const parts = [
    days > 0 ? `${days} ngày làm việc` : '',
    Math.floor(rest / 60) > 0 ? `${Math.floor(rest / 60)} giờ` : '',
    rest % 60 > 0 ? `${rest % 60} phút` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 phút';
}

export interface BudgetPath {
  /** Sum of the step budgets along the path, in working minutes. */
  minutes: number;
  /** Step ids from an entry ('receive') step to a 'return' step, in order. */
  stepIds: string[];
}

/**
 * The longest time a dossier can spend from an entry step to a return step, counting every step at
 * most once, or null when no return step can be reached. How cycles are handled:
 *   1. `send_back` and `request_supplement` arrows are not followed: rework after a send-back is not
 *      the planned path, and while the applicant supplements the dossier the legal clock stops.
 *      Self-loops (extend, request_payment on the same step) are not followed either.
 *   2. The remaining cycles (a round trip such as "ask a coordinating department, get its answer
 *      back") are collapsed into their strongly connected components; a component costs the sum of
 *      its steps, since a dossier can pass through each of them once.
 *   3. The longest path is then exact on the acyclic graph of components.
 * Steps with an invalid budget (negative, non-integer) count as 0 here; validation reports them.
 * Only the first step of each id is used; arrows to unknown steps are ignored.
 */
export function longestBudgetPath(def: ProcessDefinition): BudgetPath | null {
  const index = new Map<string, number>();
  const steps = def.steps.filter((s) => (index.has(s.id) ? false : (index.set(s.id, index.size), true)));
  const n = steps.length;
  const out: number[][] = steps.map(() => []);
  for (const t of def.transitions) {
    const from = index.get(t.from);
    const to = index.get(t.to);
    if (from === undefined || to === undefined || from === to || BUDGET_IGNORED_ACTIONS.has(t.action))
      continue;
    out[from]?.push(to);
  }
  const comp = stronglyConnected(n, out);
  const count = Math.max(-1, ...comp) + 1;
  const weight = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, () => []);
  steps.forEach((s, i) => {
    const c = comp[i] ?? 0;
    weight[c] = (weight[c] ?? 0) + budgetOf(s.budgetMinutes);
    members[c]?.push(i);
  });
  const isEntry = new Array<boolean>(count).fill(false);
  const isReturn = new Array<boolean>(count).fill(false);
  steps.forEach((s, i) => {
    if (s.kind === 'receive') isEntry[comp[i] ?? 0] = true;
    if (s.kind === 'return') isReturn[comp[i] ?? 0] = true;
  });
  // Tarjan numbers components in reverse topological order: successors first.
  const best = new Array<number>(count).fill(-1);
  const next = new Array<number>(count).fill(-1);
  const succ: Set<number>[] = Array.from({ length: count }, () => new Set());
  out.forEach((targets, i) => {
    for (const j of targets) if (comp[i] !== comp[j]) succ[comp[i] ?? 0]?.add(comp[j] ?? 0);
  });
  for (let c = 0; c < count; c++) {
    let tail = isReturn[c] ? 0 : -1;
    let via = -1;
    for (const d of succ[c] ?? []) {
      const b = best[d] ?? -1;
      if (b >= 0 && b > tail) {
        tail = b;
        via = d;
      }
    }
    if (tail >= 0) {
      best[c] = (weight[c] ?? 0) + tail;
      next[c] = via;
    }
  }
  let start = -1;
  for (let c = 0; c < count; c++)
    if (isEntry[c] && (best[c] ?? -1) >= 0 && (start < 0 || (best[c] ?? 0) > (best[start] ?? 0))) start = c;
  if (start < 0) return null;
  const stepIds: string[] = [];
  for (let c = start; c >= 0; c = next[c] ?? -1)
    for (const i of members[c] ?? []) stepIds.push(steps[i]?.id ?? '');
  return { minutes: best[start] ?? 0, stepIds };
}

function budgetOf(v: number): number {
  return Number.isInteger(v) && v > 0 ? v : 0;
}

/** Tarjan's algorithm, iterative; component numbers come out in reverse topological order. */
function stronglyConnected(n: number, out: number[][]): number[] {
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const comp = new Array<number>(n).fill(-1);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [node: number, edge: number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [v, e] = frame;
      if (e === 0 && order[v] === -1) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const edges = out[v] ?? [];
      if (e < edges.length) {
        frame[1] = e + 1;
        const w = edges[e] ?? 0;
        if (order[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, order[w] ?? 0);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[v] ?? 0);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() ?? v;
          onStack[w] = false;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return comp;
}
