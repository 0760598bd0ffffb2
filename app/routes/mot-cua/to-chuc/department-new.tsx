import { redirect } from 'react-router';
import { DepartmentCreate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/department-new.ts';
import { DEPARTMENT_FIELDS, DepartmentForm } from './DepartmentForm.tsx';
import { checked, formFailure, guard, requireId, serviceErrors, withNotice } from './forms.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const a = await guard(services.org.getAgency(auth, requireId(params.id)));
  return { agency: { id: a.id, name: a.name, ancestors: a.ancestors } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const form = await request.formData();
  const values = { ...textFields(form, ['code', 'name']), isOneStop: checked(form, 'isOneStop') };
  const parsed = DepartmentCreate.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    await w.services.org.createDepartment(w.auth, id, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/to-chuc/${id}`, 'dep-created'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, DEPARTMENT_FIELDS, { duplicate_department_code: 'code' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/to-chuc/:id/phong-ban/them: a new department of the agency. */
export default function NewDepartment({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency } = loaderData;
  const title = t('org.newDepartmentTitle');
  return (
    <>
      <PageTitle title={`${title} — ${agency.name}`} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('org.title'), to: '/mot-cua/to-chuc' },
          ...agency.ancestors.map((a) => ({
            label: a.name,
            to: a.accessible ? `/mot-cua/to-chuc/${a.id}` : undefined,
          })),
          { label: agency.name, to: `/mot-cua/to-chuc/${agency.id}` },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <p>
        {t('org.departmentOf')} <strong>{agency.name}</strong>
      </p>
      <DepartmentForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        submitLabel={t('org.createDepartment')}
        cancelTo={`/mot-cua/to-chuc/${agency.id}`}
      />
    </>
  );
}
