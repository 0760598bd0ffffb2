import { ACTION_KINDS, STEP_KINDS } from '../../../src/domain/process.ts';
import type {
  ActionKind,
  ProcessDefinition,
  ProcessStep,
  ProcessTransition,
  StepKind,
} from '../../../src/domain/process.ts';
import type { Translate } from '../../i18n/index.ts';
import { parseBudget, splitMinutes } from './budget.ts';
import { actorValue, coordinateValue, parseActorValue, parseCoordinateValue } from './choices.ts';
import { nextId } from './editor-state.ts';
import { freeSpot } from './geometry.ts';

/**
 * The designer without JavaScript: a definition as two tables of plain form fields (steps and
 * arrows), with empty rows to add and a "remove" box per row, and the way back from the posted
 * form to a definition. Field names: `s-<row>-<field>` and `t-<row>-<field>`.
 */

export interface StepRow {
  id: string;
  name: string;
  kind: string;
  actor: string;
  days: string;
  hours: string;
  minutes: string;
  online: boolean;
  remove: boolean;
  x: string;
  y: string;
}

export interface TransitionRow {
  id: string;
  from: string;
  to: string;
  action: string;
  label: string;
  coordinate: string;
  remove: boolean;
}

export interface PlainValues {
  name: string;
  steps: StepRow[];
  transitions: TransitionRow[];
}

/** Empty rows offered at the end of each table. */
export const EXTRA_STEP_ROWS = 1;
export const EXTRA_TRANSITION_ROWS = 2;

export const blankStepRow = (): StepRow => ({
  id: '',
  name: '',
  kind: 'work',
  actor: '',
  days: '',
  hours: '',
  minutes: '',
  online: false,
  remove: false,
  x: '',
  y: '',
});

export const blankTransitionRow = (): TransitionRow => ({
  id: '',
  from: '',
  to: '',
  action: 'forward',
  label: '',
  coordinate: '',
  remove: false,
});

export function plainValues(def: ProcessDefinition, perDay: number): PlainValues {
  return {
    name: def.name,
    steps: def.steps.map((s) => {
      const b = splitMinutes(s.budgetMinutes, perDay);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        actor: actorValue(s.actor),
        days: String(b.days),
        hours: String(b.hours),
        minutes: String(b.minutes),
        online: Boolean(s.onlineEntry),
        remove: false,
        x: String(s.x),
        y: String(s.y),
      };
    }),
    transitions: def.transitions.map((t) => ({
      id: t.id,
      from: t.from,
      to: t.to,
      action: t.action,
      label: t.label ?? '',
      coordinate: coordinateValue(t.coordinateWith),
      remove: false,
    })),
  };
}

const rowCount = (form: FormData, name: string) => Math.min(Math.max(Number(form.get(name)) || 0, 0), 1200);
const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

export function readPlainForm(form: FormData): PlainValues {
  const steps: StepRow[] = [];
  for (let i = 0; i < rowCount(form, 'stepRows'); i++) {
    const f = (k: string) => text(form, `s-${i}-${k}`);
    steps.push({
      id: f('id'),
      name: f('name'),
      kind: f('kind'),
      actor: f('actor'),
      days: f('days'),
      hours: f('hours'),
      minutes: f('minutes'),
      online: form.has(`s-${i}-online`),
      remove: form.has(`s-${i}-remove`),
      x: f('x'),
      y: f('y'),
    });
  }
  const transitions: TransitionRow[] = [];
  for (let i = 0; i < rowCount(form, 'transitionRows'); i++) {
    const f = (k: string) => text(form, `t-${i}-${k}`);
    transitions.push({
      id: f('id'),
      from: f('from'),
      to: f('to'),
      action: f('action'),
      label: f('label'),
      coordinate: f('coordinate'),
      remove: form.has(`t-${i}-remove`),
    });
  }
  return { name: text(form, 'name'), steps, transitions };
}

const isKind = (v: string): v is StepKind => (STEP_KINDS as readonly string[]).includes(v);
const isAction = (v: string): v is ActionKind => (ACTION_KINDS as readonly string[]).includes(v);
const coord = (v: string) => (/^-?\d{1,7}(\.\d+)?$/.test(v.trim()) ? Math.round(Number(v)) : null);

/**
 * The definition the tables describe, or the problems of the form itself (field name → message).
 * An empty new row is ignored; a removed step takes its arrows with it; new steps get the next free
 * id and a place right of the drawing. What the process means (reachability, deadlines) is left to
 * validateProcess: a draft may be saved with problems.
 */
export function plainToDefinition(
  v: PlainValues,
  perDay: number,
  t: Translate,
): { ok: true; def: ProcessDefinition } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const steps: ProcessStep[] = [];
  const removed = new Set<string>();
  const ids = v.steps.map((r) => r.id).filter(Boolean);
  v.steps.forEach((r, i) => {
    const n = i + 1;
    if (r.remove) {
      if (r.id) removed.add(r.id);
      return;
    }
    if (!r.id && !r.name.trim()) return;
    const budget = parseBudget({ days: r.days, hours: r.hours, minutes: r.minutes }, perDay);
    if (!budget.ok) {
      errors[`s-${i}-${budget.part}`] = t('pr.err.budgetN', { n });
      return;
    }
    const kind = isKind(r.kind) ? r.kind : 'work';
    let id = r.id;
    let x = coord(r.x);
    let y = coord(r.y);
    if (!id) {
      id = nextId('s', [...ids, ...steps.map((s) => s.id)]);
      ids.push(id);
    }
    if (x === null || y === null) ({ x, y } = freeSpot(steps));
    const step: ProcessStep = {
      id,
      name: r.name.trim(),
      kind,
      actor: parseActorValue(r.actor),
      budgetMinutes: budget.minutes,
      x,
      y,
    };
    if (r.online && kind === 'receive') step.onlineEntry = true;
    steps.push(step);
  });
  const transitions: ProcessTransition[] = [];
  const tids = v.transitions.map((r) => r.id).filter(Boolean);
  v.transitions.forEach((r, i) => {
    if (r.remove) return;
    if (removed.has(r.from) || removed.has(r.to)) return;
    if (!r.id && !r.from && !r.to) return;
    if (!r.from || !r.to) {
      errors[`t-${i}-${r.from ? 'to' : 'from'}`] = t('pr.err.fromTo', { n: i + 1 });
      return;
    }
    let id = r.id;
    if (!id) {
      id = nextId('t', [...tids, ...transitions.map((x) => x.id)]);
      tids.push(id);
    }
    const tr: ProcessTransition = {
      id,
      from: r.from,
      to: r.to,
      action: isAction(r.action) ? r.action : 'forward',
    };
    if (r.label.trim()) tr.label = r.label.trim();
    const c = parseCoordinateValue(r.coordinate);
    if (c) tr.coordinateWith = c;
    transitions.push(tr);
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, def: { name: v.name.trim(), steps, transitions } };
}
