import { data, Form, Link, redirect } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { GuideInput } from '../../../../src/modules/guides/schema.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { isTopLevel, isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/edit.ts';
import { GUIDE_KINDS, KIND_KEYS } from './kinds.ts';

export const links = proceduresAdminLinks;

const NEW = 'them';
const NAMES = ['kind', 'slug', 'title', 'summary', 'body', 'procedureCodes', 'sortOrder'] as const;
type Values = Record<(typeof NAMES)[number], string> & { published: boolean };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireOfficial(context, request, 'content.edit');
  const canEdit = isTopLevel(w.auth.grants, 'content.edit');
  if (params.id === NEW) return { canEdit, guide: null };
  if (!isUuid(params.id)) failWith(404);
  const g = await orErrorPage(w.services.guides.get(w.auth, params.id));
  const values: Values = {
    kind: g.kind,
    slug: g.slug,
    title: g.title,
    summary: g.summary,
    body: g.body,
    procedureCodes: g.procedureCodes.join('\n'),
    sortOrder: String(g.sortOrder),
    published: g.published,
  };
  return { canEdit, guide: { id: g.id, title: g.title, updatedAt: formatDateTime(g.updatedAt), values } };
}

interface ActionData {
  values?: Values | undefined;
  errors: FieldErrors;
  formError?: string | undefined;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'content.edit');
  const t = translator(w.lang);
  if (params.id !== NEW && !isUuid(params.id)) failWith(404);
  const form = await request.formData();
  const intent = form.get('intent');
  const fail = (err: unknown, values?: Values) => {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields)
      return data<ActionData>({ values, errors: toFieldErrors(e.fields, w.lang) }, { status: 400 });
    if (e?.code === 'guide_slug_exists')
      return data<ActionData>({ values, errors: { slug: e.message } }, { status: 409 });
    if (e?.code === 'forbidden' || e?.code === 'not_found')
      return data<ActionData>(
        { values, errors: {}, formError: errorMessage(e, w.lang) },
        { status: e.status },
      );
    throw err;
  };
  if (intent === 'delete') {
    if (form.get('confirm') !== '1')
      return data<ActionData>({ errors: { confirm: t('pa.g.confirmRequired') } }, { status: 400 });
    try {
      await w.services.guides.remove(w.auth, w.actor, params.id);
    } catch (err) {
      return fail(err);
    }
    return redirect('/mot-cua/huong-dan?tb=deleted');
  }
  const values: Values = { ...textFields(form, NAMES), published: form.has('published') };
  const errors: FieldErrors = {};
  const order = values.sortOrder.trim();
  if (order !== '' && !/^\d{1,7}$/.test(order)) errors.sortOrder = t('pa.err.sortOrder');
  const parsed = GuideInput.safeParse({
    kind: values.kind,
    slug: values.slug,
    title: values.title,
    summary: values.summary,
    body: values.body,
    procedureCodes: values.procedureCodes.split(/[\s,;]+/).filter(Boolean),
    sortOrder: order === '' || errors.sortOrder ? 0 : Number(order),
    published: values.published,
  });
  if (!parsed.success) Object.assign(errors, { ...toFieldErrors(parsed.error.issues, w.lang), ...errors });
  if (values.kind === '') errors.kind = t('pa.g.kindRequired');
  if (!parsed.success || Object.keys(errors).length > 0)
    return data<ActionData>({ values, errors }, { status: 400 });
  try {
    const g =
      params.id === NEW
        ? await w.services.guides.create(w.auth, w.actor, parsed.data)
        : await w.services.guides.update(w.auth, w.actor, params.id, parsed.data);
    return redirect(`/mot-cua/huong-dan/${g.id}?tb=${params.id === NEW ? 'created' : 'saved'}`);
  } catch (err) {
    return fail(err, values);
  }
}

const ORDER = [
  'kind',
  'slug',
  'title',
  'summary',
  'body',
  'procedureCodes',
  'sortOrder',
  'published',
  'confirm',
];

/** /mot-cua/huong-dan/:id (`them` for a new one): write a guide, FAQ or life event; publish; delete. */
export default function GuideEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { guide, canEdit } = loaderData;
  const v: Partial<Values> = actionData?.values ?? guide?.values ?? { published: false };
  const errors = actionData?.errors ?? {};
  const title = guide ? guide.title : t('pa.g.newTitle');
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to="/mot-cua/huong-dan">{t('pa.g.back')}</Link>
      </p>
      <h1>{title}</h1>
      {guide ? <p className="muted">{t('pa.g.updatedAt', { at: guide.updatedAt })}</p> : null}
      <FlashNotice
        notices={{ created: 'pa.notice.guideCreated', saved: 'pa.notice.guideSaved' }}
        hidden={Boolean(actionData)}
      />
      {canEdit ? null : <p className="notice notice-warning">{t('pa.g.readOnly')}</p>}
      <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
      <Form method="post" className="form narrow" noValidate>
        <CsrfField />
        <SelectField
          name="kind"
          label={t('pa.g.kind')}
          options={GUIDE_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
          placeholder={t('pa.choose')}
          defaultValue={v.kind}
          error={errors.kind}
          required
        />
        <Field name="title" label={t('pa.g.title')} defaultValue={v.title} error={errors.title} required />
        <Field
          name="slug"
          label={t('pa.g.slug')}
          hint={t('pa.g.slugHint')}
          defaultValue={v.slug}
          error={errors.slug}
          spellCheck={false}
          required
        />
        <TextAreaField
          name="summary"
          label={t('pa.g.summary')}
          defaultValue={v.summary}
          error={errors.summary}
          rows={2}
        />
        <TextAreaField
          name="body"
          label={t('pa.g.body')}
          hint={t('pa.g.bodyHint')}
          defaultValue={v.body}
          error={errors.body}
          rows={10}
        />
        <TextAreaField
          name="procedureCodes"
          label={t('pa.g.procedureCodes')}
          hint={t('pa.g.procedureCodesHint')}
          defaultValue={v.procedureCodes}
          error={errors.procedureCodes}
          rows={3}
          spellCheck={false}
        />
        <Field
          name="sortOrder"
          label={t('pa.g.sortOrder')}
          defaultValue={v.sortOrder}
          error={errors.sortOrder}
          inputMode="numeric"
        />
        <CheckboxField
          name="published"
          label={t('pa.g.publish')}
          hint={t('pa.g.publishHint')}
          defaultChecked={v.published}
        />
        <SubmitButton name="intent" value="save">
          {t(guide ? 'pa.save' : 'pa.g.create')}
        </SubmitButton>
      </Form>
      {guide && canEdit ? (
        <section className="panel danger-zone" aria-labelledby="delete-title">
          <h2 id="delete-title">{t('pa.g.deleteTitle')}</h2>
          <Form method="post" className="form narrow">
            <CsrfField />
            <CheckboxField
              name="confirm"
              value="1"
              label={t('pa.g.confirm', { title: guide.title })}
              error={errors.confirm}
            />
            <SubmitButton name="intent" value="delete" variant="secondary">
              {t('pa.g.delete')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
