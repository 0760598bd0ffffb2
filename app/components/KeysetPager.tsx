import { Link, useLocation, useSearchParams } from 'react-router';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/** The words of a pager: the label of its <nav>, and its two links. */
export interface PagerMessages {
  nav: MessageKey;
  first: MessageKey;
  next: MessageKey;
}

const ADMIN_MESSAGES: PagerMessages = {
  nav: 'admin.paging',
  first: 'admin.firstPage',
  next: 'admin.nextPage',
};

interface Props {
  next: string | null;
  first: string | null;
  messages?: PagerMessages | undefined;
}

/**
 * Keyset paging ("Trang sau"): a link to the next page when there is one, and back to the first page
 * when this is not it. Lists of officials never jump to page N: they filter instead.
 */
export function KeysetPager({ next, first, messages = ADMIN_MESSAGES }: Props) {
  const t = useT();
  if (!next && !first) return null;
  return (
    <nav className="pager" aria-label={t(messages.nav)}>
      {first ? <Link to={first}>{t(messages.first)}</Link> : null}
      {next ? (
        <Link to={next} rel="next">
          {t(messages.next)}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The KeysetPager of the list on this page, whose cursor travels in the search parameter `param`:
 * `next` is the cursor of the next page (none on the last one); the other parameters are kept.
 */
export function CursorPager({
  param,
  next,
  messages,
}: {
  param: string;
  next: string | number | null;
  messages?: PagerMessages | undefined;
}) {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  return (
    <KeysetPager
      next={next ? withParam(pathname, params, param, String(next)) : null}
      first={params.get(param) ? withParam(pathname, params, param, null) : null}
      messages={messages}
    />
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
