import { useState } from 'react';
import { data, Form, redirect, useSearchParams } from 'react-router';
import { RequestReset } from '../../src/modules/accounts/schema.ts';
import { Captcha } from '../components/Captcha.tsx';
import { CsrfField } from '../components/CsrfField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { web } from '../context.ts';
import { useT } from '../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../lib/errors.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { captchaPayload, textFields } from '../lib/forms.ts';
import type { Route } from './+types/forgot-password.ts';

const ORDER = ['email', 'captcha'] as const;

export async function loader({ context }: Route.LoaderArgs) {
  return { captcha: await web(context).services.captcha.challenge() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = web(context);
  const form = await request.formData();
  const v = textFields(form, ['email']);
  const values = { email: v.email };
  const parsed = RequestReset.safeParse({ email: v.email, captcha: captchaPayload(form) });
  if (!parsed.success)
    return data({ errors: toFieldErrors(parsed.error.issues, w.lang), values }, { status: 400 });
  try {
    await w.services.accounts.requestPasswordReset(parsed.data.email, parsed.data.captcha, w.actor);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'captcha_required') {
      const errors: FieldErrors = { captcha: errorMessage(e, w.lang) };
      return data({ errors, values }, { status: 400 });
    }
    throw err;
  }
  return redirect('/quen-mat-khau?da-gui=1');
}

/** /quen-mat-khau: asks for a reset e-mail; the answer is the same whether or not the address has an account. */
export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const [captchaReady, setCaptchaReady] = useState(true);
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <PageTitle title={t('forgot.title')} />
      <h1>{t('forgot.title')}</h1>
      {params.get('da-gui') === '1' && !actionData ? (
        <Notice kind="success">{t('forgot.sent')}</Notice>
      ) : null}
      <p className="lead">{t('forgot.intro')}</p>
      <ErrorSummary errors={errors} order={ORDER} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <Field
          name="email"
          type="email"
          label={t('forgot.email')}
          error={errors.email}
          defaultValue={actionData?.values.email}
          autoComplete="email"
          spellCheck={false}
          required
        />
        <Captcha challenge={loaderData.captcha} error={errors.captcha} onReadyChange={setCaptchaReady} />
        <SubmitButton disabled={!captchaReady}>{t('forgot.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
