import { data, Form, Link, redirect } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { FORM_EXTENSIONS, FORM_MAX_BYTES } from '../../../../src/modules/procedures/forms.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { describedBy, Field, FieldFrame, fieldId } from '../../../components/Field.tsx';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { optional, textFields } from '../../../lib/forms.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/forms.ts';
import { requireCatalog } from './access.server.ts';
import { fileSize } from './size.ts';
import { ProcedureTabs } from './tabs.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  const sp = new URL(request.url).searchParams;
  const q = (sp.get('q') ?? '').slice(0, 100);
  const editCode = sp.get('sua') ?? '';
  const page = await w.services.formTemplates.list(w.auth, {
    q: optional(q),
    after: optional(sp.get('sau') ?? ''),
    limit: PAGE_SIZE,
  });
  const editing = editCode ? await orErrorPage(w.services.formTemplates.get(editCode)) : null;
  const view = (f: (typeof page.items)[number]) => ({ ...f, updatedAt: formatDateTime(f.updatedAt) });
  return {
    canEdit: w.canEdit,
    q,
    items: page.items.map(view),
    next: page.next,
    editing: editing ? view(editing) : null,
    limits: { maxBytes: FORM_MAX_BYTES, extensions: FORM_EXTENSIONS },
  };
}

interface ActionData {
  intent: string;
  values: { code: string; name: string; legalBasis: string };
  errors: FieldErrors;
  formError?: string | undefined;
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  const t = translator(w.lang);
  const form = await request.formData();
  const v = textFields(form, ['intent', 'code', 'name', 'legalBasis']);
  const values = { code: v.code.trim(), name: v.name, legalBasis: v.legalBasis };
  const refuse = (errors: FieldErrors, formError?: string, status = 400) =>
    data<ActionData>({ intent: v.intent, values, errors, formError }, { status });
  const back = (tb: string) => `/mot-cua/thu-tuc/bieu-mau?sua=${encodeURIComponent(values.code)}&tb=${tb}`;
  try {
    if (v.intent === 'upload') {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) return refuse({ file: t('pa.err.fileMissing') });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await w.services.formTemplates.upload(w.auth, w.actor, values.code, { name: file.name, bytes });
      return redirect(back('uploaded'));
    }
    const name = values.name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const errors: FieldErrors = {};
    if (!name) errors.name = t('pa.err.formName');
    else if (name.length > 500) errors.name = t('pa.err.tooLong', { n: 500 });
    if (values.legalBasis.length > 2000) errors.legalBasis = t('pa.err.tooLong', { n: 2000 });
    if (Object.keys(errors).length > 0) return refuse(errors);
    await w.services.formTemplates.save(w.auth, w.actor, {
      code: values.code,
      name,
      legalBasis: optional(values.legalBasis.trim()) ?? null,
    });
    return redirect(back('saved'));
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields) return refuse(toFieldErrors(e.fields, w.lang));
    if (e?.code === 'forbidden' || e?.code === 'not_found')
      return refuse({}, errorMessage(e, w.lang), e.status);
    throw err;
  }
}

const ORDER = ['code', 'name', 'legalBasis', 'file'];

function TemplateFields({
  mode,
  values,
  errors,
}: {
  mode: 'create' | 'edit';
  values: ActionData['values'];
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <Form method="post" className="form narrow" noValidate>
      <CsrfField />
      {mode === 'create' ? (
        <Field
          name="code"
          label={t('pa.fm.code')}
          hint={t('pa.fm.codeHint')}
          defaultValue={values.code}
          error={errors.code}
          required
        />
      ) : (
        <input type="hidden" name="code" value={values.code} />
      )}
      <Field name="name" label={t('pa.fm.name')} defaultValue={values.name} error={errors.name} required />
      <TextAreaField
        name="legalBasis"
        label={t('pa.fm.legalBasis')}
        hint={t('pa.fm.legalBasisHint')}
        defaultValue={values.legalBasis}
        error={errors.legalBasis}
        rows={2}
      />
      <SubmitButton name="intent" value="save">
        {t(mode === 'create' ? 'pa.fm.add' : 'pa.save')}
      </SubmitButton>
    </Form>
  );
}

