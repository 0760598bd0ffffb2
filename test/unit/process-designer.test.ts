import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProcessDefinition, StepActor } from '../../src/domain/process.ts';
import { translator } from '../../app/i18n/index.ts';
import { actorValue, parseActorValue, parseCoordinateValue } from '../../app/components/process/choices.ts';
import { plainToDefinition, plainValues, readPlainForm } from '../../app/components/process/plain-form.ts';
import { formatBudget, joinMinutes, parseBudget, splitMinutes } from '../../app/components/process/budget.ts';
import { editorReducer, initialState, nextId } from '../../app/components/process/editor-state.ts';
import {
  boxExit,
  diagramBounds,
  edgeShapes,
  freeSpot,
  STEP_H,
  STEP_W,
  stepAt,
  wrapText,
} from '../../app/components/process/geometry.ts';

// The pure parts of the process diagram and designer (TT 22/2019 II.3.1, II.3.2, II.24.1).

const def: ProcessDefinition = {
  name: 'Quy trình thử',
  steps: [
    { id: 's1', name: 'Tiếp nhận hồ sơ', kind: 'receive', actor: null, budgetMinutes: 0, x: 0, y: 0 },
    { id: 's2', name: 'Thụ lý', kind: 'work', actor: null, budgetMinutes: 960, x: 300, y: 0 },
    { id: 's3', name: 'Trả kết quả', kind: 'return', actor: null, budgetMinutes: 0, x: 600, y: 0 },
  ],
  transitions: [
    { id: 't1', from: 's1', to: 's2', action: 'forward' },
    { id: 't2', from: 's2', to: 's1', action: 'send_back' },
    { id: 't3', from: 's2', to: 's3', action: 'finish', label: 'Xong' },
    { id: 't4', from: 's2', to: 's2', action: 'extend' },
    { id: 't5', from: 's2', to: 'missing', action: 'forward' },
  ],
};

describe('process diagram geometry', () => {
  it('is deterministic and leaves out arrows to unknown steps', () => {
    const a = edgeShapes(def);
    assert.deepEqual(a, edgeShapes(structuredClone(def)));
    assert.deepEqual(
      a.map((e) => e.id),
      ['t1', 't2', 't3', 't4'],
    );
  });

  it('draws a lone arrow straight from box edge to box edge', () => {
    const t3 = edgeShapes(def).find((e) => e.id === 't3')!;
    assert.equal(t3.d, `M ${300 + STEP_W} ${STEP_H / 2} L 600 ${STEP_H / 2}`);
    assert.deepEqual(t3.label, { x: (300 + STEP_W + 600) / 2, y: STEP_H / 2 });
  });

  it('draws two arrows between the same steps parallel, on opposite sides, labels staggered', () => {
    const [t1, t2] = edgeShapes(def);
    assert.equal(t1!.d, `M ${STEP_W} ${STEP_H / 2 - 13} L 300 ${STEP_H / 2 - 13}`);
    assert.equal(t2!.d, `M 300 ${STEP_H / 2 + 13} L ${STEP_W} ${STEP_H / 2 + 13}`);
    assert.ok(t1!.label.x < t2!.label.x);
    const mid = STEP_H / 2;
    assert.ok(
      (t1!.label.y - mid) * (t2!.label.y - mid) < 0,
      `${t1!.label.y}, ${t2!.label.y}: opposite sides`,
    );
  });

  it('draws a step that returns to itself as a loop above it', () => {
    const loop = edgeShapes(def).find((e) => e.id === 't4')!;
    assert.match(loop.d, / C /);
    assert.ok(loop.label.y < 0);
  });

  it('bends an arrow around a step it would otherwise run through', () => {
    const row: ProcessDefinition = {
      name: 'Hàng',
      steps: [0, 1, 2].map((k) => ({
        id: `r${k}`,
        name: `B${k}`,
        kind: 'work' as const,
        actor: null,
        budgetMinutes: 0,
        x: k * 300,
        y: 0,
      })),
      transitions: [
        { id: 'a', from: 'r0', to: 'r2', action: 'forward' },
        { id: 'b', from: 'r2', to: 'r0', action: 'send_back' },
        { id: 'c', from: 'r0', to: 'r1', action: 'forward' },
      ],
    };
    const [a, b, c] = edgeShapes(row);
    assert.match(a!.d, / Q /);
    assert.match(b!.d, / Q /);
    assert.match(c!.d, / L /);
    // Around the middle box (y 0..84), on opposite sides, labels clear of it.
    for (const e of [a!, b!]) assert.ok(e.label.y < -6 || e.label.y > STEP_H + 6, JSON.stringify(e.label));
    assert.ok((a!.label.y - STEP_H / 2) * (b!.label.y - STEP_H / 2) < 0);
  });

  it('clips lines at the box border', () => {
    assert.deepEqual(boxExit({ x: 0, y: 0 }, { x: 1000, y: STEP_H / 2 }), { x: STEP_W, y: STEP_H / 2 });
    assert.deepEqual(boxExit({ x: 0, y: 0 }, { x: STEP_W / 2, y: -500 }), { x: STEP_W / 2, y: 0 });
  });

  it('bounds every box and label with a margin', () => {
    const b = diagramBounds(def);
    assert.ok(b.x < 0 && b.y < -40, 'the loop above s2 is inside');
    assert.ok(b.x + b.width >= 600 + STEP_W);
    assert.ok(b.y + b.height >= STEP_H);
    assert.deepEqual(diagramBounds({ steps: [], transitions: [] }), { x: 0, y: 0, width: 320, height: 160 });
  });

  it('wraps step names on two lines and marks a cut', () => {
    assert.deepEqual(wrapText('Tiếp nhận hồ sơ'), ['Tiếp nhận hồ sơ']);
    assert.deepEqual(wrapText('Thẩm định hồ sơ và lấy ý kiến các cơ quan liên quan', 24), [
      'Thẩm định hồ sơ và lấy ý',
      'kiến các cơ quan liên…',
    ]);
    assert.deepEqual(wrapText('a b c', 24, 2), ['a b c']);
    assert.deepEqual(wrapText(''), []);
  });

  it('finds the step under a point and a free place for a new one', () => {
    assert.equal(stepAt(def.steps, { x: 310, y: 10 })?.id, 's2');
    assert.equal(stepAt(def.steps, { x: 250, y: 10 }), undefined);
    assert.deepEqual(freeSpot(def.steps), { x: 820, y: 0 });
    assert.deepEqual(freeSpot([]), { x: 40, y: 40 });
  });
});

