import { Link } from 'react-router';
import badgeCss from '../../components/badge.css?url';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.ts';
import myCss from '../../styles/my-dossiers.css?url';
import dossiersCss from '../mot-cua/ho-so/dossiers.css?url';

/** Stylesheets of the "Hồ sơ của tôi" pages. */
export function myLinks() {
  return [
    { rel: 'stylesheet', href: badgeCss },
    { rel: 'stylesheet', href: dossiersCss },
    { rel: 'stylesheet', href: myCss },
  ];
}

/** Shown instead of the page to a visitor (or an official): a sign-in link that comes back here. */
export function SignInFirst({ signIn, official }: { signIn: string; official: boolean }) {
  const t = useT();
  return (
    <>
      <PageTitle title={t('my.title')} />
      <h1>{t('my.title')}</h1>
      <p>{official ? t('my.notApplicant') : t('my.signInHint')}</p>
      <p>
        <Link to={signIn} className="button button-primary" data-testid="my-sign-in">
          {t('my.signIn')}
        </Link>
      </p>
    </>
  );
}
