import { DOSSIER_STATUSES } from '../../../../src/domain/dossier-status.ts';
import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ListQuery, WORKLISTS } from '../../../../src/modules/dossiers/schema.ts';
import type { DossierRow, Worklist } from '../../../../src/modules/dossiers/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import { parseDay } from '../../../lib/backoffice.server.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { DUE_VALUES } from './labels.ts';
import type { Due } from './labels.ts';
import { SEARCH_FIELDS } from './search-fields.ts';
import type { SearchValues } from './search-fields.ts';

export const PAGE_SIZE = 25;

const clip = (s: string, n: number) => (s.trim() === '' ? undefined : s.trim().slice(0, n));
const isWorklist = (v: string): v is Worklist => (WORKLISTS as readonly string[]).includes(v);
const isStatus = (v: string): v is DossierStatus => (DOSSIER_STATUSES as readonly string[]).includes(v);
const isDue = (v: string): v is Due => (DUE_VALUES as readonly string[]).includes(v);

/**
 * The URL of the worklist page → the service's query: the list (one of the caller's, else their
 * first), the search criteria of II.23 (dates as DD/MM/YYYY or YYYY-MM-DD) and the page cursor.
 */
export function readListQuery(
  sp: URLSearchParams,
  lists: readonly Worklist[],
  lang: Lang,
): { list: Worklist; values: SearchValues; errors: FieldErrors; query: ListQuery } {
  const t = translator(lang);
  const asked = sp.get('ds') ?? '';
  const list: Worklist = isWorklist(asked) && lists.includes(asked) ? asked : (lists[0] ?? 'tat_ca');
  const values = Object.fromEntries(SEARCH_FIELDS.map((f) => [f, sp.get(f) ?? ''])) as SearchValues;
  const errors: FieldErrors = {};
  const from = values['tu-ngay'] ? parseDay(values['tu-ngay']) : undefined;
  const to = values['den-ngay'] ? parseDay(values['den-ngay']) : undefined;
  if (values['tu-ngay'] && !from) errors['tu-ngay'] = t('admin.err.date');
  if (values['den-ngay'] && !to) errors['den-ngay'] = t('admin.err.date');
  if (from && to && from > to) errors['den-ngay'] = t('ds.err.range');
  const status = values['trang-thai'];
  const due = values.han;
  const parsed = ListQuery.safeParse({
    list,
    code: clip(values['ma-ho-so'], 40),
    q: clip(values.q, 200),
    status: isStatus(status) ? status : undefined,
    procedureCode: clip(values['thu-tuc'], 40),
    fieldCode: clip(values['linh-vuc'], 40),
    due: isDue(due) ? due : undefined,
    receivedFrom: errors['tu-ngay'] ? undefined : from,
    receivedTo: errors['den-ngay'] ? undefined : to,
    cursor: clip(sp.get('sau') ?? '', 200),
    limit: PAGE_SIZE,
  });
  // Every value above is already within the contract; a failure here is a bug, not the user's.
  if (!parsed.success) throw parsed.error;
  return { list, values, errors, query: parsed.data };
}

/** A list row as the table shows it: dates already in DD/MM/YYYY HH:mm:ss (same text on server and client). */
export function rowView(r: DossierRow) {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    applicantName: r.applicantName,
    applicantOrg: r.applicantOrg,
    status: r.status,
    stepName: r.stepName,
    holderName: r.holderName,
    receivedAt: r.receivedAt ? formatDateTime(r.receivedAt) : null,
    submittedAt: formatDateTime(r.submittedAt),
    appointmentAt: r.appointmentAt ? formatDateTime(r.appointmentAt) : null,
    stepDueAt: r.stepDueAt ? formatDateTime(r.stepDueAt) : null,
    due: r.due,
  };
}
export type RowView = ReturnType<typeof rowView>;
