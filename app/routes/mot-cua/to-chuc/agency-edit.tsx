import { redirect } from 'react-router';
import { AgencyUpdate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/agency-edit.ts';
import { AGENCY_FIELDS, AgencyForm } from './AgencyForm.tsx';
import type { AgencyValues } from './AgencyForm.tsx';
import { agencyCrumbs } from './crumbs.ts';
import { formFailure, guard, orNull, requireId, serviceErrors, withNotice } from './forms.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const a = await guard(services.org.getAgency(auth, requireId(params.id)));
  const values: AgencyValues = {
    code: a.code,
    name: a.name,
    shortName: a.shortName ?? '',
    level: a.level,
    adminUnitCode: a.adminUnitCode ?? '',
    address: a.address ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
  };
  return { id: a.id, name: a.name, ancestors: a.ancestors, values };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const values: AgencyValues = textFields(await request.formData(), AGENCY_FIELDS);
  const parsed = AgencyUpdate.safeParse({ ...values, email: orNull(values.email) });
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, w.lang);
    // The schema's message lists the machine values; people choose from the list.
    if (errors.level) errors.level = translator(w.lang)('org.levelRequired');
    return formFailure(400, { errors, values });
  }
  try {
    await w.services.org.updateAgency(w.auth, id, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/to-chuc/${id}`, 'updated'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, AGENCY_FIELDS, { duplicate_agency_code: 'code' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/to-chuc/:id/sua: edit an agency's code, names, level and contacts. */
export default function EditAgency({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { id, name, ancestors, values } = loaderData;
  const title = t('org.editTitle', { name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb items={[...agencyCrumbs(t, { id, name, ancestors }), { label: t('adm.edit') }]} />
      <h1>{title}</h1>
      <AgencyForm
        values={actionData?.values ?? values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        submitLabel={t('adm.save')}
        cancelTo={`/mot-cua/to-chuc/${id}`}
      />
    </>
  );
}
