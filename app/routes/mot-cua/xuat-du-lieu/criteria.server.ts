import type { ExportKindName } from '../../../../src/modules/exports/schema.ts';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { itemFiltersOf } from '../danh-muc/filters.server.ts';
import { readReportQuery } from '../bao-cao/query.server.ts';
import { readListQuery } from '../ho-so/list.server.ts';
import { officialFiltersOf } from '../nguoi-dung/filters.server.ts';
import { readAuditFilters } from '../nhat-ky/query.server.ts';
import { accountQuery, statsPeriodOf } from '../tai-khoan-cong-dan/filters.server.ts';
import { procedureFiltersOf } from '../thu-tuc/filters.server.ts';

/**
 * A list's criteria, posted with its export form under the names of the list's own query string,
 * read by the same reader as the list page, so that the file holds what the page shows. `null` when
 * the criteria are not valid (the page shows why; the export is not made).
 */
type CriteriaReader = (w: SignedIn, sp: URLSearchParams) => Promise<Record<string, unknown> | null>;

/** One reader per kind of export; a kind without one cannot be asked for from a page. */
export const CRITERIA: Partial<Record<ExportKindName, CriteriaReader>> = {
  dossiers: async (w, sp) => {
    const counts = await w.services.dossiers.counts(w.auth);
    const read = readListQuery(
      sp,
      counts.lists.map((l) => l.list),
      w.lang,
    );
    if (Object.keys(read.errors).length > 0) return null;
    const { cursor: _cursor, limit: _limit, ...filter } = read.query;
    return filter;
  },
  accounts: (_w, sp) => Promise.resolve(accountQuery(sp)),
  access_stats: (w, sp) => {
    const { errors, from, to } = statsPeriodOf(sp, w.lang);
    if (Object.keys(errors).length > 0) return Promise.resolve(null);
    return Promise.resolve({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  },
  audit: async (w, sp) => {
    const { query } = await readAuditFilters(w.services, sp, w.lang, 1);
    if (!query) return null;
    const { before: _before, limit: _limit, ...filter } = query;
    return filter;
  },
  officials: (_w, sp) => Promise.resolve(officialFiltersOf(sp).query),
  procedures: async (w, sp) => procedureFiltersOf(sp, await w.services.procedureFields.list(w.auth)).query,
  catalog_items: (_w, sp) =>
    Promise.resolve({ catalog: sp.get('danh-muc') ?? '', ...itemFiltersOf(sp).query }),
  report_processing: (w, sp) => {
    const { errors, query } = readReportQuery(sp, w.lang);
    return Promise.resolve(Object.keys(errors).length > 0 ? null : query);
  },
};
