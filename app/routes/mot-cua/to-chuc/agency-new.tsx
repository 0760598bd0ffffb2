import { redirect } from 'react-router';
import { AgencyCreate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { optional, textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/agency-new.ts';
import { AGENCY_FIELDS, AgencyForm } from './AgencyForm.tsx';
import type { AgencyValues } from './AgencyForm.tsx';
import { agencyCrumbs } from './crumbs.ts';
import { formFailure, guard, idOrUndefined, serviceErrors, withNotice } from './forms.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const parentId = idOrUndefined(new URL(request.url).searchParams.get('cha'));
  const parent = parentId ? await guard(services.org.getAgency(auth, parentId)) : undefined;
  return {
    parent: parent
      ? { id: parent.id, name: parent.name, code: parent.code, ancestors: parent.ancestors }
      : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const form = await request.formData();
  const values: AgencyValues = textFields(form, AGENCY_FIELDS);
  const parentId = idOrUndefined(textFields(form, ['parentId']).parentId) ?? null;
  const parsed = AgencyCreate.safeParse({
    ...values,
    parentId,
    shortName: values.shortName,
    adminUnitCode: values.adminUnitCode,
    email: optional(values.email),
  });
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, w.lang);
    // The schema's message lists the machine values; people choose from the list.
    if (errors.level) errors.level = translator(w.lang)('org.levelRequired');
    return formFailure(400, { errors, values });
  }
  try {
    const created = await w.services.org.createAgency(w.auth, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/to-chuc/${created.id}`, 'created'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, AGENCY_FIELDS, { duplicate_agency_code: 'code' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/** /mot-cua/to-chuc/them?cha=<id>: a new sub-agency of `cha` (or, for a root administrator, a new top agency). */
export default function NewAgency({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { parent } = loaderData;
  const title = parent ? t('org.newChildTitle', { name: parent.name }) : t('org.newTopTitle');
  const cancelTo = parent ? `/mot-cua/to-chuc/${parent.id}` : '/mot-cua/to-chuc';
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <Breadcrumb
        items={[
          ...(parent ? agencyCrumbs(t, parent) : [{ label: t('org.title'), to: '/mot-cua/to-chuc' }]),
          { label: t('org.newCrumb') },
        ]}
      />
      <h1>{title}</h1>
      {parent ? (
        <p>
          {t('org.newChildIntro')} <strong>{parent.name}</strong> (<span className="code">{parent.code}</span>
          )
        </p>
      ) : null}
      <AgencyForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        parentId={parent?.id}
        submitLabel={t('org.create')}
        cancelTo={cancelTo}
      />
    </>
  );
}
