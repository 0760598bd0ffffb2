import type { EformDefinition, EformField, EformFieldType } from './eform.ts';

/**
 * The e-form designer's edits (back office, /mot-cua/thu-tuc/:code/to-khai): pure functions from one
 * draft definition to the next, shared by the server action (without JavaScript) and the browser (with
 * it), so both give the same draft. A field is addressed by its position, not its key (keys are being
 * edited and may clash while the draft is unfinished): [section, field, field inside a group, …].
 * A container is a section ([section]) or a group field ([section, field, …]).
 */
export type FieldPath = readonly number[];

export const pathText = (path: FieldPath): string => path.join('.');

/** "0.2.1" → [0, 2, 1]; null when it is not a position (at least `min` parts). */
export function parsePath(text: string, min = 2): number[] | null {
  if (!/^\d{1,3}(\.\d{1,3}){0,6}$/.test(text)) return null;
  const path = text.split('.').map(Number);
  return path.length >= min ? path : null;
}

/** The fields of a container, or undefined when the position does not name one. */
export function containerFields(def: EformDefinition, container: FieldPath): EformField[] | undefined {
  const [s, ...rest] = container;
  let fields = s === undefined ? undefined : def.sections[s]?.fields;
  for (const i of rest) {
    const f = fields?.[i];
    fields = f?.type === 'group' ? f.fields : undefined;
  }
  return fields;
}

export function fieldAt(def: EformDefinition, path: FieldPath): EformField | undefined {
  return containerFields(def, path.slice(0, -1))?.[path.at(-1) ?? -1];
}

/** A copy of `def` whose container's fields are `change(fields)`; `def` itself when there is no such container. */
function withFields(
  def: EformDefinition,
  container: FieldPath,
  change: (fields: EformField[]) => EformField[],
): EformDefinition {
  const [s, ...rest] = container;
  const section = s === undefined ? undefined : def.sections[s];
  if (!section || containerFields(def, container) === undefined) return def;
  const inner = (fields: EformField[], at: readonly number[]): EformField[] => {
    const [i, ...more] = at;
    if (i === undefined) return change(fields);
    return fields.map((f, j) =>
      j === i && f.type === 'group' ? { ...f, fields: inner(f.fields, more) } : f,
    );
  };
  return {
    ...def,
    sections: def.sections.map((x, j) => (j === s ? { ...x, fields: inner(x.fields, rest) } : x)),
  };
}

/** `list` with the item at `i` moved by `delta` places; null when it would leave the list. */
function moved<T>(list: readonly T[], i: number, delta: number): T[] | null {
  const to = i + delta;
  if (i < 0 || i >= list.length || to < 0 || to >= list.length) return null;
  const out = [...list];
  const [item] = out.splice(i, 1);
  out.splice(to, 0, item as T);
  return out;
}

export function addSection(def: EformDefinition, title: string): EformDefinition {
  return { ...def, sections: [...def.sections, { title, fields: [] }] };
}

export function renameSection(def: EformDefinition, i: number, title: string): EformDefinition {
  if (!def.sections[i]) return def;
  return { ...def, sections: def.sections.map((s, j) => (j === i ? { ...s, title } : s)) };
}

export function removeSection(def: EformDefinition, i: number): EformDefinition {
  return { ...def, sections: def.sections.filter((_, j) => j !== i) };
}

export function moveSection(def: EformDefinition, i: number, delta: number): EformDefinition {
  const sections = moved(def.sections, i, delta);
  return sections ? { ...def, sections } : def;
}

/** Appends `field` to a container; `path` is where it landed (null when the container does not exist). */
export function addField(
  def: EformDefinition,
  container: FieldPath,
  field: EformField,
): { def: EformDefinition; path: number[] | null } {
  const fields = containerFields(def, container);
  if (!fields) return { def, path: null };
  return { def: withFields(def, container, (f) => [...f, field]), path: [...container, fields.length] };
}

export function removeField(def: EformDefinition, path: FieldPath): EformDefinition {
  const i = path.at(-1);
  if (i === undefined || !fieldAt(def, path)) return def;
  return withFields(def, path.slice(0, -1), (fields) => fields.filter((_, j) => j !== i));
}

