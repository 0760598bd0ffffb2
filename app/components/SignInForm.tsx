import { useState } from 'react';
import { Form } from 'react-router';
import type { CaptchaChallenge } from '../../src/modules/accounts/captcha.ts';
import { useT } from '../i18n/index.ts';
import type { SignInActionData } from '../lib/sign-in.server.ts';
import { Captcha } from './Captcha.tsx';
import { CsrfField } from './CsrfField.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Field } from './Field.tsx';
import { SubmitButton } from './SubmitButton.tsx';

interface Props {
  next: string;
  captcha: CaptchaChallenge | undefined;
  result: SignInActionData | undefined;
}

const ORDER = ['username', 'password', 'captcha'] as const;

/** Username (or e-mail) + password, the captcha when required; used by the portal and the back office. */
export function SignInForm({ next, captcha, result }: Props) {
  const t = useT();
  const [captchaReady, setCaptchaReady] = useState(true);
  const challenge = captcha ?? result?.captcha;
  const errors = result?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={ORDER} formError={result?.formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field
          name="username"
          label={t('signIn.username')}
          hint={t('signIn.usernameHint')}
          error={errors?.username}
          defaultValue={result?.values.username}
          autoComplete="username"
          spellCheck={false}
          required
        />
        <Field
          name="password"
          type="password"
          label={t('signIn.password')}
          error={errors?.password}
          autoComplete="current-password"
          required
        />
        <Captcha challenge={challenge} error={errors?.captcha} onReadyChange={setCaptchaReady} />
        <SubmitButton disabled={challenge ? !captchaReady : false}>{t('signIn.submit')}</SubmitButton>
      </Form>
    </>
  );
}
