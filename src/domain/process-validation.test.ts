import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ActionKind, ProcessDefinition, ProcessStep, ProcessTransition, StepKind } from './process.ts';
import { ACTION_KINDS, STEP_KINDS } from './process.ts';
import {
  deadlineWorkingMinutes,
  formatWorkingMinutes,
  longestBudgetPath,
  maxWorkingDaysIn,
} from './process-budget.ts';
import { PROCESS_PROBLEM_CODES, validateProcess } from './process-validation.ts';
import type { ProcessProblem } from './process-validation.ts';
import type { Deadline } from './procedure.ts';

const TWO_DAYS: Deadline = { value: 2, unit: 'working_days' };
const counter = { kind: 'role', role: 'can_bo_mot_cua' } as const;
const handler = { kind: 'role', role: 'can_bo_thu_ly' } as const;

function step(
  id: string,
  kind: StepKind,
  budgetMinutes: number,
  over: Partial<ProcessStep> = {},
): ProcessStep {
  return {
    id,
    name: `Bước ${id}`,
    kind,
    actor: kind === 'end' ? null : handler,
    budgetMinutes,
    x: 0,
    y: 0,
    ...over,
  };
}
function arrow(
  id: string,
  from: string,
  to: string,
  action: ActionKind,
  over: Partial<ProcessTransition> = {},
) {
  return { id, from, to, action, ...over };
}

/** Receive (also online) → handle → return → end, with a supplement loop and a refusal at the counter. */
function valid(): ProcessDefinition {
  return {
    name: 'Quy trình một cửa',
    steps: [
      step('in', 'receive', 60, { actor: counter, onlineEntry: true }),
      step('xl', 'work', 600),
      step('tra', 'return', 60, { actor: counter }),
      step('kt', 'end', 0),
      step('tc', 'end', 0, { name: 'Không tiếp nhận' }),
    ],
    transitions: [
      arrow('t1', 'in', 'xl', 'forward'),
      arrow('t2', 'in', 'in', 'request_supplement'),
      arrow('t3', 'in', 'tc', 'reject'),
      arrow('t4', 'xl', 'tra', 'finish'),
      arrow('t5', 'tra', 'kt', 'return_result'),
    ],
  };
}

function edit(change: (d: ProcessDefinition) => void): ProcessDefinition {
  const d = structuredClone(valid());
  change(d);
  return d;
}
function stepOf(d: ProcessDefinition, id: string): ProcessStep {
  const s = d.steps.find((x) => x.id === id);
  assert.ok(s);
  return s;
}
function arrowOf(d: ProcessDefinition, id: string): ProcessTransition {
  const t = d.transitions.find((x) => x.id === id);
  assert.ok(t);
  return t;
}
const refs = (ps: ProcessProblem[]) => ps.map((p) => [p.code, p.stepId ?? p.transitionId ?? null]);

