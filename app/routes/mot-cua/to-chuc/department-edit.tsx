import { DepartmentUpdate } from '../../../../src/modules/org/schema.ts';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/department-edit.ts';
import { DepartmentPage } from './DepartmentForm.tsx';
import { saveDepartment } from './department.server.ts';
import { guard, requireId, withNotice } from './forms.server.ts';

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
  return saveDepartment(
    w,
    request,
    DepartmentUpdate,
    (input) => w.services.org.updateDepartment(w.auth, depId, input, w.actor),
    withNotice(`/mot-cua/to-chuc/${id}`, 'dep-updated'),
  );
}

/** /mot-cua/to-chuc/:id/phong-ban/:depId: edit a department's code, name and one-stop flag. */
export default function EditDepartment({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency, department } = loaderData;
  const title = t('org.editTitle', { name: department.name });
  return (
    <DepartmentPage
      agency={agency}
      title={title}
      crumb={department.name}
      values={actionData?.values ?? department.values}
      errors={actionData?.errors ?? {}}
      formError={actionData?.formError}
      submitLabel={t('adm.save')}
    />
  );
}
