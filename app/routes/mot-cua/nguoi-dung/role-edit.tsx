import { Form, Link, redirect } from 'react-router';
import { PERMISSIONS } from '../../../../src/domain/permissions.ts';
import { RoleUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CheckboxGroup } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import {
  allValues,
  formFailure,
  guard,
  isRootAdmin,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/role-edit.ts';

const FIELDS = ['name', 'nameEn', 'description', 'permissions'] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'users.manage');
  if (!isRootAdmin(auth)) failWith(403, 'permission');
  const role = (await guard(services.org.listRoles(auth))).find((r) => r.code === params.code);
  if (!role) failWith(404);
  return {
    code: role.code,
    values: {
      name: role.name,
      nameEn: role.nameEn,
      description: role.description,
      permissions: role.permissions,
    },
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const form = await request.formData();
  const values = {
    ...textFields(form, ['name', 'nameEn', 'description']),
    permissions: allValues(form, 'permissions'),
  };
  const parsed = RoleUpdate.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    await w.services.org.updateRole(w.auth, params.code, parsed.data, w.actor);
    return redirect(withNotice('/mot-cua/nguoi-dung/vai-tro', 'updated'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, FIELDS);
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/nguoi-dung/vai-tro/:code: a system administrator renames a role or changes its permissions. */
export default function EditRole({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { code } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.errors ?? {};
  const title = t('roles.editTitle', { name: loaderData.values.name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('roles.title'), to: '/mot-cua/nguoi-dung/vai-tro' },
          { label: loaderData.values.name },
        ]}
      />
      <h1>{title}</h1>
      <p>
        {t('roles.code')}: <span className="code">{code}</span>
      </p>
      <ErrorSummary errors={errors} order={FIELDS} formError={actionData?.formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <div className="narrow">
          <Field
            name="name"
            label={t('roles.name')}
            error={errors.name}
            defaultValue={values.name}
            required
          />
          <Field
            name="nameEn"
            label={t('roles.nameEn')}
            error={errors.nameEn}
            defaultValue={values.nameEn}
            required
          />
          <TextAreaField
            name="description"
            label={t('roles.description')}
            error={errors.description}
            defaultValue={values.description}
          />
        </div>
        <CheckboxGroup
          name="permissions"
          legend={t('roles.permissions')}
          hint={t('roles.permissionsHint')}
          options={PERMISSIONS.map((p) => ({ value: p, label: t(`perm.${p}`), hint: p }))}
          checked={values.permissions}
          error={errors.permissions}
        />
        <div className="actions">
          <SubmitButton>{t('adm.save')}</SubmitButton>
          <Link to="/mot-cua/nguoi-dung/vai-tro">{t('adm.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}
