import { redirect } from 'react-router';
import { DepartmentUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/department-edit.ts';
import { DEPARTMENT_FIELDS, DepartmentForm } from './DepartmentForm.tsx';
import { checked, formFailure, guard, requireId, serviceErrors, withNotice } from './forms.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const depId = requireId(params.depId);
  const [a, departments] = await Promise.all([
    guard(services.org.getAgency(auth, id)),
    guard(services.org.listDepartments(auth, id, { includeInactive: true })),
  ]);
  const d = departments.find((x) => x.id === depId);
  if (!d) failWith(404);
  return {
    agency: { id: a.id, name: a.name, ancestors: a.ancestors },
    department: { id: d.id, name: d.name, values: { code: d.code, name: d.name, isOneStop: d.isOneStop } },
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const depId = requireId(params.depId);
  const form = await request.formData();
  const values = { ...textFields(form, ['code', 'name']), isOneStop: checked(form, 'isOneStop') };
  const parsed = DepartmentUpdate.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    await w.services.org.updateDepartment(w.auth, depId, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/to-chuc/${id}`, 'dep-updated'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, DEPARTMENT_FIELDS, { duplicate_department_code: 'code' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/to-chuc/:id/phong-ban/:depId: edit a department's code, name and one-stop flag. */
export default function EditDepartment({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency, department } = loaderData;
  const title = t('org.editTitle', { name: department.name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('org.title'), to: '/mot-cua/to-chuc' },
          ...agency.ancestors.map((a) => ({
            label: a.name,
            to: a.accessible ? `/mot-cua/to-chuc/${a.id}` : undefined,
          })),
          { label: agency.name, to: `/mot-cua/to-chuc/${agency.id}` },
          { label: department.name },
        ]}
      />
      <h1>{title}</h1>
      <DepartmentForm
        values={actionData?.values ?? department.values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        submitLabel={t('adm.save')}
        cancelTo={`/mot-cua/to-chuc/${agency.id}`}
      />
    </>
  );
}
