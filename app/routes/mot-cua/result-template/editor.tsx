import { data, Form, Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { requireCatalog } from '../thu-tuc/access.server.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/editor.ts';
import { Placeholders } from './Placeholders.tsx';
import css from './result-template.css?url';
import { templateAction } from './template-form.server.ts';
import type { TemplateActionData, TemplateValues } from './template-form.server.ts';

export const links = () => [...proceduresAdminLinks(), { rel: 'stylesheet', href: css }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const [p, current] = await orErrorPage(
    Promise.all([
      w.services.procedures.get(w.auth, params.code),
      w.services.resultTemplates.current(w.auth, params.code),
    ]),
  );
  return {
    code: p.code,
    name: p.name,
    canEdit: w.canEdit,
    version: current.version,
    updatedAt: current.updatedAt ? formatDateTime(current.updatedAt) : null,
    template: current.template,
    placeholders: current.placeholders,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  if (!w.canEdit) failWith(403, 'permission');
  const out = await templateAction(w, request, params.code);
  if (out instanceof Response) return out;
  return data<TemplateActionData>(out.body, { status: out.status });
}

const ORDER = ['title', 'body', 'signerTitle', 'signerName', 'dossierCode'] as const;

/** The checked template's values, posted again as hidden fields to download the preview PDF. */
function PreviewDownload({ path, values }: { path: string; values: TemplateValues }) {
  const t = useT();
  return (
    <form method="post" action={path} data-testid="preview-download">
      <CsrfField />
      {ORDER.map((name) => (
        <input key={name} type="hidden" name={name} value={values[name]} />
      ))}
      <Notice kind="success">
        <p>{t('rt.previewReady')}</p>
        <button type="submit" className="button button-secondary">
          {t('rt.previewDownload')}
        </button>
      </Notice>
    </form>
  );
}

/**
 * /mot-cua/thu-tuc/:code/mau-ket-qua: the procedure's result template (II.2.5 c). A province editor
 * writes the title, the body with placeholders (listed, to copy or insert), the signer; previews it
 * as PDF with sample data or a dossier's; saves a new version. Others who manage procedures read it.
 */
export default function ResultTemplatePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { code, name, canEdit, version } = loaderData;
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(code)}/mau-ket-qua`;
  const v = actionData?.values ?? { ...loaderData.template, dossierCode: '', baseVersion: String(version) };
  const errors = actionData?.errors ?? {};
  const title = t('rt.title', { name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(code)}`}>{t('rt.back', { code })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead" data-testid="current-version">
        {version === 0
          ? t('rt.starterInUse')
          : t('rt.versionInUse', { n: version, at: loaderData.updatedAt ?? '' })}
      </p>
      <FlashNotice notices={{ saved: 'rt.notice.saved' }} hidden={Boolean(actionData)} />
      {canEdit ? null : <Notice>{t('rt.readOnly')}</Notice>}
      <ErrorSummary errors={errors} order={ORDER} formError={actionData?.formError} />
      {actionData?.conflict ? (
        <p>
          <a href={self}>{t('rt.reload')}</a>
        </p>
      ) : null}
      {actionData?.previewReady ? <PreviewDownload path={`${self}/xem-truoc.pdf`} values={v} /> : null}
      <Form method="post" className="rt-grid" data-testid="template-form">
        <CsrfField />
        <input type="hidden" name="baseVersion" value={v.baseVersion} />
        <Field
          name="title"
          label={t('rt.f.title')}
          hint={t('rt.f.titleHint')}
          defaultValue={v.title}
          error={errors.title}
          required
        />
        <TextAreaField
          name="body"
          label={t('rt.f.body')}
          hint={t('rt.f.bodyHint')}
          defaultValue={v.body}
          error={errors.body}
          rows={14}
          required
        />
        <Field
          name="signerTitle"
          label={t('rt.f.signerTitle')}
          defaultValue={v.signerTitle}
          error={errors.signerTitle}
          required
        />
        <Field
          name="signerName"
          label={t('rt.f.signerName')}
          hint={t('rt.f.signerNameHint')}
          defaultValue={v.signerName}
          error={errors.signerName}
          autoComplete="off"
        />
        {canEdit ? (
          <>
            <Field
              name="dossierCode"
              label={t('rt.f.dossierCode')}
              hint={t('rt.f.dossierCodeHint')}
              defaultValue={v.dossierCode}
              error={errors.dossierCode}
              autoComplete="off"
              spellCheck={false}
            />
            <div className="actions">
              <SubmitButton name="intent" value="preview" variant="secondary">
                {t('rt.preview')}
              </SubmitButton>
              <SubmitButton name="intent" value="save">
                {t('rt.save')}
              </SubmitButton>
            </div>
          </>
        ) : null}
      </Form>
      <Placeholders items={loaderData.placeholders} canEdit={canEdit} />
    </>
  );
}
