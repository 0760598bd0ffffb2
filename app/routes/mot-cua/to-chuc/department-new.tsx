import { DepartmentCreate } from '../../../../src/modules/org/schema.ts';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { Route } from './+types/department-new.ts';
import { DepartmentPage } from './DepartmentForm.tsx';
import { saveDepartment } from './department.server.ts';
import { guard, requireId, withNotice } from './forms.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const a = await guard(services.org.getAgency(auth, requireId(params.id)));
  return { agency: { id: a.id, name: a.name, ancestors: a.ancestors } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  return saveDepartment(
    w,
    request,
    DepartmentCreate,
    (input) => w.services.org.createDepartment(w.auth, id, input, w.actor),
    withNotice(`/mot-cua/to-chuc/${id}`, 'dep-created'),
  );
}

/** /mot-cua/to-chuc/:id/phong-ban/them: a new department of the agency. */
export default function NewDepartment({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency } = loaderData;
  const title = t('org.newDepartmentTitle');
  return (
    <DepartmentPage
      agency={agency}
      title={title}
      pageTitle={`${title} — ${agency.name}`}
      crumb={title}
      intro={
        <p>
          {t('org.departmentOf')} <strong>{agency.name}</strong>
        </p>
      }
      values={actionData?.values ?? {}}
      errors={actionData?.errors ?? {}}
      formError={actionData?.formError}
      submitLabel={t('org.createDepartment')}
    />
  );
}
