import type { EformDefinition, EformField } from '../../../src/domain/eform.ts';

/**
 * The online form's values as the browser posts them: one string per control, top-level fields by
 * key, repeating groups as `key[i].sub` with their item count in `n.key` (so that adding and removing
 * items works without JavaScript). Shared by the page and its server side.
 */
export type FlatValues = Record<string, string>;

export const itemName = (group: string, i: number, sub: string) => `${group}[${i}].${sub}`;
export const countName = (group: string) => `n.${group}`;

/** Items a repeating group shows: what was posted, else its minimum (at least one). */
export function itemCount(
  f: Extract<EformField, { type: 'group' }>,
  values: FlatValues,
  name: string = f.key,
): number {
  const raw = values[countName(name)];
  const n = raw ? Number(raw) : NaN;
  const min = Math.max(1, f.minItems ?? (f.required ? 1 : 0));
  const max = f.maxItems ?? 50;
  return Number.isInteger(n) && n >= 0 ? Math.min(Math.max(n, 0), max) : Math.min(min, max);
}

const DELIVERY = [
  'agencyId',
  'delivery',
  'postal.name',
  'postal.phone',
  'postal.provinceCode',
  'postal.communeCode',
  'postal.address',
];

/** Reads the posted form into flat values (only names the form may carry). */
export function readForm(def: EformDefinition, form: FormData): FlatValues {
  const out: FlatValues = {};
  const take = (name: string) => {
    const v = form.get(name);
    if (typeof v === 'string') out[name] = v.slice(0, 5000);
  };
  // Ticked boxes of a multiple choice (or the review step's hidden copy): one value per line.
  const takeAll = (name: string) => {
    const all = form.getAll(name).filter((v): v is string => typeof v === 'string');
    if (all.length) out[name] = all.join('\n').slice(0, 5000);
  };
  DELIVERY.forEach(take);
  const walk = (fields: readonly EformField[], prefix: string) => {
    for (const f of fields) {
      const name = `${prefix}${f.key}`;
      if (f.type === 'group') {
        take(countName(name));
        const n = itemCount(f, out, name);
        for (let i = 0; i < n; i++) walk(f.fields, `${name}[${i}].`);
      } else if (f.type === 'file') take(filesName(name));
      else if (f.type === 'choice' && f.multiple) takeAll(name);
      else take(name);
    }
  };
  for (const s of def.sections) walk(s.fields, '');
  return out;
}

/** The e-form data the service checks, from the flat values. */
export function toFormData(def: EformDefinition, values: FlatValues): Record<string, unknown> {
  const build = (fields: readonly EformField[], prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const name = `${prefix}${f.key}`;
      if (f.type === 'group') {
        const n = itemCount(f, values, name);
        out[f.key] = Array.from({ length: n }, (_, i) => build(f.fields, `${name}[${i}].`));
      } else if (f.type === 'checkbox') out[f.key] = values[name] === 'on';
      else if (f.type === 'choice' && f.multiple) out[f.key] = pickedOf(values, name);
      else if (f.type === 'file') out[f.key] = filesOf(values, name).map((x) => x.id);
      else out[f.key] = values[name] ?? '';
    }
    return out;
  };
  return Object.assign({}, ...def.sections.map((s) => build(s.fields, ''))) as Record<string, unknown>;
}

/** `formData.thanhVien[0].ten` → `thanhVien[0].ten`: the control's name. */
export const controlName = (field: string) => field.replace(/^formData\./, '');

/** The hidden field that keeps a file field's uploads between steps: JSON of {id, name}. */
export const filesName = (name: string) => `${name}.files`;

export function filesOf(values: FlatValues, name: string): { id: string; name: string }[] {
  try {
    const v: unknown = JSON.parse(values[filesName(name)] ?? '[]');
    return Array.isArray(v)
      ? v
          .filter((x: unknown): x is { id: string; name: string } => {
            const o = x as { id?: unknown; name?: unknown } | null;
            return typeof o?.id === 'string' && typeof o.name === 'string';
          })
          .slice(0, 20)
      : [];
  } catch {
    return [];
  }
}

/** The options ticked in a multiple choice (kept one per line in the flat values). */
export const pickedOf = (values: FlatValues, name: string): string[] =>
  (values[name] ?? '').split('\n').filter(Boolean);

/** Every file field the form shows, by control name (inside repeating groups: `key[i].sub`). */
export function fileFields(
  def: EformDefinition,
  values: FlatValues,
): { name: string; field: Extract<EformField, { type: 'file' }> }[] {
  const out: { name: string; field: Extract<EformField, { type: 'file' }> }[] = [];
  const walk = (fields: readonly EformField[], prefix: string) => {
    for (const f of fields) {
      const name = `${prefix}${f.key}`;
      if (f.type === 'file') out.push({ name, field: f });
      if (f.type === 'group')
        for (let i = 0; i < itemCount(f, values, name); i++) walk(f.fields, itemName(name, i, ''));
    }
  };
  for (const s of def.sections) walk(s.fields, '');
  return out;
}