/** Moves a field up (-1) or down (+1) within its container; `path` is its new position. */
export function moveField(
  def: EformDefinition,
  path: FieldPath,
  delta: number,
): { def: EformDefinition; path: number[] } {
  const container = path.slice(0, -1);
  const i = path.at(-1) ?? -1;
  const next = moved(containerFields(def, container) ?? [], i, delta);
  if (!next) return { def, path: [...path] };
  return { def: withFields(def, container, () => next), path: [...container, i + delta] };
}

export function replaceField(def: EformDefinition, path: FieldPath, field: EformField): EformDefinition {
  const i = path.at(-1);
  if (i === undefined || !fieldAt(def, path)) return def;
  return withFields(def, path.slice(0, -1), (fields) => fields.map((f, j) => (j === i ? field : f)));
}

/** A new field of `type` with what that type needs to be valid, apart from what the editor must decide. */
export function blankField(type: EformFieldType, key: string, label: string): EformField {
  switch (type) {
    case 'text':
    case 'textarea':
    case 'number':
    case 'date':
    case 'id_number':
    case 'phone':
    case 'email':
    case 'checkbox':
      return { key, label, type };
    case 'choice':
      return { key, label, type, options: [] };
    case 'catalog':
      return { key, label, type, catalog: 'province' };
    case 'file':
      return { key, label, type, maxBytes: 5 * 1024 * 1024, extensions: ['pdf'], maxFiles: 1 };
    case 'group':
      return { key, label, type, fields: [] };
  }
}

/** The same field as another type: what every field has is kept, the type's own properties start afresh. */
export function changeType(field: EformField, type: EformFieldType): EformField {
  if (field.type === type) return field;
  const { key, label, help, required, visibleWhen, prefill } = field;
  const kept = Object.fromEntries(
    Object.entries({ help, required, visibleWhen, prefill }).filter(([, v]) => v !== undefined),
  );
  return { ...blankField(type, key, label), ...kept };
}

/** Every field with its position and its key path ("thanhVien[].ten", as eformDefinitionProblems names it). */
export function fieldPositions(
  def: EformDefinition,
): { path: number[]; keyPath: string; field: EformField }[] {
  const out: { path: number[]; keyPath: string; field: EformField }[] = [];
  const walk = (fields: readonly EformField[], at: number[], prefix: string) =>
    fields.forEach((field, i) => {
      const keyPath = `${prefix}${field.key}`;
      out.push({ path: [...at, i], keyPath, field });
      if (field.type === 'group') walk(field.fields, [...at, i], `${keyPath}[].`);
    });
  def.sections.forEach((s, i) => walk(s.fields, [i], ''));
  return out;
}

/** A key not used anywhere in the form: `stem1`, `stem2`… */
export function freshKey(def: EformDefinition, stem: string): string {
  const used = new Set(fieldPositions(def).map((p) => p.field.key));
  for (let n = 1; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

/**
 * After a field's key changed from `from` to `to`: the conditions and parent fields that named `from`
 * name `to`, so renaming a key does not break what depends on it. Nothing changes while either key
 * is ambiguous (`from` still used by another field, or `to` used twice), where the reference could
 * be meant for another field.
 */
export function renameReferences(def: EformDefinition, from: string, to: string): EformDefinition {
  const count = (key: string) => fieldPositions(def).filter((p) => p.field.key === key).length;
  if (from === to || count(from) > 0 || count(to) !== 1) return def;
  const fix = (fields: readonly EformField[]): EformField[] =>
    fields.map((f) => {
      let g = f;
      if (g.visibleWhen?.field === from) g = { ...g, visibleWhen: { ...g.visibleWhen, field: to } };
      if (g.type === 'catalog' && g.parentField === from) g = { ...g, parentField: to };
      if (g.type === 'group') g = { ...g, fields: fix(g.fields) };
      return g;
    });
  return { ...def, sections: def.sections.map((s) => ({ ...s, fields: fix(s.fields) })) };
}
