import { fieldAt, pathText } from '../../../../src/domain/eform-edit.ts';
import { EFORM_FIELD_TYPES } from '../../../../src/domain/eform.ts';
import type { EformDefinition } from '../../../../src/domain/eform.ts';
import { EformDefinitionSchema } from '../../../../src/modules/eforms/schema.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

/**
 * An unfinished draft may break the e-form contract (a size of 0, a limit out of range…) and must
 * still travel between the page and the server until the editor fixes it, so the hidden draft is only
 * checked for the shape the designer and the preview draw; the whole contract is checked on saving.
 */
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');

function fieldShape(x: unknown, depth: number): boolean {
  if (!isObject(x) || typeof x.key !== 'string' || typeof x.label !== 'string') return false;
  if (!(EFORM_FIELD_TYPES as readonly unknown[]).includes(x.type)) return false;
  if (
    x.visibleWhen != null &&
    !(isObject(x.visibleWhen) && typeof x.visibleWhen.field === 'string' && strings(x.visibleWhen.in))
  )
    return false;
  switch (x.type) {
    case 'choice':
      return (
        Array.isArray(x.options) &&
        x.options.every((o) => isObject(o) && typeof o.value === 'string' && typeof o.label === 'string')
      );
    case 'catalog':
      return typeof x.catalog === 'string';
    case 'file':
      return typeof x.maxBytes === 'number' && strings(x.extensions);
    case 'group':
      return depth < 4 && Array.isArray(x.fields) && x.fields.every((f) => fieldShape(f, depth + 1));
    default:
      return true;
  }
}

export function isDraftShape(x: unknown): x is EformDefinition {
  return (
    isObject(x) &&
    typeof x.title === 'string' &&
    Array.isArray(x.sections) &&
    x.sections.length <= 100 &&
    x.sections.every(
      (s) =>
        isObject(s) &&
        typeof s.title === 'string' &&
        Array.isArray(s.fields) &&
        s.fields.every((f) => fieldShape(f, 1)),
    )
  );
}

/** The e-form contract's problems of a draft, on the controls they concern, each naming its field. */
export function contractErrors(draft: EformDefinition, t: Translate): FieldErrors {
  const parsed = EformDefinitionSchema.safeParse(draft);
  if (parsed.success) return {};
  const out: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const p = issue.path;
    let name = 'form';
    let message = issue.message;
    if (p[0] === 'title') name = 'title';
    else if (p[0] === 'sections' && typeof p[1] === 'number') {
      const at = [p[1]];
      let i = 2;
      while (p[i] === 'fields' && typeof p[i + 1] === 'number') {
        at.push(p[i + 1] as number);
        i += 2;
      }
      const field = at.length > 1 ? fieldAt(draft, at) : undefined;
      if (field) {
        name = `row.${pathText(at)}`;
        message = t('ed.problemAt', { field: field.label.trim() || field.key, message });
      } else if (p[2] === 'title') name = `section.${p[1]}.title`;
    }
    out[name] ??= message;
  }
  return out;
}
