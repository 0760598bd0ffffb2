import { useState } from 'react';
import { data, Form, Link, redirect } from 'react-router';
import { Register } from '../../src/modules/accounts/schema.ts';
import { Captcha } from '../components/Captcha.tsx';
import { CsrfField } from '../components/CsrfField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { web } from '../context.ts';
import { translator, useT } from '../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../lib/errors.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { captchaPayload, checkPasswordConfirm, optional, textFields } from '../lib/forms.ts';
import { redirectTo } from '../lib/http.ts';
import type { Route } from './+types/register.ts';

type Kind = 'citizen' | 'organisation';
const kindOf = (value: string | null): Kind =>
  value === 'to-chuc' || value === 'organisation' ? 'organisation' : 'citizen';
const FIELDS = [
  'kind',
  'orgName',
  'taxCode',
  'fullName',
  'idNumber',
  'email',
  'phone',
  'password',
  'passwordConfirm',
  'captcha',
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = web(context);
  if (w.auth) redirectTo('/tai-khoan');
  return {
    kind: kindOf(new URL(request.url).searchParams.get('loai')),
    captcha: await w.services.captcha.challenge(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = web(context);
  const t = translator(w.lang);
  const form = await request.formData();
  const v = textFields(form, FIELDS);
  const kind = kindOf(v.kind);
  const values = {
    kind,
    orgName: v.orgName,
    taxCode: v.taxCode,
    fullName: v.fullName,
    idNumber: v.idNumber,
    email: v.email,
    phone: v.phone,
  };
  const fail = (errors: FieldErrors, formError?: string) =>
    data({ errors, formError, values }, { status: 400 });

  const input = { ...values, phone: optional(v.phone), password: v.password, captcha: captchaPayload(form) };
  const parsed = Register.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues, w.lang);
  checkPasswordConfirm(errors, v, 'password', t);
  if (!parsed.success || Object.keys(errors).length > 0) return fail(errors);
  try {
    await w.services.accounts.register(parsed.data, w.actor);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields) return fail(toFieldErrors(e.fields, w.lang));
    if (e?.code === 'captcha_required') return fail({ captcha: errorMessage(e, w.lang) });
    throw err;
  }
  return redirect('/dang-nhap?tb=registered');
}

/** Registration of a citizen or an organisation account (/dang-ky); the captcha is always required. */
export default function RegisterPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [captchaReady, setCaptchaReady] = useState(true);
  const kind = actionData?.values.kind ?? loaderData.kind;
  const values = actionData?.values;
  const errors = actionData?.errors ?? {};
  const order = FIELDS.filter((f) => kind === 'organisation' || (f !== 'orgName' && f !== 'taxCode')).filter(
    (f) => kind === 'citizen' || f !== 'idNumber',
  );
  return (
    <div className="narrow">
      <PageTitle title={t('register.title')} />
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <nav aria-label={t('register.kind')} className="tabs">
        <ul>
          <li>
            <Link to="/dang-ky" aria-current={kind === 'citizen' ? 'page' : undefined}>
              {t('register.kind.citizen')}
            </Link>
          </li>
          <li>
            <Link to="/dang-ky?loai=to-chuc" aria-current={kind === 'organisation' ? 'page' : undefined}>
              {t('register.kind.organisation')}
            </Link>
          </li>
        </ul>
      </nav>
      <ErrorSummary errors={errors} order={order} formError={actionData?.formError} />
      <Form method="post" className="form" noValidate key={kind}>
        <CsrfField />
        <input type="hidden" name="kind" value={kind} />
        {kind === 'organisation' ? (
          <>
            <Field
              name="orgName"
              label={t('register.orgName')}
              error={errors.orgName}
              defaultValue={values?.orgName}
              autoComplete="organization"
              required
            />
            <Field
              name="taxCode"
              label={t('register.taxCode')}
              hint={t('register.taxCodeHint')}
              error={errors.taxCode}
              defaultValue={values?.taxCode}
              inputMode="numeric"
              autoComplete="off"
              required
            />
          </>
        ) : null}
        <Field
          name="fullName"
          label={t(kind === 'organisation' ? 'register.representative' : 'register.fullName')}
          error={errors.fullName}
          defaultValue={values?.fullName}
          autoComplete="name"
          required
        />
        {kind === 'citizen' ? (
          <Field
            name="idNumber"
            label={t('register.idNumber')}
            hint={t('register.idNumberHint')}
            error={errors.idNumber}
            defaultValue={values?.idNumber}
            inputMode="numeric"
            autoComplete="off"
            required
          />
        ) : null}
        <Field
          name="email"
          type="email"
          label={t('register.email')}
          hint={t('register.emailHint')}
          error={errors.email}
          defaultValue={values?.email}
          autoComplete="email"
          spellCheck={false}
          required
        />
        <Field
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          error={errors.phone}
          defaultValue={values?.phone}
          autoComplete="tel"
        />
        <NewPasswordFields label={t('register.password')} errors={errors} />
        <Captcha challenge={loaderData.captcha} error={errors.captcha} onReadyChange={setCaptchaReady} />
        <SubmitButton disabled={!captchaReady}>{t('register.submit')}</SubmitButton>
      </Form>
      <p>
        {t('register.haveAccount')} <Link to="/dang-nhap">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
