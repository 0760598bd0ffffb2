import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { ResetPassword } from '../../src/modules/accounts/schema.ts';
import { CsrfField } from '../components/CsrfField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { web } from '../context.ts';
import { translator, useT } from '../i18n/index.ts';
import { asAppError, toFieldErrors } from '../lib/errors.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { checkPasswordConfirm, textFields } from '../lib/forms.ts';
import type { Route } from './+types/reset-password.ts';

const ORDER = ['password', 'passwordConfirm'] as const;
const NO_FIELD_ERRORS: FieldErrors = {};

export async function action({ request, context }: Route.ActionArgs) {
  const w = web(context);
  const t = translator(w.lang);
  const v = textFields(await request.formData(), ['token', 'password', 'passwordConfirm']);
  const parsed = ResetPassword.safeParse({ token: v.token, password: v.password });
  const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues, w.lang);
  if (errors.token) return data({ errors: NO_FIELD_ERRORS, formError: t('reset.invalid') }, { status: 400 });
  checkPasswordConfirm(errors, v, 'password', t);
  if (!parsed.success || Object.keys(errors).length > 0)
    return data({ errors, formError: undefined }, { status: 400 });
  try {
    await w.services.accounts.resetPassword(parsed.data.token, parsed.data.password, w.actor);
  } catch (err) {
    if (asAppError(err)?.code === 'token_invalid')
      return data({ errors: NO_FIELD_ERRORS, formError: t('reset.invalid') }, { status: 400 });
    throw err;
  }
  // Every session of the account was revoked, this browser's included.
  if (w.auth) w.endSession();
  return redirect('/dang-nhap?tb=reset');
}

/** /dat-lai-mat-khau?token=…: choose a new password from the e-mailed link. */
export default function ResetPasswordPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <PageTitle title={t('reset.title')} />
      <h1>{t('reset.title')}</h1>
      {token ? (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
          {actionData?.formError ? (
            <p>
              <Link to="/quen-mat-khau">{t('reset.again')}</Link>
            </p>
          ) : null}
          <Form method="post" className="form" noValidate>
            <CsrfField />
            <input type="hidden" name="token" value={token} />
            <NewPasswordFields
              label={t('reset.password')}
              confirmLabel={t('reset.confirm')}
              errors={errors}
            />
            <SubmitButton>{t('reset.submit')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>{t('reset.missing')}</p>
          <p>
            <Link to="/quen-mat-khau">{t('reset.again')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
