import { Link, useLocation, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';

const NAMES: Record<string, MessageKey> = {
  '/thu-tuc-hanh-chinh': 'nav.procedures',
  '/tra-cuu-ho-so': 'nav.lookup',
  '/nop-ho-so': 'nav.submit',
};

/** Placeholder for the portal sections that later issues implement, at their final URLs. */
export default function ComingSoon() {
  const t = useT();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const name = t(NAMES[pathname] ?? 'soon.title');
  const code = params.get('ma');
  return (
    <>
      <PageTitle title={name} />
      <h1>{name}</h1>
      <h2>{t('soon.title')}</h2>
      <p>{t('soon.body', { name })}</p>
      {code ? <p>{t('soon.lookupCode', { code })}</p> : null}
      <p>
        <Link to="/">{t('soon.back')}</Link>
      </p>
    </>
  );
}
