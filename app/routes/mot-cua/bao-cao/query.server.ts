import { REPORT_GROUPS } from '../../../../src/modules/reports/schema.ts';
import type { ReportGroup } from '../../../../src/modules/reports/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import { parseDay } from '../../../lib/backoffice.server.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

/**
 * The report's criteria from the page's query string (tu, den: DD/MM/YYYY or YYYY-MM-DD; nhom; coquan),
 * read the same way by the page and by its export, so that the file holds what the page shows.
 */
export function readReportQuery(sp: URLSearchParams, lang: Lang) {
  const t = translator(lang);
  const values = {
    tu: sp.get('tu') ?? '',
    den: sp.get('den') ?? '',
    nhom: sp.get('nhom') ?? '',
    coquan: sp.get('coquan') ?? '',
  };
  const errors: FieldErrors = {};
  const from = values.tu ? parseDay(values.tu) : undefined;
  const to = values.den ? parseDay(values.den) : undefined;
  if (values.tu && !from) errors.tu = t('rp.err.date');
  if (values.den && !to) errors.den = t('rp.err.date');
  const groupBy: ReportGroup = (REPORT_GROUPS as readonly string[]).includes(values.nhom)
    ? (values.nhom as ReportGroup)
    : 'agency';
  const query = {
    groupBy,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(values.coquan ? { agencyId: values.coquan } : {}),
  };
  return { values, errors, query };
}
