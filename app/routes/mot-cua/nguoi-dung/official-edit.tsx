import { Form, Link, redirect } from 'react-router';
import { formatDate } from '../../../../src/domain/datetime.ts';
import { OfficialUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { formFailure, guard, requireId, serviceErrors, withNotice } from '../to-chuc/forms.server.ts';
import type { Route } from './+types/official-edit.ts';
import { birthDateUnreadable, OfficialFields, PROFILE_FIELDS, profileInput } from './OfficialFields.tsx';
import type { ProfileValues } from './OfficialFields.tsx';
import { positionOptions } from './shared.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'users.manage');
  const o = await guard(services.org.getOfficial(auth, requireId(params.id)));
  const [departments, positions] = await Promise.all([
    guard(services.org.listDepartments(auth, o.agencyId)),
    positionOptions(services),
  ]);
  // A department or position no longer in use still shows as the current choice.
  const depOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  if (o.departmentId && o.departmentName && !depOptions.some((d) => d.value === o.departmentId))
    depOptions.push({ value: o.departmentId, label: o.departmentName });
  if (o.positionCode && !positions.some((p) => p.value === o.positionCode))
    positions.push({ value: o.positionCode, label: o.positionCode });
  const values: ProfileValues = {
    fullName: o.fullName,
    email: o.email ?? '',
    phone: o.phone ?? '',
    departmentId: o.departmentId ?? '',
    positionCode: o.positionCode ?? '',
    title: o.title ?? '',
    birthDate: o.birthDate ? formatDate(o.birthDate) : '',
    gender: o.gender ?? '',
    idNumber: o.idNumber ?? '',
    address: o.address ?? '',
  };
  return {
    id: o.id,
    fullName: o.fullName,
    agencyId: o.agencyId,
    agencyName: o.agencyName,
    values,
    departments: depOptions,
    positions,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const id = requireId(params.id);
  const values: ProfileValues = textFields(await request.formData(), PROFILE_FIELDS);
  const parsed = OfficialUpdate.safeParse(profileInput(values, null));
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, w.lang);
    if (errors.birthDate && birthDateUnreadable(values))
      errors.birthDate = translator(w.lang)('users.birthDateFormat');
    return formFailure(400, { errors, values });
  }
  try {
    await w.services.org.updateOfficial(w.auth, id, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/nguoi-dung/${id}`, 'updated'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, PROFILE_FIELDS, {
      duplicate_email: 'email',
      duplicate_id_number: 'idNumber',
    });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/nguoi-dung/:id/sua: edit an official's work and personal details. */
export default function EditOfficial({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { id, fullName, agencyId, agencyName, values, departments, positions } = loaderData;
  const errors = actionData?.errors ?? {};
  const title = t('users.editTitle', { name: fullName });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('users.title'), to: `/mot-cua/nguoi-dung?coquan=${agencyId}` },
          { label: fullName, to: `/mot-cua/nguoi-dung/${id}` },
          { label: t('adm.edit') },
        ]}
      />
      <h1>{title}</h1>
      <p>
        {t('users.agency')}: <strong>{agencyName}</strong>
      </p>
      <ErrorSummary errors={errors} order={PROFILE_FIELDS} formError={actionData?.formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <OfficialFields
          values={actionData?.values ?? values}
          errors={errors}
          departments={departments}
          positions={positions}
        />
        <div className="actions">
          <SubmitButton>{t('adm.save')}</SubmitButton>
          <Link to={`/mot-cua/nguoi-dung/${id}`}>{t('adm.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}