describe('validateProcess', () => {
  it('accepts a complete definition', () => {
    assert.deepEqual(validateProcess(valid(), { legalDeadline: TWO_DAYS }), []);
    assert.deepEqual(validateProcess(valid(), { legalDeadline: null }), []);
  });

  // Each defect yields exactly its problem, naming the step or arrow.
  const cases: [string, (d: ProcessDefinition) => void, [string, string | null][]][] = [
    ['process_name_missing', (d) => void (d.name = '  '), [['process_name_missing', null]]],
    [
      'step_id_invalid',
      (d) => {
        stepOf(d, 'xl').id = 'x l';
        arrowOf(d, 't1').to = 'x l';
        arrowOf(d, 't4').from = 'x l';
      },
      [['step_id_invalid', 'x l']],
    ],
    ['step_id_duplicate', (d) => void d.steps.push(step('xl', 'work', 5)), [['step_id_duplicate', 'xl']]],
    ['step_name_missing', (d) => void (stepOf(d, 'xl').name = ''), [['step_name_missing', 'xl']]],
    [
      'step_budget_invalid (negative)',
      (d) => void (stepOf(d, 'xl').budgetMinutes = -5),
      [['step_budget_invalid', 'xl']],
    ],
    [
      'step_budget_invalid (fraction)',
      (d) => void (stepOf(d, 'xl').budgetMinutes = 1.5),
      [['step_budget_invalid', 'xl']],
    ],
    ['end_step_budget', (d) => void (stepOf(d, 'kt').budgetMinutes = 10), [['end_step_budget', 'kt']]],
    ['work_step_no_actor', (d) => void (stepOf(d, 'xl').actor = null), [['work_step_no_actor', 'xl']]],
    [
      'actor_invalid',
      (d) => void (stepOf(d, 'xl').actor = { kind: 'officials', officialIds: [] }),
      [['actor_invalid', 'xl']],
    ],
    ['transition_id_invalid', (d) => void (arrowOf(d, 't1').id = 't 1'), [['transition_id_invalid', 't 1']]],
    [
      'transition_id_duplicate',
      (d) => void d.transitions.push(arrow('t1', 'xl', 'in', 'send_back')),
      [['transition_id_duplicate', 't1']],
    ],
    [
      'transition_unknown_step',
      (d) => void d.transitions.push(arrow('t9', 'xl', 'ghost', 'forward')),
      [['transition_unknown_step', 't9']],
    ],
    [
      'transition_from_end',
      (d) => void d.transitions.push(arrow('t9', 'kt', 'tra', 'forward')),
      [['transition_from_end', 't9']],
    ],
    [
      'transition_self_loop',
      (d) => void d.transitions.push(arrow('t9', 'xl', 'xl', 'forward')),
      [['transition_self_loop', 't9']],
    ],
    [
      'transition_duplicate',
      (d) => void d.transitions.push(arrow('t9', 'in', 'xl', 'forward')),
      [['transition_duplicate', 't9']],
    ],
    [
      'return_result_misplaced',
      (d) => void (arrowOf(d, 't4').action = 'return_result'),
      [['return_result_misplaced', 't4']],
    ],
    [
      'finish_misplaced',
      (d) => void d.transitions.push(arrow('t9', 'xl', 'kt', 'finish')),
      [['finish_misplaced', 't9']],
    ],
    [
      'coordinate_no_target',
      (d) => {
        d.steps.push(step('ph', 'work', 60));
        d.transitions.push(arrow('t9', 'xl', 'ph', 'coordinate'), arrow('t10', 'ph', 'xl', 'forward'));
      },
      [['coordinate_no_target', 't9']],
    ],
    ['return_no_result', (d) => void (arrowOf(d, 't5').action = 'forward'), [['return_no_result', 'tra']]],
    ['no_entry', (d) => void (stepOf(d, 'in').kind = 'work'), [['no_entry', null]]],
    ['no_online_entry', (d) => void (stepOf(d, 'in').onlineEntry = false), [['no_online_entry', null]]],
    [
      'no_return',
      (d) => {
        d.steps = d.steps.filter((s) => s.id !== 'tra');
        d.transitions = d.transitions.filter((t) => t.id !== 't5');
        arrowOf(d, 't4').to = 'kt';
        arrowOf(d, 't4').action = 'forward';
      },
      [['no_return', null]],
    ],
    [
      'no_supplement',
      (d) => void (d.transitions = d.transitions.filter((t) => t.id !== 't2')),
      [['no_supplement', null]],
    ],
    [
      'unreachable_step',
      (d) => {
        d.steps.push(step('mo', 'work', 10));
        d.transitions.push(arrow('t9', 'mo', 'tra', 'finish'));
      },
      [['unreachable_step', 'mo']],
    ],
    [
      'dead_end',
      (d) => {
        d.steps.push(step('dd', 'work', 10));
        d.transitions.push(arrow('t9', 'xl', 'dd', 'forward'));
      },
      [['dead_end', 'dd']],
    ],
    [
      'no_path_to_end',
      (d) => {
        d.steps.push(step('a', 'work', 10), step('b', 'work', 10));
        d.transitions.push(arrow('t9', 'xl', 'a', 'forward'), arrow('t10', 'a', 'b', 'forward'));
        d.transitions.push(arrow('t11', 'b', 'a', 'send_back'));
      },
      [
        ['no_path_to_end', 'a'],
        ['no_path_to_end', 'b'],
      ],
    ],
  ];
  for (const [name, change, expected] of cases)
    it(`reports ${name}`, () => {
      const problems = validateProcess(edit(change), { legalDeadline: TWO_DAYS });
      assert.deepEqual(refs(problems), expected);
      for (const p of problems) assert.ok(p.message.length > 10, p.message);
    });

  it('reports no_end, without flooding every step with no_path_to_end', () => {
    const d = edit((x) => {
      x.steps = x.steps.filter((s) => s.kind !== 'end');
      x.transitions = x.transitions.filter((t) => t.id !== 't3' && t.id !== 't5');
    });
    const codes = validateProcess(d, { legalDeadline: TWO_DAYS }).map((p) => p.code);
    assert.ok(codes.includes('no_end'));
    assert.ok(!codes.includes('no_path_to_end'));
    // The return step then has nowhere to go: those are defects of their own.
    assert.deepEqual(codes.sort(), ['dead_end', 'no_end', 'return_no_result']);
  });

  it('reports over_deadline at the step where the longest path overruns (II.3.2)', () => {
    const problems = validateProcess(valid(), { legalDeadline: { value: 1, unit: 'working_days' } });
    assert.deepEqual(refs(problems), [['over_deadline', 'xl']]);
    assert.match(
      problems[0]?.message ?? '',
      /\(Bước in → Bước xl → Bước tra\) là 1 ngày làm việc 4 giờ \(720 phút\), vượt thời hạn giải quyết 1 ngày làm việc \(480 phút\)/,
    );
    assert.deepEqual(validateProcess(valid(), { legalDeadline: { value: 12, unit: 'working_hours' } }), []);
    // A deadline without a unit, or none, cannot be compared: no problem is invented.
    assert.deepEqual(validateProcess(valid(), { legalDeadline: { value: 1, unit: null } }), []);
    // A shorter working day counts.
    const short = validateProcess(valid(), { legalDeadline: TWO_DAYS, minutesPerWorkingDay: 300 });
    assert.deepEqual(refs(short), [['over_deadline', 'xl']]);
  });

  it('reports every problem at once', () => {
    const d = edit((x) => {
      x.name = '';
      stepOf(x, 'xl').actor = null;
      stepOf(x, 'in').onlineEntry = false;
      x.transitions = x.transitions.filter((t) => t.id !== 't2');
      x.transitions.push(arrow('t9', 'xl', 'nowhere', 'forward'));
    });
    assert.deepEqual(refs(validateProcess(d, { legalDeadline: { value: 1, unit: 'working_hours' } })), [
      ['process_name_missing', null],
      ['work_step_no_actor', 'xl'],
      ['transition_unknown_step', 't9'],
      ['no_online_entry', null],
      ['no_supplement', null],
      ['over_deadline', 'xl'],
    ]);
  });
});

