import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { parseClock, parseInstant } from '../../../../src/domain/legal-time-clock.ts';
import { DEADLINE_UNITS } from '../../../../src/domain/procedure.ts';
import type { DeadlineUnit } from '../../../../src/domain/procedure.ts';
import { SaveWorkHours } from '../../../../src/modules/legal-time/schema.ts';
import type { Services } from '../../../../src/services.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { optional, textFields } from '../../../lib/forms.ts';
import { parseDay } from '../../../lib/backoffice.server.ts';
import { NATIONAL } from './day-fields.ts';
import { HOURS_FIELDS } from './work-hours-fields.ts';
import type { HoursValues, TRY_FIELDS } from './work-hours-fields.ts';

/** Service field → form field, and the English message of each. */
const FIELD_OF: Record<string, (typeof HOURS_FIELDS)[number]> = {
  periods: 'hours-periods',
  saturdayReception: 'hours-saturday',
  cutoff: 'hours-cutoff',
  note: 'hours-note',
};
const EN: Record<(typeof HOURS_FIELDS)[number], MessageKey> = {
  'hours-periods': 'lt.err.periods',
  'hours-saturday': 'lt.err.saturday',
  'hours-cutoff': 'lt.err.cutoff',
  'hours-note': 'lt.err.note',
};

/** "07:30-11:30, 13:00–17:00" → periods; undefined when a part is not HH:MM-HH:MM. */
function textToPeriods(text: string): { start: string; end: string }[] | undefined {
  const parts = text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: { start: string; end: string }[] = [];
  for (const part of parts) {
    const m = /^(\S+)\s*(?:-|–|—|đến)\s*(\S+)$/.exec(part);
    if (!m?.[1] || !m[2] || parseClock(m[1]) === undefined || parseClock(m[2]) === undefined)
      return undefined;
    out.push({ start: m[1], end: m[2] });
  }
  return out;
}

function put(errors: FieldErrors, field: (typeof HOURS_FIELDS)[number], message: string, lang: Lang): void {
  errors[field] ??= lang === 'vi' ? message : translator(lang)(EN[field]);
}

/** The working-hours form → the service's input, or the errors next to each field. */
export function readHoursForm(
  form: FormData,
  lang: Lang,
):
  | { values: HoursValues; ok: true; input: SaveWorkHours }
  | { values: HoursValues; ok: false; errors: FieldErrors } {
  const values = textFields(form, [...HOURS_FIELDS, 'scope']);
  const errors: FieldErrors = {};
  const periods = textToPeriods(values['hours-periods']);
  const saturday = textToPeriods(values['hours-saturday']);
  if (!periods)
    put(
      errors,
      'hours-periods',
      'Giờ làm việc (periods) phải dạng HH:MM-HH:MM, cách nhau dấu phẩy, ví dụ 07:30-11:30, 13:00-17:00',
      lang,
    );
  if (!saturday)
    put(
      errors,
      'hours-saturday',
      'Giờ tiếp nhận sáng thứ Bảy (saturdayReception) phải dạng HH:MM-HH:MM, ví dụ 07:30-11:30',
      lang,
    );
  const parsed = SaveWorkHours.safeParse({
    agencyId: values.scope === '' || values.scope === NATIONAL ? null : values.scope,
    periods: periods ?? [],
    saturdayReception: saturday ?? [],
    cutoff: values['hours-cutoff'],
    note: optional(values['hours-note']),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field) put(errors, field, issue.message, lang);
    }
  if (!parsed.success || Object.keys(errors).length > 0) return { values, ok: false, errors };
  return { values, ok: true, input: parsed.data };
}

/** A service refusal → errors by field or for the whole form; other errors rethrown. */
export function hoursServiceErrors(err: unknown, lang: Lang): { errors: FieldErrors; formError?: string } {
  const e = asAppError(err);
  if (e?.code === 'validation_failed' && e.fields) {
    const errors: FieldErrors = {};
    for (const f of e.fields) {
      const field = FIELD_OF[f.field.replace(/^body\./, '').split('.')[0] ?? ''];
      if (field) put(errors, field, f.message, lang);
    }
    return { errors };
  }
  if (e?.code === 'forbidden' || e?.code === 'not_found')
    return { errors: {}, formError: errorMessage(e, lang) };
  throw err;
}

export interface TryResult {
  values: Record<(typeof TRY_FIELDS)[number], string>;
  errors: FieldErrors;
  result: { appointmentAt: string; startsAt: string; explanation: string[] } | null;
}

/** "29/08/2025 16:20" (or ISO 8601) → an instant in Vietnam's time. */
function readInstant(text: string): Date | undefined {
  const m = /^(\S+)\s+(\d{1,2})[:hg](\d{2})$/.exec(text.trim());
  if (m?.[1]) {
    const day = parseDay(m[1]);
    return day ? parseInstant(`${day}T${(m[2] ?? '').padStart(2, '0')}:${m[3] ?? ''}`) : undefined;
  }
  return parseInstant(text);
}

/** The try-an-appointment form (GET ?thu-luc=&thu-han=&thu-don-vi=): nothing until it is filled in. */
export async function tryAppointment(
  services: Services,
  agencyId: string | null,
  sp: URLSearchParams,
  lang: Lang,
): Promise<TryResult> {
  const t = translator(lang);
  const values = {
    'thu-luc': sp.get('thu-luc') ?? '',
    'thu-han': sp.get('thu-han') ?? '',
    'thu-don-vi': sp.get('thu-don-vi') ?? 'working_days',
  };
  const errors: FieldErrors = {};
  if (!sp.has('thu-luc')) return { values, errors, result: null };
  const receivedAt = readInstant(values['thu-luc']);
  const value = Number(values['thu-han'].replace(',', '.'));
  const unit = values['thu-don-vi'] as DeadlineUnit;
  if (!receivedAt) errors['thu-luc'] = t('lt.err.receivedAt');
  if (values['thu-han'].trim() === '' || !Number.isFinite(value) || value < 0 || value > 10_000)
    errors['thu-han'] = t('lt.err.value');
  if (!DEADLINE_UNITS.includes(unit)) errors['thu-don-vi'] = t('lt.err.unit');
  if (!receivedAt || Object.keys(errors).length) return { values, errors, result: null };
  try {
    const r = await services.legalTime.appointment({ agencyId, receivedAt, deadline: { value, unit } });
    return {
      values,
      errors,
      result: {
        appointmentAt: formatDateTime(r.dueAt),
        startsAt: formatDateTime(r.startsAt),
        explanation: r.explanation,
      },
    };
  } catch (err) {
    const e = asAppError(err);
    if (e?.code !== 'validation_failed') throw err;
    return {
      values,
      errors: { 'thu-han': lang === 'vi' ? (e.fields?.[0]?.message ?? e.message) : t('lt.err.value') },
      result: null,
    };
  }
}
