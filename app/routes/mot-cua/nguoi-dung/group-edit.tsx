import { redirect } from 'react-router';
import { GroupUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import {
  allValues,
  formFailure,
  guard,
  requireId,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/group-edit.ts';
import { GROUP_FIELDS, GroupForm } from './GroupForm.tsx';
import { roleOptions } from './shared.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const [g, roles] = await Promise.all([
    guard(services.org.getGroup(auth, requireId(params.groupId))),
    roleOptions(services, auth, lang),
  ]);
  return {
    group: { id: g.id, name: g.name, agencyName: g.agencyName },
    values: { name: g.name, description: g.description, roleCodes: g.roleCodes },
    roles: roles.map((r) => ({ value: r.value, label: r.label })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const id = requireId(params.groupId);
  const form = await request.formData();
  const values = { ...textFields(form, ['name', 'description']), roleCodes: allValues(form, 'roleCodes') };
  const parsed = GroupUpdate.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    await w.services.org.updateGroup(w.auth, id, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/nguoi-dung/nhom/${id}`, 'updated'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, GROUP_FIELDS, { duplicate_group_name: 'name' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/nguoi-dung/nhom/:groupId/sua: rename a group, describe it, change the roles it gives. */
export default function EditGroup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { group, values, roles } = loaderData;
  const title = t('groups.editTitle', { name: group.name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('groups.title'), to: '/mot-cua/nguoi-dung/nhom' },
          { label: group.name, to: `/mot-cua/nguoi-dung/nhom/${group.id}` },
          { label: t('adm.edit') },
        ]}
      />
      <h1>{title}</h1>
      <p>
        {t('groups.agency')}: <strong>{group.agencyName}</strong>
      </p>
      <GroupForm
        values={actionData?.values ?? values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        roles={roles}
        submitLabel={t('adm.save')}
        cancelTo={`/mot-cua/nguoi-dung/nhom/${group.id}`}
      />
    </>
  );
}
