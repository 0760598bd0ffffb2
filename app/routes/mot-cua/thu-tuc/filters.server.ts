import { optional } from '../../../lib/forms.ts';
import { isStatusFilter } from './labels.ts';
import type { StatusFilter } from './labels.ts';

/**
 * The procedure list's criteria from its URL (q, linh-vuc, trang-thai): as the form shows them and as
 * the service takes them; a field is kept only when it exists. The list and its export read the same.
 */
export function procedureFiltersOf(sp: URLSearchParams, fields: readonly { code: string }[]) {
  const status = sp.get('trang-thai') ?? '';
  const field = sp.get('linh-vuc') ?? '';
  const statusFilter: StatusFilter | '' = isStatusFilter(status) ? status : '';
  const filters = {
    q: (sp.get('q') ?? '').slice(0, 200),
    field: fields.some((f) => f.code === field) ? field : '',
    status: statusFilter,
  };
  const query = {
    ...(optional(filters.q) ? { q: filters.q } : {}),
    ...(filters.field ? { field: filters.field } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  return { filters, query };
}
