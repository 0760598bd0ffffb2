import { Form, Link, redirect } from 'react-router';
import { OfficialCreate } from '../../../../src/modules/org/schema.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { checkPasswordConfirm, textFields } from '../../../lib/forms.ts';
import {
  agencyOptions,
  formFailure,
  guard,
  idOrUndefined,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/official-new.ts';
import { birthDateUnreadable, OfficialFields, PROFILE_FIELDS, profileInput } from './OfficialFields.tsx';
import { positionOptions } from './shared.server.ts';

const ACCOUNT_FIELDS = ['username', 'password', 'passwordConfirm'] as const;
const ORDER = ['username', ...PROFILE_FIELDS, 'password', 'passwordConfirm'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'users.manage');
  const agencyId = idOrUndefined(new URL(request.url).searchParams.get('coquan'));
  if (!agencyId)
    return { agency: null, agencies: await agencyOptions(services, auth), departments: [], positions: [] };
  const [agency, departments, positions] = await Promise.all([
    guard(services.org.getAgency(auth, agencyId)),
    guard(services.org.listDepartments(auth, agencyId)),
    positionOptions(services),
  ]);
  return {
    agency: { id: agency.id, name: agency.name, code: agency.code },
    agencies: [],
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    positions,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const form = await request.formData();
  const v = textFields(form, [...PROFILE_FIELDS, ...ACCOUNT_FIELDS, 'agencyId']);
  const values = { ...v, password: '', passwordConfirm: '' };
  const parsed = OfficialCreate.safeParse({
    ...profileInput(v, undefined),
    username: v.username,
    password: v.password,
    agencyId: v.agencyId,
  });
  const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues, w.lang);
  const t = translator(w.lang);
  if (errors.birthDate && birthDateUnreadable(v)) errors.birthDate = t('users.birthDateFormat');
  checkPasswordConfirm(errors, v, 'password', t);
  if (!parsed.success || Object.keys(errors).length > 0) return formFailure(400, { errors, values });
  try {
    const created = await w.services.org.createOfficial(w.auth, parsed.data, w.actor);
    return redirect(withNotice(`/mot-cua/nguoi-dung/${created.id}`, 'created'));
  } catch (err) {
    const f = serviceErrors(err, w.lang, ORDER, {
      duplicate_username: 'username',
      duplicate_email: 'email',
      duplicate_id_number: 'idNumber',
    });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}

/**
 * /mot-cua/nguoi-dung/them?coquan=<id>: a new official account in an agency. Without `coquan` the
 * page first asks for the agency (its departments fill the department list), so no JavaScript is needed.
 */
export default function NewOfficial({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency, agencies, departments, positions } = loaderData;
  const errors = actionData?.errors ?? {};
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <>
      <PageTitle title={t('users.newTitle')} site="backoffice" />
      <Breadcrumb
        items={[
          {
            label: t('users.title'),
            to: agency ? `/mot-cua/nguoi-dung?coquan=${agency.id}` : '/mot-cua/nguoi-dung',
          },
          { label: t('users.newTitle') },
        ]}
      />
      <h1>{t('users.newTitle')}</h1>
      {agency ? (
        <>
          <p>
            {t('users.newIn')} <strong>{agency.name}</strong> (<span className="code">{agency.code}</span>).{' '}
            <Link to="/mot-cua/nguoi-dung/them">{t('users.changeAgency')}</Link>
          </p>
          <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
          <Form method="post" className="form" noValidate>
            <CsrfField />
            <input type="hidden" name="agencyId" value={agency.id} />
            <fieldset className="fieldset narrow">
              <legend>{t('users.accountLegend')}</legend>
              <Field
                name="username"
                label={t('users.username')}
                hint={t('users.usernameHint')}
                error={errors.username}
                defaultValue={values.username}
                autoComplete="off"
                spellCheck={false}
                required
              />
              <NewPasswordFields label={t('users.password')} errors={errors} />
            </fieldset>
            <OfficialFields values={values} errors={errors} departments={departments} positions={positions} />
            <div className="actions">
              <SubmitButton>{t('users.create')}</SubmitButton>
              <Link to={`/mot-cua/nguoi-dung?coquan=${agency.id}`}>{t('adm.cancel')}</Link>
            </div>
          </Form>
        </>
      ) : (
        <Form method="get" className="form narrow">
          <SelectField
            name="coquan"
            label={t('users.pickAgency')}
            hint={t('users.pickAgencyHint')}
            options={agencies}
            required
          />
          <button type="submit" className="button button-primary">
            {t('adm.continue')}
          </button>
        </Form>
      )}
    </>
  );
}
