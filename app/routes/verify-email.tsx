import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { CsrfField } from '../components/CsrfField.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { web } from '../context.ts';
import { translator, useT } from '../i18n/index.ts';
import { asAppError } from '../lib/errors.ts';
import { textFields } from '../lib/forms.ts';
import type { Route } from './+types/verify-email.ts';

/**
 * /xac-nhan-email?token=… (the link in the activation e-mail). Opening the link shows one button;
 * the token is spent by a POST, so mail scanners that pre-fetch links cannot use it up.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const w = web(context);
  const { token } = textFields(await request.formData(), ['token']);
  try {
    await w.services.accounts.verifyEmail(token, w.actor);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'token_invalid' || e?.code === 'validation_failed')
      return data({ error: translator(w.lang)('verify.invalid') }, { status: 400 });
    throw err;
  }
  return redirect('/xac-nhan-email?xong=1');
}

export default function VerifyEmail({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const done = params.get('xong') === '1';
  return (
    <div className="narrow">
      <PageTitle title={t('verify.title')} />
      <h1>{t('verify.title')}</h1>
      {done ? (
        <>
          <Notice kind="success">{t('verify.done')}</Notice>
          <p>
            <Link className="button button-primary" to="/dang-nhap">
              {t('nav.signIn')}
            </Link>
          </p>
        </>
      ) : actionData?.error ? (
        <div className="error-summary" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : token ? (
        <Form method="post" className="form">
          <p>{t('verify.intro')}</p>
          <CsrfField />
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t('verify.submit')}</SubmitButton>
        </Form>
      ) : (
        <p>{t('verify.missing')}</p>
      )}
    </div>
  );
}