describe('step budgets in working minutes', () => {
  it('splits and joins days, hours and minutes', () => {
    assert.deepEqual(splitMinutes(1500), { days: 3, hours: 1, minutes: 0 });
    assert.deepEqual(splitMinutes(61, 480), { days: 0, hours: 1, minutes: 1 });
    assert.equal(joinMinutes({ days: 2, hours: 3, minutes: 5 }), 2 * 480 + 185);
    assert.equal(joinMinutes({ days: 1, hours: 0, minutes: 0 }, 420), 420);
  });

  it('reads what people type and names the bad part', () => {
    assert.deepEqual(parseBudget({ days: '1', hours: '', minutes: '30' }), { ok: true, minutes: 510 });
    assert.deepEqual(parseBudget({ days: '', hours: '', minutes: '' }), { ok: true, minutes: 0 });
    assert.deepEqual(parseBudget({ days: '1,5', hours: '', minutes: '' }), { ok: false, part: 'days' });
    assert.deepEqual(parseBudget({ days: '', hours: '-1', minutes: '' }), { ok: false, part: 'hours' });
  });

  it('writes only the parts that are not zero', () => {
    const w = { day: 'ngày', hour: 'giờ', minute: 'phút', none: 'không' };
    assert.equal(formatBudget(960 + 90, w), '2 ngày 1 giờ 30 phút');
    assert.equal(formatBudget(0, w), 'không');
  });
});

describe('designer state', () => {
  it('numbers new steps and arrows after the existing ones', () => {
    assert.equal(nextId('s', ['s1', 's9', 'x12']), 's10');
    assert.equal(nextId('t', []), 't1');
  });

  it('adds, moves (on the grid), connects and selects', () => {
    let st = initialState(def);
    st = editorReducer(st, { type: 'addStep', name: 'Bước mới' });
    assert.deepEqual(st.selected, { kind: 'step', id: 's4' });
    assert.equal(st.dirty, true);
    st = editorReducer(st, { type: 'move', id: 's4', x: 123, y: 207 });
    assert.deepEqual(
      st.def.steps.find((s) => s.id === 's4'),
      { id: 's4', name: 'Bước mới', kind: 'work', actor: null, budgetMinutes: 0, x: 120, y: 210 },
    );
    st = editorReducer(st, { type: 'nudge', id: 's4', dx: 10, dy: -10 });
    assert.equal(st.def.steps.at(-1)?.x, 130);
    st = editorReducer(st, { type: 'connect', from: 's3', to: 's4' });
    assert.deepEqual(st.def.transitions.at(-1), { id: 't6', from: 's3', to: 's4', action: 'forward' });
    assert.deepEqual(st.selected, { kind: 'transition', id: 't6' });
    assert.equal(editorReducer(st, { type: 'connect', from: 's3', to: 'nope' }), st);
  });

  it('keeps optional fields tidy when editing', () => {
    let st = initialState(def);
    st = editorReducer(st, { type: 'updateStep', id: 's1', patch: { onlineEntry: true, name: 'Nhận' } });
    assert.equal(st.def.steps[0]?.onlineEntry, true);
    st = editorReducer(st, { type: 'updateStep', id: 's1', patch: { onlineEntry: false } });
    assert.equal('onlineEntry' in (st.def.steps[0] ?? {}), false);
    st = editorReducer(st, { type: 'updateTransition', id: 't3', patch: { label: '  ' } });
    assert.equal('label' in (st.def.transitions[2] ?? {}), false);
  });

  it('deletes a step with its arrows, and the selection with them', () => {
    let st = editorReducer(initialState(def), {
      type: 'select',
      selection: { kind: 'transition', id: 't3' },
    });
    st = editorReducer(st, { type: 'deleteStep', id: 's3' });
    assert.deepEqual(
      st.def.transitions.map((t) => t.id),
      ['t1', 't2', 't4', 't5'],
    );
    assert.equal(st.selected, null);
    st = editorReducer(st, { type: 'select', selection: { kind: 'step', id: 's1' } });
    st = editorReducer(st, { type: 'deleteTransition', id: 't1' });
    assert.deepEqual(st.selected, { kind: 'step', id: 's1' });
    st = editorReducer(st, { type: 'saved' });
    assert.equal(st.dirty, false);
  });
});

