import {
  addField,
  addSection,
  blankField,
  changeType,
  fieldAt,
  fieldPositions,
  freshKey,
  moveField,
  moveSection,
  parsePath,
  pathText,
  removeField,
  removeSection,
  renameReferences,
  renameSection,
  replaceField,
} from '../../../../src/domain/eform-edit.ts';
import { EFORM_FIELD_TYPES } from '../../../../src/domain/eform.ts';
import type { EformDefinition, EformFieldType } from '../../../../src/domain/eform.ts';
import { EformDefinitionSchema } from '../../../../src/modules/eforms/schema.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { isDraftShape } from './draft-shape.ts';
import { readPanel } from './panel-values.ts';

/**
 * One step of the designer: the posted form (every input, plus the button pressed as `intent`) turns
 * the draft into the next one. The server action runs it without JavaScript; the browser runs the very
 * same function with it, so both give the same draft. Nothing is saved here.
 */
export interface DesignerState {
  draft: EformDefinition;
  /** Position ("0.2") of the field open in the properties panel. */
  selected: string | null;
  /** The saved version the draft started from (what "Lưu" checks against). */
  baseVersion: number;
}

export interface StepResult {
  state: DesignerState;
  errors: FieldErrors;
  /** The id of the control to focus next (with JavaScript). */
  focus?: string | undefined;
}

type Form = Pick<FormData, 'get'>;
const text = (form: Form, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** The draft, selection and base version carried in the form's hidden inputs; null when they are not any. */
export function readState(form: Form): DesignerState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text(form, 'draft'));
  } catch {
    return null;
  }
  const baseVersion = Number(text(form, 'baseVersion'));
  if (!isDraftShape(raw) || !Number.isInteger(baseVersion) || baseVersion < 0) return null;
  const selected = text(form, 'selected');
  return {
    draft: raw,
    selected: parsePath(selected) && fieldAt(raw, parsePath(selected) ?? []) ? selected : null,
    baseVersion,
  };
}

/** The typed titles and the open panel, applied to the draft (before any button acts). */
function applyInputs(state: DesignerState, form: Form, t: Translate): StepResult {
  let draft = state.draft;
  if (form.get('title') !== null) draft = { ...draft, title: text(form, 'title') };
  draft.sections.forEach((_, i) => {
    const name = `section.${i}.title`;
    if (form.get(name) !== null) draft = renameSection(draft, i, text(form, name));
  });
  const path = state.selected ? parsePath(state.selected) : null;
  const field = path ? fieldAt(draft, path) : undefined;
  if (!path || !field || form.get('p.key') === null) return { state: { ...state, draft }, errors: {} };
  const read = readPanel(field, form, t);
  const type = text(form, 'p.type');
  if (type !== field.type && (EFORM_FIELD_TYPES as readonly string[]).includes(type)) {
    // A new type keeps what every field has; its own properties start blank (the panel showed the old type's).
    const typed = changeType(read.field, type as EformFieldType);
    return { state: { ...state, draft: replaceField(draft, path, typed) }, errors: {} };
  }
  const next = replaceField(draft, path, read.field);
  return {
    state: { ...state, draft: renameReferences(next, field.key, read.field.key) },
    errors: read.errors,
  };
}

/** Swaps the start of a position (the selection follows the field, or group, that moved). */
function follow(selected: string | null, from: number[], to: number[]): string | null {
  const sel = selected ? parsePath(selected, 1) : null;
  if (!sel) return null;
  const starts = (p: number[]) => p.every((n, i) => sel[i] === n);
  if (starts(from)) return pathText([...to, ...sel.slice(from.length)]);
  if (starts(to)) return pathText([...from, ...sel.slice(to.length)]);
  return selected;
}

