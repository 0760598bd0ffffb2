import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { CreateField, UpsertField } from '../../../../src/modules/procedures/schema.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/fields.ts';
import { requireCatalog } from './access.server.ts';
import { ProcedureTabs } from './tabs.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  return { canEdit: w.canEdit, fields: await w.services.procedureFields.list(w.auth) };
}

const NAMES = ['intent', 'code', 'name', 'nationalCode', 'sortOrder'] as const;
type Values = Record<(typeof NAMES)[number], string> & { active: boolean };

interface ActionData {
  intent: string;
  values: Values;
  errors: FieldErrors;
  formError?: string | undefined;
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  const t = translator(w.lang);
  const form = await request.formData();
  const values: Values = { ...textFields(form, NAMES), active: form.has('active') };
  const refuse = (errors: FieldErrors, formError?: string, status = 400) =>
    data<ActionData>({ intent: values.intent, values, errors, formError }, { status });
  const order = values.sortOrder.trim();
  if (order !== '' && !/^\d{1,7}$/.test(order)) return refuse({ sortOrder: t('pa.err.sortOrder') });
  const input = {
    name: values.name,
    nationalCode: values.nationalCode,
    sortOrder: order === '' ? 0 : Number(order),
    active: values.active,
  };
  try {
    if (values.intent === 'create') {
      const parsed = CreateField.safeParse({
        ...input,
        ...(values.code.trim() ? { code: values.code } : {}),
      });
      if (!parsed.success) return refuse(toFieldErrors(parsed.error.issues, w.lang));
      const f = await w.services.procedureFields.create(w.auth, w.actor, parsed.data);
      return redirect(`/mot-cua/thu-tuc/linh-vuc?tb=created#field-${f.code}`);
    }
    const parsed = UpsertField.safeParse(input);
    if (!parsed.success) return refuse(toFieldErrors(parsed.error.issues, w.lang));
    await w.services.procedureFields.update(w.auth, w.actor, values.code, parsed.data);
    return redirect(`/mot-cua/thu-tuc/linh-vuc?tb=updated#field-${values.code}`);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields) return refuse(toFieldErrors(e.fields, w.lang));
    if (e?.code === 'field_exists') return refuse({ name: errorMessage(e, w.lang) });
    if (e?.code === 'forbidden' || e?.code === 'not_found')
      return refuse({}, errorMessage(e, w.lang), e.status);
    throw err;
  }
}

const ORDER = ['code', 'name', 'nationalCode', 'sortOrder'];

function FieldForm({
  mode,
  values,
  errors,
}: {
  mode: 'create' | 'edit';
  values: Partial<Values>;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <Form method="post" className="form narrow" noValidate>
      <CsrfField />
      {mode === 'create' ? (
        <Field
          name="code"
          label={t('pa.fl.code')}
          hint={t('pa.fl.codeHint')}
          defaultValue={values.code}
          error={errors.code}
        />
      ) : (
        <input type="hidden" name="code" value={values.code} />
      )}
      <Field name="name" label={t('pa.fl.name')} defaultValue={values.name} error={errors.name} required />
      <Field
        name="nationalCode"
        label={t('pa.fl.nationalCode')}
        defaultValue={values.nationalCode}
        error={errors.nationalCode}
      />
      <Field
        name="sortOrder"
        label={t('pa.fl.sortOrder')}
        defaultValue={values.sortOrder}
        error={errors.sortOrder}
        inputMode="numeric"
      />
      <CheckboxField name="active" label={t('pa.fl.active')} defaultChecked={values.active ?? true} />
      <SubmitButton name="intent" value={mode}>
        {t(mode === 'create' ? 'pa.fl.add' : 'pa.save')}
      </SubmitButton>
    </Form>
  );
}

/** /mot-cua/thu-tuc/linh-vuc: the fields (lĩnh vực) procedures are grouped in: list, add, rename, retire. */
export default function ProcedureFields({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { fields, canEdit } = loaderData;
  const editing = actionData?.intent === 'update' ? actionData.values.code : (params.get('sua') ?? '');
  const current = fields.find((f) => f.code === editing);
  const errors = actionData?.errors ?? {};
  return (
    <>
      <PageTitle title={t('pa.fieldsTitle')} site="backoffice" />
      <h1>{t('pa.fieldsTitle')}</h1>
      <ProcedureTabs current="/mot-cua/thu-tuc/linh-vuc" />
      <FlashNotice
        notices={{ created: 'pa.notice.fieldCreated', updated: 'pa.notice.fieldUpdated' }}
        hidden={Boolean(actionData)}
      />
      <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
      {canEdit && current ? (
        <section className="panel" aria-labelledby="edit-field">
          <h2 id="edit-field">{t('pa.fl.editTitle', { name: current.name })}</h2>
          <FieldForm
            mode="edit"
            errors={errors}
            values={
              actionData?.intent === 'update'
                ? actionData.values
                : {
                    code: current.code,
                    name: current.name,
                    nationalCode: current.nationalCode ?? '',
                    sortOrder: String(current.sortOrder),
                    active: current.active,
                  }
            }
          />
          <p>
            <Link to="/mot-cua/thu-tuc/linh-vuc">{t('pa.cancel')}</Link>
          </p>
        </section>
      ) : null}
      {canEdit && !current ? (
        <div className="toolbar">
          <a className="button button-primary" href="#add-field">
            {t('pa.fl.addTitle')}
          </a>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data-table stack" data-testid="fields">
          <caption>{t('pa.fl.caption', { n: fields.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pa.fl.name')}</th>
              <th scope="col">{t('pa.fl.code')}</th>
              <th scope="col">{t('pa.fl.nationalCode')}</th>
              <th scope="col" className="num">
                {t('pa.fl.sortOrder')}
              </th>
              <th scope="col" className="num">
                {t('pa.fl.count')}
              </th>
              <th scope="col">{t('pa.col.status')}</th>
              {canEdit ? <th scope="col">{t('admin.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.code} id={`field-${f.code}`}>
                <th scope="row" data-label={t('pa.fl.name')}>
                  <Link to={`/mot-cua/thu-tuc?linh-vuc=${encodeURIComponent(f.code)}`}>{f.name}</Link>
                </th>
                <td data-label={t('pa.fl.code')}>
                  <code>{f.code}</code>
                </td>
                <td data-label={t('pa.fl.nationalCode')}>{f.nationalCode ?? ''}</td>
                <td data-label={t('pa.fl.sortOrder')} className="num">
                  {f.sortOrder}
                </td>
                <td data-label={t('pa.fl.count')} className="num">
                  {f.procedureCount}
                </td>
                <td data-label={t('pa.col.status')}>
                  <StatusBadge tone={f.active ? 'ok' : 'off'}>
                    {t(f.active ? 'pa.fl.inUse' : 'pa.fl.retired')}
                  </StatusBadge>
                </td>
                {canEdit ? (
                  <td data-label={t('admin.actions')}>
                    <Link to={`/mot-cua/thu-tuc/linh-vuc?sua=${encodeURIComponent(f.code)}`}>
                      {t('admin.edit')}
                      <span className="visually-hidden"> {f.name}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && !current ? (
        <section className="panel" aria-labelledby="add-field">
          <h2 id="add-field">{t('pa.fl.addTitle')}</h2>
          <FieldForm
            mode="create"
            errors={actionData?.intent === 'create' ? errors : {}}
            values={actionData?.intent === 'create' ? actionData.values : {}}
          />
        </section>
      ) : null}
    </>
  );
}