describe('designer without JavaScript (tables)', () => {
  const t = translator('vi');
  const form = (values: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(values)) f.append(k, v);
    return f;
  };

  it('round-trips a definition through the tables', () => {
    const plain = plainValues(def, 480);
    assert.equal(plain.steps[1]?.days, '2');
    const f = new FormData();
    f.append('name', plain.name);
    f.append('stepRows', String(plain.steps.length));
    plain.steps.forEach((s, i) => {
      for (const k of ['id', 'name', 'kind', 'actor', 'days', 'hours', 'minutes', 'x', 'y'] as const)
        f.append(`s-${i}-${k}`, s[k]);
    });
    f.append('transitionRows', String(plain.transitions.length));
    plain.transitions.forEach((r, i) => {
      for (const k of ['id', 'from', 'to', 'action', 'label', 'coordinate'] as const)
        f.append(`t-${i}-${k}`, r[k]);
    });
    const back = plainToDefinition(readPlainForm(f), 480, t);
    assert.ok(back.ok);
    assert.deepEqual(back.def, { ...def, transitions: def.transitions });
  });

  it('adds rows, removes a step with its arrows, skips empty rows', () => {
    const f = form({
      name: ' Quy trình ',
      stepRows: '3',
      's-0-id': 's1',
      's-0-name': 'Tiếp nhận',
      's-0-kind': 'receive',
      's-0-online': '1',
      's-0-x': '0',
      's-0-y': '0',
      's-1-id': 's2',
      's-1-name': 'Thụ lý',
      's-1-kind': 'work',
      's-1-remove': '1',
      's-2-name': 'Bước thêm',
      's-2-kind': 'work',
      's-2-actor': 'role:can_bo_thu_ly',
      's-2-hours': '3',
      transitionRows: '3',
      't-0-id': 't1',
      't-0-from': 's1',
      't-0-to': 's2',
      't-0-action': 'forward',
      't-1-from': 's1',
      't-1-to': 's1',
      't-1-action': 'request_supplement',
      't-1-label': ' Bổ sung ',
    });
    const r = plainToDefinition(readPlainForm(f), 480, t);
    assert.ok(r.ok);
    assert.equal(r.def.name, 'Quy trình');
    assert.deepEqual(r.def.steps, [
      {
        id: 's1',
        name: 'Tiếp nhận',
        kind: 'receive',
        actor: null,
        budgetMinutes: 0,
        x: 0,
        y: 0,
        onlineEntry: true,
      },
      {
        id: 's3',
        name: 'Bước thêm',
        kind: 'work',
        actor: { kind: 'role', role: 'can_bo_thu_ly' },
        budgetMinutes: 180,
        x: 0 + STEP_W + 60 - ((STEP_W + 60) % 10),
        y: 0,
      },
    ]);
    assert.deepEqual(r.def.transitions, [
      { id: 't2', from: 's1', to: 's1', action: 'request_supplement', label: 'Bổ sung' },
    ]);
  });

  it('names the fields a person has to fix', () => {
    const f = form({
      name: 'Q',
      stepRows: '1',
      's-0-id': 's1',
      's-0-name': 'A',
      's-0-days': 'hai',
      transitionRows: '1',
      't-0-from': 's1',
    });
    const r = plainToDefinition(readPlainForm(f), 480, t);
    assert.equal(r.ok, false);
    assert.deepEqual(Object.keys(r.ok ? {} : r.errors), ['s-0-days', 't-0-to']);
  });

  it('writes actors and consulted units as select values and back', () => {
    for (const a of [
      { kind: 'role', role: 'lanh_dao_phong' },
      { kind: 'department', departmentId: 'd1' },
      { kind: 'group', groupId: 'g1' },
      { kind: 'officials', officialIds: ['a', 'b'] },
    ] satisfies StepActor[])
      assert.deepEqual(parseActorValue(actorValue(a)), a);
    assert.equal(parseActorValue(''), null);
    assert.equal(parseActorValue('role:'), null);
    assert.deepEqual(parseCoordinateValue('agency:x'), { kind: 'agency', id: 'x' });
    assert.equal(parseCoordinateValue('person:x'), null);
  });
});
