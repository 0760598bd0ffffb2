import { Link } from 'react-router';
import { BackOfficeChrome } from '../../components/BackOfficeChrome.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SignInForm } from '../../components/SignInForm.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import { safeNext } from '../../lib/forms.ts';
import { redirectTo } from '../../lib/http.ts';
import { signInAction, signInLoaderData } from '../../lib/sign-in.server.ts';
import type { Route } from './+types/sign-in.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { auth } = web(context);
  if (auth?.account.kind === 'official')
    redirectTo(safeNext(new URL(request.url).searchParams.get('next'), '/mot-cua'));
  return { ...(await signInLoaderData(context, request)), signedInAsOther: Boolean(auth) };
}

export async function action({ request, context }: Route.ActionArgs) {
  return signInAction(context, request, 'backoffice');
}

/** Officials' sign-in to the one-stop back office (/mot-cua/dang-nhap); other accounts are refused. */
export default function BackOfficeSignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <BackOfficeChrome>
      <div className="narrow">
        <PageTitle title={t('bo.signInTitle')} site="backoffice" />
        <h1>{t('bo.signInTitle')}</h1>
        <p className="lead">{t('bo.signInIntro')}</p>
        {loaderData.signedInAsOther && !actionData ? (
          <Notice kind="warning">{t('bo.signedInOther')}</Notice>
        ) : null}
        <SignInForm next={loaderData.next} captcha={loaderData.captcha} result={actionData} />
        <p className="muted">
          {t('bo.citizens')} <Link to="/dang-nhap">{t('app.portalName')}</Link>
        </p>
      </div>
    </BackOfficeChrome>
  );
}
