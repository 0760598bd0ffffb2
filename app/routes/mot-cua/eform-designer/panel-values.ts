import { EFORM_PREFILLS } from '../../../../src/domain/eform.ts';
import type { EformField, EformPrefill } from '../../../../src/domain/eform.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

/**
 * The properties panel's inputs ("p.<property>") read into the field being edited. Empty inputs drop
 * the property; a number that is not one keeps the old value and says so next to its input.
 */
type Form = Pick<FormData, 'get'>;

const MB = 1024 * 1024;

/** A file limit as the panel shows it: whole megabytes when it is some, else kilobytes. */
export function sizeInput(bytes: number): { size: string; unit: 'KB' | 'MB' } {
  return bytes % MB === 0
    ? { size: String(bytes / MB), unit: 'MB' }
    : { size: String(Math.round(bytes / 1024)), unit: 'KB' };
}

/** "pdf, .JPG; png" → ["pdf", "jpg", "png"]. */
export const extensionList = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((x) => x.replace(/^\./, '').toLowerCase())
      .filter(Boolean),
  ),
];

export function readPanel(
  field: EformField,
  form: Form,
  t: Translate,
): { field: EformField; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const str = (name: string) => {
    const v = form.get(`p.${name}`);
    return typeof v === 'string' ? v : '';
  };
  const opt = (name: string) => str(name).trim() || undefined;
  const flag = (name: string) => (str(name) === 'on' ? true : undefined);
  /** The number typed in `p.<name>`, undefined when empty, `old` (and a message) when it is not a number. */
  const num = (name: string, old: number | undefined) => {
    const raw = str(name).trim().replace(',', '.');
    if (!raw) return undefined;
    const n = Number(raw);
    if (Number.isFinite(n)) return n;
    errors[`p.${name}`] = t('ed.err.number');
    return old;
  };
  const prefill = str('prefill');
  const condField = str('visibleField');
  const base = {
    key: str('key').trim(),
    label: str('label'),
    help: opt('help'),
    required: flag('required'),
    visibleWhen: condField
      ? {
          field: condField,
          in: str('visibleValues')
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        }
      : undefined,
    prefill: (EFORM_PREFILLS as readonly string[]).includes(prefill) ? (prefill as EformPrefill) : undefined,
  };
  const f = field;
  switch (f.type) {
    case 'text':
    case 'textarea':
      return {
        field: {
          ...base,
          type: f.type,
          minLength: num('minLength', f.minLength),
          maxLength: num('maxLength', f.maxLength),
          pattern: opt('pattern'),
          patternHint: opt('patternHint'),
        },
        errors,
      };
    case 'number':
      return {
        field: {
          ...base,
          type: f.type,
          min: num('min', f.min),
          max: num('max', f.max),
          integer: flag('integer'),
        },
        errors,
      };
    case 'date':
      return {
        field: { ...base, type: f.type, notFuture: flag('notFuture'), notPast: flag('notPast') },
        errors,
      };
    case 'choice': {
      const count = Math.min(Number(str('optionCount')) || 0, 200);
      const options = Array.from({ length: count }, (_, i) => ({
        value: str(`option.${i}.value`).trim(),
        label: str(`option.${i}.label`),
      }));
      return { field: { ...base, type: f.type, options, multiple: flag('multiple') }, errors };
    }
    case 'catalog':
      return {
        field: {
          ...base,
          type: f.type,
          catalog: str('catalog') || f.catalog,
          parentField: opt('parentField'),
        },
        errors,
      };
    case 'id_number':
    case 'phone':
    case 'email':
    case 'checkbox':
      return { field: { ...base, type: f.type }, errors };
    case 'file': {
      const size = num('maxSize', undefined);
      const unit = str('sizeUnit') === 'KB' ? 1024 : MB;
      return {
        field: {
          ...base,
          type: f.type,
          // Empty: no limit set (the save names the problem); not a number: the limit stays as it was.
          maxBytes: errors['p.maxSize'] ? f.maxBytes : size === undefined ? 0 : Math.round(size * unit),
          extensions: extensionList(str('extensions')),
          maxFiles: num('maxFiles', f.maxFiles),
        },
        errors,
      };
    }
    case 'group':
      return {
        field: {
          ...base,
          type: f.type,
          fields: f.fields,
          minItems: num('minItems', f.minItems),
          maxItems: num('maxItems', f.maxItems),
          itemLabel: opt('itemLabel'),
        },
        errors,
      };
  }
}
