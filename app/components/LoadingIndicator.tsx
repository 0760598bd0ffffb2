import { useNavigation } from 'react-router';
import { useT } from '../i18n/index.ts';

/**
 * THE loading indicator (Annex V.6): one look everywhere: inside busy submit buttons and as the
 * page-wide bar while a navigation or submission is under way.
 */
export function LoadingIndicator({ label }: { label?: string }) {
  const t = useT();
  return (
    <span className="loading" role="status">
      <span className="loading-spinner" aria-hidden="true" />
      <span className="loading-label">{label ?? t('loading')}</span>
    </span>
  );
}

/** Shown at the top of the page whenever React Router is loading or submitting. */
export function GlobalLoading() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div className="global-loading">
      <LoadingIndicator />
    </div>
  );
}