/** /mot-cua/thu-tuc/bieu-mau: form templates (II.2.5 a–b): name, legal basis and the file to download (II.2.3). */
export default function FormTemplatesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { items, editing, canEdit, limits } = loaderData;
  const errors = actionData?.errors ?? {};
  const id = fieldId('file');
  const accept = limits.extensions.map((e) => `.${e}`).join(',');
  const fileHint = t('pa.fm.fileHint', {
    max: fileSize(limits.maxBytes),
    types: limits.extensions.map((e) => `.${e}`).join(', '),
  });
  const download = (f: { code: string; fileName: string | null }) =>
    f.fileName ? `/bieu-mau/${encodeURIComponent(f.code)}/${encodeURIComponent(f.fileName)}` : null;
  return (
    <>
      <PageTitle title={t('pa.formsTitle')} site="backoffice" />
      <h1>{t('pa.formsTitle')}</h1>
      <ProcedureTabs current="/mot-cua/thu-tuc/bieu-mau" />
      <FlashNotice
        notices={{ saved: 'pa.notice.formSaved', uploaded: 'pa.notice.formUploaded' }}
        hidden={Boolean(actionData)}
      />
      <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
      {editing && canEdit ? (
        <section className="panel" aria-labelledby="edit-form">
          <h2 id="edit-form">{t('pa.fm.editTitle', { code: editing.code })}</h2>
          <TemplateFields
            mode="edit"
            errors={actionData?.intent === 'save' ? errors : {}}
            values={
              actionData?.intent === 'save'
                ? actionData.values
                : { code: editing.code, name: editing.name, legalBasis: editing.legalBasis ?? '' }
            }
          />
          <h3>{t('pa.fm.fileTitle')}</h3>
          <p data-testid="current-file">
            {editing.fileName ? (
              <>
                {t('pa.fm.current')} <a href={download(editing) ?? ''}>{editing.fileName}</a> (
                {fileSize(editing.size ?? 0)})
              </>
            ) : (
              t('pa.fm.noFile')
            )}
          </p>
          <Form method="post" encType="multipart/form-data" className="form narrow">
            <CsrfField />
            <input type="hidden" name="code" value={editing.code} />
            <FieldFrame name="file" label={t('pa.fm.file')} hint={fileHint} error={errors.file} required>
              <input
                id={id}
                name="file"
                type="file"
                accept={accept}
                className="input"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={describedBy(id, fileHint, errors.file)}
                required
              />
            </FieldFrame>
            <SubmitButton name="intent" value="upload">
              {t('pa.fm.upload')}
            </SubmitButton>
          </Form>
          <p>
            <Link to="/mot-cua/thu-tuc/bieu-mau">{t('pa.fm.close')}</Link>
          </p>
        </section>
      ) : null}
      {canEdit && !editing ? (
        <div className="toolbar">
          <a className="button button-primary" href="#add-form">
            {t('pa.fm.addTitle')}
          </a>
        </div>
      ) : null}
      <FilterForm label={t('pa.fm.searchLabel')} clearTo="/mot-cua/thu-tuc/bieu-mau">
        <SearchField name="q" label={t('pa.fm.q')} defaultValue={loaderData.q} />
      </FilterForm>
      {items.length === 0 ? (
        <p>{t('pa.fm.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="forms">
            <caption>{t('pa.fm.caption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pa.fm.code')}</th>
                <th scope="col">{t('pa.fm.name')}</th>
                <th scope="col">{t('pa.fm.legalBasis')}</th>
                <th scope="col">{t('pa.fm.file')}</th>
                <th scope="col">{t('pa.col.updated')}</th>
                {canEdit ? <th scope="col">{t('admin.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.code} data-code={f.code}>
                  <td data-label={t('pa.fm.code')}>
                    <code className="code">{f.code}</code>
                  </td>
                  <th scope="row" data-label={t('pa.fm.name')}>
                    {f.name}
                  </th>
                  <td data-label={t('pa.fm.legalBasis')}>{f.legalBasis ?? ''}</td>
                  <td data-label={t('pa.fm.file')}>
                    {f.fileName ? (
                      <a href={download(f) ?? ''}>
                        {f.fileName} ({fileSize(f.size ?? 0)})
                      </a>
                    ) : (
                      t('pa.fm.noFileShort')
                    )}
                  </td>
                  <td data-label={t('pa.col.updated')} className="nowrap">
                    {f.updatedAt}
                  </td>
                  {canEdit ? (
                    <td data-label={t('admin.actions')}>
                      <Link to={`/mot-cua/thu-tuc/bieu-mau?sua=${encodeURIComponent(f.code)}`}>
                        {t('admin.edit')}
                        <span className="visually-hidden"> {f.code}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager param="sau" next={loaderData.next} />
      {canEdit && !editing ? (
        <section className="panel" aria-labelledby="add-form">
          <h2 id="add-form">{t('pa.fm.addTitle')}</h2>
          <TemplateFields
            mode="create"
            errors={actionData?.intent === 'save' ? errors : {}}
            values={
              actionData?.intent === 'save' ? actionData.values : { code: '', name: '', legalBasis: '' }
            }
          />
        </section>
      ) : null}
    </>
  );
}
