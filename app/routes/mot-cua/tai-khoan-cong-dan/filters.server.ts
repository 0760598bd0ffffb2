import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import { parseDay } from '../../../lib/backoffice.server.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { optional } from '../../../lib/forms.ts';
import { KINDS, STATUSES } from './labels.ts';

/** The account search's criteria from its URL (loai, trang-thai, q), as the form shows them. */
export function filtersOf(sp: URLSearchParams) {
  const kind = sp.get('loai') ?? '';
  const status = sp.get('trang-thai') ?? '';
  return {
    q: (sp.get('q') ?? '').slice(0, 100),
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as (typeof KINDS)[number]) : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : '',
  };
}

/** The same criteria as the service takes them (the search and its export). */
export function accountQuery(sp: URLSearchParams) {
  const f = filtersOf(sp);
  const q = optional(f.q);
  return {
    ...(q ? { q } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

/** The access statistics' period from its URL (tu, den: DD/MM/YYYY or YYYY-MM-DD), with its errors. */
export function statsPeriodOf(sp: URLSearchParams, lang: Lang) {
  const t = translator(lang);
  const values = { tu: sp.get('tu') ?? '', den: sp.get('den') ?? '' };
  const errors: FieldErrors = {};
  const from = values.tu ? parseDay(values.tu) : undefined;
  const to = values.den ? parseDay(values.den) : undefined;
  if (values.tu && !from) errors.tu = t('admin.err.date');
  if (values.den && !to) errors.den = t('admin.err.date');
  return { values, errors, from, to };
}
