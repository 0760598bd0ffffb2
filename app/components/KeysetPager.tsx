import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';

/**
 * Keyset paging ("Trang sau"): a link to the next page when there is one, and back to the first page
 * when this is not it. Lists of officials never jump to page N: they filter instead.
 */
export function KeysetPager({ next, first }: { next: string | null; first: string | null }) {
  const t = useT();
  if (!next && !first) return null;
  return (
    <nav className="pager" aria-label={t('admin.paging')}>
      {first ? <Link to={first}>{t('admin.firstPage')}</Link> : null}
      {next ? (
        <Link to={next} rel="next">
          {t('admin.nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}

/** The URL of this list with one search parameter set (or removed when `value` is null), others kept. */
export function withParam(
  pathname: string,
  search: URLSearchParams,
  name: string,
  value: string | null,
): string {
  const params = new URLSearchParams(search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  // The notice of the last change (tb, tb-ma) belongs to the page it was shown on, not to the next ones.
  params.delete('tb');
  params.delete('tb-ma');
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
