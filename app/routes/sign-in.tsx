import { Link, useSearchParams } from 'react-router';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SignInForm } from '../components/SignInForm.tsx';
import { web } from '../context.ts';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { safeNext } from '../lib/forms.ts';
import { redirectTo } from '../lib/http.ts';
import { signInAction, signInLoaderData } from '../lib/sign-in.server.ts';
import type { Route } from './+types/sign-in.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { auth } = web(context);
  if (auth)
    redirectTo(
      safeNext(
        new URL(request.url).searchParams.get('next'),
        auth.account.kind === 'official' ? '/mot-cua' : '/tai-khoan',
      ),
    );
  return signInLoaderData(context, request);
}

export async function action({ request, context }: Route.ActionArgs) {
  return signInAction(context, request, 'portal');
}

const NOTICES: Record<string, MessageKey> = {
  registered: 'signIn.registered',
  reset: 'signIn.resetDone',
  verified: 'signIn.verified',
  'signed-out': 'signIn.signedOut',
};

/** Citizen and organisation sign-in (/dang-nhap). */
export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get('tb') ?? ''];
  return (
    <div className="narrow">
      <PageTitle title={t('signIn.title')} />
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {notice && !actionData ? <Notice kind="success">{t(notice)}</Notice> : null}
      <SignInForm next={loaderData.next} captcha={loaderData.captcha} result={actionData} />
      <p>
        <Link to="/quen-mat-khau">{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to="/dang-ky">{t('signIn.registerLink')}</Link>
      </p>
      <p className="muted">
        {t('signIn.officials')} <Link to="/mot-cua/dang-nhap">{t('app.backOfficeName')}</Link>
      </p>
    </div>
  );
}
