import { useSearchParams } from 'react-router';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { Notice } from './Notice.tsx';

/**
 * The success notice after Post/Redirect/Get: the action redirects with `?tb=<code>` and the page
 * shows the matching message (nothing for unknown codes, or while a failed form is on screen).
 */
export function FlashNotice({ notices, hidden }: { notices: Record<string, MessageKey>; hidden?: boolean }) {
  const t = useT();
  const [params] = useSearchParams();
  const key = notices[params.get('tb') ?? ''];
  if (!key || hidden) return null;
  return <Notice kind="success">{t(key)}</Notice>;
}