describe('budgets and deadlines', () => {
  it('converts legal deadlines to working minutes', () => {
    assert.equal(deadlineWorkingMinutes({ value: 4, unit: 'working_hours' }), 240);
    assert.equal(deadlineWorkingMinutes({ value: 3, unit: 'working_days' }), 1440);
    assert.equal(deadlineWorkingMinutes({ value: 3, unit: 'working_days' }, 450), 1350);
    // 15 calendar days hold at most 11 working days (two weeks and one day).
    assert.equal(maxWorkingDaysIn(15), 11);
    assert.equal(maxWorkingDaysIn(6), 5);
    assert.equal(deadlineWorkingMinutes({ value: 15, unit: 'calendar_days' }), 11 * 480);
    // A month: at most 31 days, 23 working days.
    assert.equal(deadlineWorkingMinutes({ value: 1, unit: 'months' }), 23 * 480);
    assert.equal(deadlineWorkingMinutes(null), null);
    assert.equal(deadlineWorkingMinutes({ value: 2, unit: null }), null);
    assert.equal(formatWorkingMinutes(480 * 2 + 75), '2 ngày làm việc 1 giờ 15 phút');
    assert.equal(formatWorkingMinutes(0), '0 phút');
  });

  it('does not follow send-back and supplement arrows, and counts a round trip once', () => {
    const d = edit((x) => {
      x.steps.push(step('ph', 'work', 100), step('ld', 'work', 30));
      x.transitions.push(
        arrow('t9', 'xl', 'ph', 'coordinate', { coordinateWith: { kind: 'agency', id: 'a1' } }),
        arrow('t10', 'ph', 'xl', 'forward'),
        arrow('t11', 'tra', 'ld', 'send_back'),
        arrow('t12', 'ld', 'in', 'request_supplement'),
      );
    });
    const path = longestBudgetPath(d);
    assert.deepEqual(path, { minutes: 60 + 600 + 100 + 60, stepIds: ['in', 'xl', 'ph', 'tra'] });
  });
});

// ───────── properties ─────────
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'x y', ''];
const arbStep = fc.record({
  id: fc.constantFrom(...ids),
  name: fc.constantFrom('', 'Thụ lý', ' '),
  kind: fc.constantFrom(...STEP_KINDS),
  actor: fc.constantFrom(null, handler, { kind: 'officials' as const, officialIds: [] as string[] }),
  budgetMinutes: fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double({ noNaN: true, min: -5, max: 5 })),
  onlineEntry: fc.boolean(),
  x: fc.constant(0),
  y: fc.constant(0),
});
const arbArrow = fc.record({
  id: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6', 'bad id'),
  from: fc.constantFrom(...ids, 'ghost'),
  to: fc.constantFrom(...ids, 'ghost'),
  action: fc.constantFrom(...ACTION_KINDS),
  coordinateWith: fc.constantFrom(null, { kind: 'department' as const, id: 'p1' }),
});
const arbDefinition = fc.record({
  name: fc.constantFrom('', 'Quy trình'),
  steps: fc.array(arbStep, { maxLength: 8 }),
  transitions: fc.array(arbArrow, { maxLength: 14 }),
});
const arbDeadline = fc.option(
  fc.record({
    value: fc.integer({ min: 0, max: 20 }),
    unit: fc.constantFrom(null, 'working_hours', 'working_days', 'calendar_days', 'months' as const),
  }),
);