/** The draft after the button `intent` (applied inputs first); unknown buttons only apply the inputs. */
export function designerStep(state: DesignerState, form: Form, t: Translate): StepResult {
  const applied = applyInputs(state, form, t);
  const { draft, selected } = applied.state;
  const intent = text(form, 'intent');
  const [verb = '', arg = ''] = intent.split(':');
  const at = parsePath(arg, 1);
  const next = (change: Partial<DesignerState>, focus?: string): StepResult => ({
    state: { ...applied.state, ...change },
    errors: applied.errors,
    focus,
  });
  switch (verb) {
    case 'add-section':
      return next(
        { draft: addSection(draft, t('ed.newSection', { n: draft.sections.length + 1 })) },
        `f-section.${draft.sections.length}.title`,
      );
    case 'section-up':
    case 'section-down': {
      const i = Number(arg);
      const to = i + (verb === 'section-up' ? -1 : 1);
      const moved = moveSection(draft, i, to - i);
      if (moved === draft) return next({});
      return next({ draft: moved, selected: follow(selected, [i], [to]) }, `${verb}-${to}`);
    }
    case 'section-remove':
      return next({ draft: removeSection(draft, Number(arg)), selected: null }, 'add-section');
    case 'add': {
      if (!at) return next({});
      const type = text(form, `newType.${arg}`) as EformFieldType;
      if (!EFORM_FIELD_TYPES.includes(type)) return next({});
      const added = addField(draft, at, blankField(type, freshKey(draft, 'truong'), t('ed.newField')));
      if (!added.path) return next({});
      return next({ draft: added.def, selected: pathText(added.path) }, 'f-p.label');
    }
    case 'select':
      return at && fieldAt(draft, at) ? next({ selected: arg }, 'f-p.label') : next({});
    case 'close':
      return next({ selected: null }, selected ? `select-${selected}` : undefined);
    case 'up':
    case 'down': {
      if (!at) return next({});
      const moved = moveField(draft, at, verb === 'up' ? -1 : 1);
      const to = pathText(moved.path);
      return next({ draft: moved.def, selected: follow(selected, at, moved.path) }, `${verb}-${to}`);
    }
    case 'remove':
      return at ? next({ draft: removeField(draft, at), selected: null }, 'add-section') : next({});
    case 'option-add':
    case 'option-remove': {
      const path = selected ? parsePath(selected) : null;
      const field = path ? fieldAt(draft, path) : undefined;
      if (!path || field?.type !== 'choice') return next({});
      const options =
        verb === 'option-add'
          ? [...field.options, { value: '', label: '' }]
          : field.options.filter((_, i) => i !== Number(arg));
      const focus = verb === 'option-add' ? `f-p.option.${options.length - 1}.value` : 'option-add';
      return next({ draft: replaceField(draft, path, { ...field, options }) }, focus);
    }
    case 'import':
      return importDraft(applied, text(form, 'importJson'), t);
    default:
      return applied;
  }
}

/** Replaces the draft by a pasted definition (or an exported e-form view holding one); still not saved. */
function importDraft(applied: StepResult, json: string, t: Translate): StepResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ...applied, errors: { importJson: t('ed.err.json') } };
  }
  const body = raw && typeof raw === 'object' && 'definition' in raw ? raw.definition : raw;
  const parsed = EformDefinitionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return {
      ...applied,
      errors: { importJson: t('ed.err.importShape', { where: where || '—', message: issue?.message ?? '' }) },
    };
  }
  return { state: { ...applied.state, draft: parsed.data, selected: null }, errors: {}, focus: 'f-title' };
}

/**
 * The save's problems (`definition.<path>` from the service, or a position from the schema) as
 * messages on the designer's controls: a field's row ("row.0.2"), a section title, the form title.
 * Each message names the field it is about (label, else key).
 */
export function problemErrors(
  draft: EformDefinition,
  problems: readonly { field: string; message: string }[],
  t: Translate,
): FieldErrors {
  const positions = fieldPositions(draft);
  const out: FieldErrors = {};
  const put = (name: string, message: string) => {
    out[name] = out[name] ? `${out[name]}; ${message}` : message;
  };
  for (const p of problems) {
    const path = p.field.replace(/^definition\./, '');
    const section = /^sections\[(\d+)\]$/.exec(path);
    if (section) {
      put(
        `section.${section[1]}.title`,
        t('ed.sectionProblem', { n: Number(section[1]) + 1, message: p.message }),
      );
      continue;
    }
    // The last field at that key path: of two fields with the same key, the later one is the duplicate.
    const at = positions.filter((x) => x.keyPath === path).at(-1);
    if (at) {
      put(
        `row.${pathText(at.path)}`,
        t('ed.problemAt', { field: at.field.label.trim() || at.field.key, message: p.message }),
      );
    } else put(path === 'title' ? 'title' : 'form', p.message);
  }
  return out;
}
