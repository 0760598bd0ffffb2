import { redirect } from 'react-router';
import { GroupCreate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import {
  agencyOptions,
  allValues,
  formFailure,
  idOrUndefined,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/group-new.ts';
import { GROUP_FIELDS, GroupForm } from './GroupForm.tsx';
import { roleOptions } from './shared.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const agencyId = idOrUndefined(new URL(request.url).searchParams.get('coquan'));
  const [agencies, roles] = await Promise.all([
    agencyOptions(services, auth),
    roleOptions(services, auth, lang),
  ]);
  return {
    agencyId: agencyId ?? '',
    agencies,
    roles: roles.map((r) => ({ value: r.value, label: r.label })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const form = await request.formData();
  const values = {
    ...textFields(form, ['agencyId', 'name', 'description']),
    roleCodes: allValues(form, 'roleCodes'),
  };
  const parsed = GroupCreate.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    const created = await w.services.org.createGroup(w.auth, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/nguoi-dung/nhom/${created.id}`, 'created'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, GROUP_FIELDS, { duplicate_group_name: 'name' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/nguoi-dung/nhom/them?coquan=<id>: a new user group. */
export default function NewGroup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agencyId, agencies, roles } = loaderData;
  return (
    <>
      <PageTitle title={t('groups.newTitle')} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('groups.title'), to: '/mot-cua/nguoi-dung/nhom' },
          { label: t('groups.newTitle') },
        ]}
      />
      <h1>{t('groups.newTitle')}</h1>
      <GroupForm
        values={actionData?.values ?? { agencyId }}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        roles={roles}
        agencies={agencies}
        submitLabel={t('groups.create')}
        cancelTo="/mot-cua/nguoi-dung/nhom"
      />
    </>
  );
}
