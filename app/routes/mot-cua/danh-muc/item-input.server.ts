import { CreateItem, UpdateItem } from '../../../../src/modules/catalogs/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';

export const ITEM_FIELDS = ['code', 'name', 'parentCode', 'sortOrder', 'extra'] as const;
export type ItemValues = Record<(typeof ITEM_FIELDS)[number], string>;

/** English explanation per field (the services speak Vietnamese). */
const EN_FIELD: Record<string, MessageKey> = {
  code: 'cat.err.code',
  name: 'cat.err.name',
  parentCode: 'cat.err.parentCode',
  sortOrder: 'cat.err.sortOrder',
  extra: 'cat.err.extra',
};

function localise(errors: FieldErrors, lang: Lang): FieldErrors {
  if (lang === 'vi') return errors;
  const t = translator(lang);
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const key = EN_FIELD[field];
      return [field, key ? t(key) : message];
    }),
  );
}

type Read<T> =
  { values: ItemValues; ok: true; input: T } | { values: ItemValues; ok: false; errors: FieldErrors };

/** What both forms share: the typed-in values and the fields zod cannot read from text (numbers, JSON). */
function readCommon(form: FormData, mode: 'create' | 'edit', lang: Lang) {
  const t = translator(lang);
  const values = textFields(form, ITEM_FIELDS);
  const errors: FieldErrors = {};
  let sortOrder: number | undefined;
  const order = values.sortOrder.trim();
  if (order !== '') {
    if (/^\d{1,10}$/.test(order)) sortOrder = Number(order);
    else errors.sortOrder = t('cat.err.sortOrderFormat');
  }
  let extra: Record<string, unknown> | undefined;
  if (values.extra.trim() !== '') {
    try {
      const parsed = JSON.parse(values.extra) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        extra = parsed as Record<string, unknown>;
      else errors.extra = t('cat.err.extraObject');
    } catch {
      errors.extra = t('cat.err.extraJson');
    }
  } else if (mode === 'edit') {
    extra = {}; // emptied on purpose
  }
  const parentCode = values.parentCode.trim() === '' ? null : values.parentCode.trim();
  const input = {
    name: values.name,
    parentCode,
    ...(extra !== undefined ? { extra } : {}),
    ...(sortOrder !== undefined ? { sortOrder } : {}),
  };
  return { values, errors, input };
}

function finish<T>(
  values: ItemValues,
  errors: FieldErrors,
  parsed:
    { success: true; data: T } | { success: false; error: { issues: Parameters<typeof toFieldErrors>[0] } },
  lang: Lang,
): Read<T> {
  const all = {
    ...(parsed.success ? {} : localise(toFieldErrors(parsed.error.issues, lang), lang)),
    ...errors,
  };
  if (!parsed.success || Object.keys(all).length > 0) return { values, ok: false, errors: all };
  return { values, ok: true, input: parsed.data };
}

/** The create form → the service's input, or the errors to show next to the fields. */
export function readCreateForm(form: FormData, lang: Lang): Read<CreateItem> {
  const { values, errors, input } = readCommon(form, 'create', lang);
  return finish(values, errors, CreateItem.safeParse({ code: values.code, ...input }), lang);
}

/** The edit form (the code does not change) → the service's patch, or the errors. */
export function readEditForm(form: FormData, lang: Lang): Read<UpdateItem> {
  const { values, errors, input } = readCommon(form, 'edit', lang);
  return finish(values, errors, UpdateItem.safeParse(input), lang);
}

/** A service refusal → errors next to the fields, or a message for the whole form; other errors rethrown. */
export function itemServiceErrors(err: unknown, lang: Lang): { errors: FieldErrors; formError?: string } {
  const e = asAppError(err);
  const t = translator(lang);
  if (e?.code === 'validation_failed' && e.fields)
    return { errors: localise(toFieldErrors(e.fields, lang), lang) };
  if (e?.code === 'catalog_item_exists')
    return { errors: { code: lang === 'vi' ? e.message : t('cat.err.exists') } };
  if (e?.code === 'forbidden') return { errors: {}, formError: errorMessage(e, lang) };
  throw err;
}
