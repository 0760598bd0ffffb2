import { optional } from '../../../lib/forms.ts';

/**
 * A catalog's item list criteria from its URL (q, cha, tat-ca), as the form shows them and as the
 * service takes them: the list and its export read the same.
 */
export function itemFiltersOf(sp: URLSearchParams) {
  const filters = { q: sp.get('q') ?? '', parent: sp.get('cha') ?? '', all: sp.get('tat-ca') === '1' };
  const q = optional(filters.q.slice(0, 100));
  const parent = optional(filters.parent.slice(0, 40));
  const query = {
    ...(q ? { q } : {}),
    ...(parent ? { parent } : {}),
    includeInactive: filters.all ? ('true' as const) : ('false' as const),
  };
  return { filters, query };
}