describe('validateProcess properties', () => {
  it('never throws, uses known codes and names only steps and arrows that exist', () => {
    fc.assert(
      fc.property(arbDefinition, arbDeadline, (def, legalDeadline) => {
        const problems = validateProcess(def, { legalDeadline });
        for (const p of problems) {
          assert.ok((PROCESS_PROBLEM_CODES as readonly string[]).includes(p.code), p.code);
          assert.ok(p.message.trim().length > 0);
          if (p.stepId !== undefined) assert.ok(def.steps.some((s) => s.id === p.stepId));
          if (p.transitionId !== undefined) assert.ok(def.transitions.some((t) => t.id === p.transitionId));
        }
      }),
    );
  });

  it('finds the longest path of an acyclic process exactly (checked by enumerating simple paths)', () => {
    const arb = fc
      .record({
        kinds: fc.array(fc.constantFrom<StepKind>('receive', 'work', 'return'), {
          minLength: 1,
          maxLength: 7,
        }),
        budgets: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 7, maxLength: 7 }),
        edges: fc.array(
          fc.tuple(fc.nat(6), fc.nat(6), fc.constantFrom<ActionKind>('forward', 'send_back', 'coordinate')),
          { maxLength: 15 },
        ),
      })
      .map(({ kinds, budgets, edges }): ProcessDefinition => ({
        name: 'p',
        steps: kinds.map((k, i) => step(`s${i}`, k, budgets[i] ?? 0)),
        // Forward arrows only go down the list, so what the path follows is acyclic.
        transitions: edges
          .filter(
            ([a, b, action]) =>
              a < kinds.length && b < kinds.length && (action === 'send_back' ? a > b : a < b),
          )
          .map(([a, b, action], i) => arrow(`t${i}`, `s${a}`, `s${b}`, action)),
      }));
    fc.assert(
      fc.property(arb, (def) => {
        const path = longestBudgetPath(def);
        assert.equal(path?.minutes ?? null, bruteForce(def));
        if (path) {
          const sum = path.stepIds.reduce(
            (n, id) => n + (def.steps.find((s) => s.id === id)?.budgetMinutes ?? 0),
            0,
          );
          assert.equal(sum, path.minutes);
        }
      }),
    );
  });

  it('accepts a chain of steps exactly when their total fits the deadline', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 10 }), (budgets) => {
        const def = valid();
        def.steps = def.steps.filter((s) => s.id !== 'xl');
        def.transitions = def.transitions.filter((t) => t.id !== 't1' && t.id !== 't4');
        budgets.forEach((b, i) => {
          def.steps.push(step(`w${i}`, 'work', b));
          def.transitions.push(arrow(`f${i}`, i === 0 ? 'in' : `w${i - 1}`, `w${i}`, 'forward'));
        });
        def.transitions.push(arrow('fin', `w${budgets.length - 1}`, 'tra', 'finish'));
        const total = 120 + budgets.reduce((a, b) => a + b, 0);
        // One "working day" of one minute: the deadline is exactly `total` minutes.
        const fits = {
          legalDeadline: { value: total, unit: 'working_days' as const },
          minutesPerWorkingDay: 1,
        };
        assert.deepEqual(validateProcess(def, fits), []);
        const tight = { ...fits, legalDeadline: { value: total - 1, unit: 'working_days' as const } };
        assert.deepEqual(
          validateProcess(def, tight).map((p) => p.code),
          ['over_deadline'],
        );
      }),
    );
  });
});

/** Longest simple path from a receive step to a return step, not following send-backs. */
function bruteForce(def: ProcessDefinition): number | null {
  let best: number | null = null;
  const visit = (id: string, sum: number, seen: Set<string>) => {
    const s = def.steps.find((x) => x.id === id);
    if (!s) return;
    const total = sum + s.budgetMinutes;
    if (s.kind === 'return') best = Math.max(best ?? 0, total);
    for (const t of def.transitions)
      if (t.from === id && t.action !== 'send_back' && !seen.has(t.to))
        visit(t.to, total, new Set([...seen, t.to]));
  };
  for (const s of def.steps) if (s.kind === 'receive') visit(s.id, 0, new Set([s.id]));
  return best;
}
