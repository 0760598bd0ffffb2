import { isRouteErrorResponse, Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { PageTitle } from './PageTitle.tsx';

/** The 404 / 403 / 500 page body, in the interface language; never shows internal details. */
export function ErrorPage({ error, home = '/' }: { error: unknown; home?: string }) {
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason =
    isRouteErrorResponse(error) && typeof error.data === 'object' && error.data
      ? (error.data as { reason?: string }).reason
      : undefined;
  let title: MessageKey = 'error.500.title';
  let body: MessageKey = 'error.500.body';
  if (status === 404) [title, body] = ['error.404.title', 'error.404.body'];
  else if (status === 403)
    [title, body] = [
      'error.403.title',
      reason === 'csrf'
        ? 'error.csrf.body'
        : reason === 'not_official'
          ? 'bo.signedInOther'
          : 'error.403.body',
    ];
  else if (status >= 400 && status < 500) [title, body] = ['error.title', 'error.500.body'];
  return (
    <div className="error-page">
      <PageTitle title={t(title)} />
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p className="error-code">{t('error.code', { status })}</p>
      <p>
        {reason === 'not_official' ? (
          <Link to="/mot-cua/dang-nhap" reloadDocument>
            {t('bo.signInTitle')}
          </Link>
        ) : (
          <Link to={home}>{t('error.home')}</Link>
        )}
      </p>
    </div>
  );
}
