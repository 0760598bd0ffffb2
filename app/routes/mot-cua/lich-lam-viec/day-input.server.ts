import { CreateCalendarDay } from '../../../../src/modules/calendar/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { optional, textFields } from '../../../lib/forms.ts';
import { DAY_FIELDS, NATIONAL } from './day-fields.ts';
import type { DayValues } from './day-fields.ts';
import { parseDay } from '../../../lib/backoffice.server.ts';

/** English explanation per field (the services speak Vietnamese); agencyId is the "scope" select. */
const EN_FIELD: Record<string, MessageKey> = {
  day: 'cal.err.day',
  kind: 'cal.err.kind',
  name: 'cal.err.name',
  note: 'cal.err.note',
  scope: 'cal.err.scope',
};

function localise(errors: FieldErrors, lang: Lang, en: Record<string, MessageKey> = EN_FIELD): FieldErrors {
  const renamed = Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field === 'agencyId' ? 'scope' : field, message]),
  );
  if (lang === 'vi') return renamed;
  const t = translator(lang);
  return Object.fromEntries(
    Object.entries(renamed).map(([field, message]) => {
      const key = en[field];
      return [field, key ? t(key) : message];
    }),
  );
}

/** The add-a-day form → the service's input; the date may be typed DD/MM/YYYY or YYYY-MM-DD. */
export function readDayForm(
  form: FormData,
  lang: Lang,
):
  | { values: DayValues; ok: true; input: CreateCalendarDay }
  | { values: DayValues; ok: false; errors: FieldErrors } {
  const t = translator(lang);
  const values = textFields(form, DAY_FIELDS);
  const day = parseDay(values.day);
  const parsed = CreateCalendarDay.safeParse({
    day: day ?? values.day,
    kind: values.kind,
    name: values.name,
    note: optional(values.note),
    provisional: values.provisional === '1',
    agencyId: values.scope === '' || values.scope === NATIONAL ? null : values.scope,
  });
  const errors = parsed.success ? {} : localise(toFieldErrors(parsed.error.issues, lang), lang);
  if (!day) errors.day = t('cal.err.day');
  if (!parsed.success || Object.keys(errors).length > 0) return { values, ok: false, errors };
  return { values, ok: true, input: parsed.data };
}

/** A service refusal → errors next to the fields or for the whole form; other errors rethrown. */
export function dayServiceErrors(err: unknown, lang: Lang): { errors: FieldErrors; formError?: string } {
  const e = asAppError(err);
  if (e?.code === 'validation_failed' && e.fields)
    // The service refuses a date that does not fit the kind (a make-up day on a weekday…).
    return { errors: localise(toFieldErrors(e.fields, lang), lang, { ...EN_FIELD, day: 'cal.err.dayKind' }) };
  if (e?.code === 'calendar_day_exists')
    return { errors: { day: lang === 'vi' ? e.message : translator(lang)('cal.err.exists') } };
  if (e?.code === 'forbidden' || e?.code === 'not_found')
    return { errors: {}, formError: errorMessage(e, lang) };
  throw err;
}
