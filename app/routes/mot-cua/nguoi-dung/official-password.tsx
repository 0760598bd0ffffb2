import { Form, Link, redirect } from 'react-router';
import { OfficialUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { checkPasswordConfirm, textFields } from '../../../lib/forms.ts';
import { formFailure, guard, requireId, serviceErrors, withNotice } from '../to-chuc/forms.server.ts';
import type { Route } from './+types/official-password.ts';

const ORDER = ['password', 'passwordConfirm'] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'users.manage');
  const o = await guard(services.org.getOfficial(auth, requireId(params.id)));
  return { id: o.id, fullName: o.fullName, username: o.username, agencyId: o.agencyId };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const id = requireId(params.id);
  const v = textFields(await request.formData(), ORDER);
  const parsed = OfficialUpdate.safeParse({ password: v.password });
  const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues, w.lang);
  checkPasswordConfirm(errors, v, 'password', translator(w.lang));
  if (!parsed.success || Object.keys(errors).length > 0) return formFailure(400, { errors, values: {} });
  try {
    await w.services.org.updateOfficial(w.auth, id, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/nguoi-dung/${id}`, 'password'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, ORDER);
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values: {} });
  }
}

/** /mot-cua/nguoi-dung/:id/mat-khau: an administrator sets a new password; the official's sessions end. */
export default function SetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { id, fullName, username, agencyId } = loaderData;
  const errors = actionData?.errors ?? {};
  const title = t('users.passwordTitle', { name: fullName });
  return (
    <div className="narrow">
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('users.title'), to: `/mot-cua/nguoi-dung?coquan=${agencyId}` },
          { label: fullName, to: `/mot-cua/nguoi-dung/${id}` },
          { label: t('users.setPassword') },
        ]}
      />
      <h1>{title}</h1>
      <p>{t('users.passwordIntro', { username })}</p>
      <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
        <NewPasswordFields label={t('users.newPassword')} errors={errors} />
        <div className="actions">
          <SubmitButton>{t('users.setPasswordSubmit')}</SubmitButton>
          <Link to={`/mot-cua/nguoi-dung/${id}`}>{t('adm.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
