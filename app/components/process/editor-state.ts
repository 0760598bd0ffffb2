import type {
  ActionKind,
  ProcessDefinition,
  ProcessStep,
  ProcessTransition,
} from '../../../src/domain/process.ts';
import { freeSpot, snap } from './geometry.ts';

/**
 * The designer's state and its changes, as a pure reducer (React's useReducer in the editor, plain
 * calls in tests): the definition being edited, what is selected, and whether it differs from the
 * saved copy. Every change keeps the definition well formed: ids stay unique, and deleting a step
 * deletes the arrows that touch it.
 */

export type Selection = { kind: 'step'; id: string } | { kind: 'transition'; id: string };

export interface EditorState {
  def: ProcessDefinition;
  selected: Selection | null;
  /** Changed since it was loaded or last saved. */
  dirty: boolean;
}

export type StepPatch = Partial<Omit<ProcessStep, 'id'>>;
export type TransitionPatch = Partial<Omit<ProcessTransition, 'id'>>;

export type EditorAction =
  | { type: 'select'; selection: Selection | null }
  | { type: 'move'; id: string; x: number; y: number }
  | { type: 'nudge'; id: string; dx: number; dy: number }
  | { type: 'addStep'; name: string; at?: { x: number; y: number } | undefined }
  | { type: 'updateStep'; id: string; patch: StepPatch }
  | { type: 'deleteStep'; id: string }
  | { type: 'connect'; from: string; to: string; action?: ActionKind | undefined }
  | { type: 'updateTransition'; id: string; patch: TransitionPatch }
  | { type: 'deleteTransition'; id: string }
  | { type: 'rename'; name: string }
  | { type: 'reset'; def: ProcessDefinition }
  | { type: 'saved' };

export function initialState(def: ProcessDefinition): EditorState {
  return { def, selected: null, dirty: false };
}

/** `prefix` + the smallest number above every id of that shape ("s7" after "s6"). */
export function nextId(prefix: string, ids: readonly string[]): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of ids) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (ids.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Drops keys whose value is undefined, and an empty label (the action's name is shown instead). */
function cleanTransition(t: ProcessTransition): ProcessTransition {
  const out: ProcessTransition = { id: t.id, from: t.from, to: t.to, action: t.action };
  if (t.label !== undefined && t.label.trim() !== '') out.label = t.label;
  if (t.coordinateWith !== undefined) out.coordinateWith = t.coordinateWith;
  return out;
}

function cleanStep(s: ProcessStep): ProcessStep {
  const { onlineEntry, ...rest } = s;
  return onlineEntry ? { ...rest, onlineEntry } : rest;
}

function changed(state: EditorState, def: ProcessDefinition, selected = state.selected): EditorState {
  return { def, selected, dirty: true };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { def } = state;
  switch (action.type) {
    case 'select':
      return { ...state, selected: action.selection };
    case 'move':
    case 'nudge': {
      const step = def.steps.find((s) => s.id === action.id);
      if (!step) return state;
      const x = snap(action.type === 'move' ? action.x : step.x + action.dx);
      const y = snap(action.type === 'move' ? action.y : step.y + action.dy);
      if (x === step.x && y === step.y) return state;
      return changed(state, {
        ...def,
        steps: def.steps.map((s) => (s.id === action.id ? { ...s, x, y } : s)),
      });
    }
    case 'addStep': {
      const id = nextId(
        's',
        def.steps.map((s) => s.id),
      );
      const at = action.at ?? freeSpot(def.steps);
      const step: ProcessStep = {
        id,
        name: action.name,
        kind: 'work',
        actor: null,
        budgetMinutes: 0,
        x: snap(at.x),
        y: snap(at.y),
      };
      return changed(state, { ...def, steps: [...def.steps, step] }, { kind: 'step', id });
    }
    case 'updateStep':
      if (!def.steps.some((s) => s.id === action.id)) return state;
      return changed(state, {
        ...def,
        steps: def.steps.map((s) => (s.id === action.id ? cleanStep({ ...s, ...action.patch }) : s)),
      });
    case 'deleteStep': {
      if (!def.steps.some((s) => s.id === action.id)) return state;
      const sel = state.selected;
      const gone = (t: ProcessTransition) => t.from === action.id || t.to === action.id;
      const keepSel =
        sel &&
        !(sel.kind === 'step' && sel.id === action.id) &&
        !(sel.kind === 'transition' && def.transitions.some((t) => t.id === sel.id && gone(t)));
      return changed(
        state,
        {
          ...def,
          steps: def.steps.filter((s) => s.id !== action.id),
          transitions: def.transitions.filter((t) => !gone(t)),
        },
        keepSel ? sel : null,
      );
    }
    case 'connect': {
      if (![action.from, action.to].every((id) => def.steps.some((s) => s.id === id))) return state;
      const id = nextId(
        't',
        def.transitions.map((t) => t.id),
      );
      const t: ProcessTransition = {
        id,
        from: action.from,
        to: action.to,
        action: action.action ?? 'forward',
      };
      return changed(state, { ...def, transitions: [...def.transitions, t] }, { kind: 'transition', id });
    }
    case 'updateTransition':
      if (!def.transitions.some((t) => t.id === action.id)) return state;
      return changed(state, {
        ...def,
        transitions: def.transitions.map((t) =>
          t.id === action.id ? cleanTransition({ ...t, ...action.patch }) : t,
        ),
      });
    case 'deleteTransition': {
      if (!def.transitions.some((t) => t.id === action.id)) return state;
      const sel = state.selected;
      return changed(
        state,
        { ...def, transitions: def.transitions.filter((t) => t.id !== action.id) },
        sel?.kind === 'transition' && sel.id === action.id ? null : sel,
      );
    }
    case 'rename':
      return changed(state, { ...def, name: action.name });
    case 'reset':
      return initialState(action.def);
    case 'saved':
      return { ...state, dirty: false };
  }
}

/**
 * Whether a problem only the server can find (a department or agency that does not exist, checked
 * against the database at the last save) still concerns `current`: its step keeps the same actor, or
 * its arrow the same action and consulted unit, as in `checked`, the definition the server saw.
 */
export function stillApplies(
  p: { stepId?: string; transitionId?: string },
  checked: ProcessDefinition,
  current: ProcessDefinition,
): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (p.stepId !== undefined) {
    const before = checked.steps.find((s) => s.id === p.stepId);
    const now = current.steps.find((s) => s.id === p.stepId);
    return Boolean(before && now && same(before.actor, now.actor));
  }
  if (p.transitionId !== undefined) {
    const before = checked.transitions.find((t) => t.id === p.transitionId);
    const now = current.transitions.find((t) => t.id === p.transitionId);
    return Boolean(
      before && now && before.action === now.action && same(before.coordinateWith, now.coordinateWith),
    );
  }
  return true;
}
