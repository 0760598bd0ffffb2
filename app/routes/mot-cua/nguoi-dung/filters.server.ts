import { idOrUndefined } from '../to-chuc/forms.server.ts';
import { STATUSES } from './OfficialStatus.tsx';
import type { OfficialStatusValue } from './OfficialStatus.tsx';

/**
 * The officials list's criteria from its URL (coquan, phong, tructhuoc, trangthai, q), as the service
 * takes them: the list and its export read the same.
 */
export function officialFiltersOf(params: URLSearchParams) {
  const agencyId = idOrUndefined(params.get('coquan'));
  const departmentId = agencyId ? idOrUndefined(params.get('phong')) : undefined;
  const subtree = Boolean(agencyId) && params.get('tructhuoc') === '1';
  const statusParam = params.get('trangthai') ?? '';
  const status = (STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as OfficialStatusValue)
    : undefined;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    agencyId,
    departmentId,
    subtree,
    status,
    q,
    /** What the service takes (empty criteria left out). */
    query: {
      ...(agencyId ? { agencyId, subtree } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(status ? { status } : {}),
      ...(q ? { q } : {}),
    },
  };
}
