import { data, Form, Link } from 'react-router';
import type { ImportReport } from '../../../../src/modules/procedures/schema.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { describedBy, FieldFrame, fieldId } from '../../../components/Field.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { Route } from './+types/import.ts';
import { requireCatalog } from './access.server.ts';
import { ProcedureTabs } from './tabs.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  return { canEdit: w.canEdit, canReview: w.canReview };
}

interface ActionData {
  errors: FieldErrors;
  formError?: string | undefined;
  /** Every problem of a refused file: the record (result[i] and its code) and the field. */
  problems?: { record: string; field: string; message: string }[];
  report?: ImportReport;
  fileName?: string;
}

/** "result[3] (1.000253).TENTTHC" → the record and the field. */
function splitProblem(field: string, message: string) {
  const m = /^(result\[\d+\](?: \([^)]*\))?)\.?(.*)$/.exec(field);
  return m ? { record: m[1] ?? '', field: m[2] ?? '', message } : { record: '—', field, message };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  const t = translator(w.lang);
  const form = await request.formData();
  const file = form.get('file');
  const publish = form.get('publish') === '1';
  const refuse = (message: string) => data<ActionData>({ errors: { file: message } }, { status: 400 });
  if (!(file instanceof File) || file.size === 0) return refuse(t('pa.err.fileMissing'));
  if (!/\.json$/i.test(file.name) && !/json/.test(file.type)) return refuse(t('pa.err.notJson'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text()) as unknown;
  } catch {
    return refuse(t('pa.err.badJson'));
  }
  try {
    const report = await w.services.procedureSync.importFile(w.auth, w.actor, parsed, { publish });
    return data<ActionData>({ errors: {}, report, fileName: file.name });
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields)
      return data<ActionData>(
        {
          errors: {},
          formError: errorMessage(e, w.lang),
          problems: e.fields.map((f) => splitProblem(f.field, f.message)),
        },
        { status: 400 },
      );
    if (e?.code === 'forbidden')
      return data<ActionData>({ errors: {}, formError: errorMessage(e, w.lang) }, { status: 403 });
    throw err;
  }
}

const COUNTS: [keyof ImportReport, MessageKey][] = [
  ['total', 'pa.r.total'],
  ['created', 'pa.r.created'],
  ['updated', 'pa.r.updated'],
  ['unchanged', 'pa.r.unchanged'],
  ['published', 'pa.r.published'],
  ['flagged', 'pa.r.flagged'],
  ['fieldsCreated', 'pa.r.fieldsCreated'],
];

/** /mot-cua/thu-tuc/dong-bo: import a LayThuTuc file from the national database (all or nothing), and export. */
export default function ProceduresImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors ?? {};
  const report = actionData?.report;
  const id = fieldId('file');
  const hint = t('pa.fileHint');
  return (
    <>
      <PageTitle title={t('pa.importTitle')} site="backoffice" />
      <h1>{t('pa.importTitle')}</h1>
      <ProcedureTabs current="/mot-cua/thu-tuc/dong-bo" />
      <p className="lead">{t('pa.importIntro')}</p>
      <ErrorSummary errors={errors} order={['file']} formError={actionData?.formError} />
      {actionData?.problems ? (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="problems">
            <caption>{t('pa.problemsCaption', { n: actionData.problems.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pa.p.record')}</th>
                <th scope="col">{t('pa.p.field')}</th>
                <th scope="col">{t('pa.p.message')}</th>
              </tr>
            </thead>
            <tbody>
              {actionData.problems.map((p, i) => (
                <tr key={i}>
                  <th scope="row" data-label={t('pa.p.record')}>
                    {p.record}
                  </th>
                  <td data-label={t('pa.p.field')}>
                    <code>{p.field || '—'}</code>
                  </td>
                  <td data-label={t('pa.p.message')}>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report ? (
        <section className="panel" aria-labelledby="report-title" data-testid="report">
          <h2 id="report-title">{t('pa.reportTitle', { file: actionData.fileName ?? '' })}</h2>
          <dl className="stat-list">
            {COUNTS.map(([k, label]) => (
              <div key={k} data-testid={`r-${k}`}>
                <dt>{t(label)}</dt>
                <dd>{String(report[k] as number)}</dd>
              </div>
            ))}
          </dl>
          {report.flagged > 0 ? (
            <p>
              <Link to="/mot-cua/thu-tuc?trang-thai=flagged">{t('pa.r.seeFlagged')}</Link>
            </p>
          ) : null}
          {report.leftAsDraft.length > 0 ? (
            <>
              <h3>{t('pa.r.leftAsDraft', { n: report.leftAsDraft.length })}</h3>
              <ul data-testid="left-as-draft">
                {report.leftAsDraft.map((d) => (
                  <li key={d.code}>
                    <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(d.code)}`}>{d.code}</Link>:{' '}
                    {d.issues.map((i) => i.message).join('; ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {loaderData.canEdit ? (
        <Form method="post" encType="multipart/form-data" className="form narrow">
          <CsrfField />
          <FieldFrame name="file" label={t('pa.file')} hint={hint} error={errors.file} required>
            <input
              id={id}
              name="file"
              type="file"
              accept=".json,application/json"
              className="input"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describedBy(id, hint, errors.file)}
              required
            />
          </FieldFrame>
          {loaderData.canReview ? (
            <CheckboxField
              name="publish"
              value="1"
              label={t('pa.publishComplete')}
              hint={t('pa.publishCompleteHint')}
            />
          ) : null}
          <SubmitButton>{t('pa.importSubmit')}</SubmitButton>
        </Form>
      ) : (
        <p className="notice notice-warning">{t('pa.importReadOnly')}</p>
      )}
      <h2>{t('pa.exportTitle')}</h2>
      <p>{t('pa.exportHelp')}</p>
      <ul>
        <li>
          <a href="/mot-cua/thu-tuc/xuat" download>
            {t('pa.exportPublished')}
          </a>
        </li>
        <li>
          <a href="/mot-cua/thu-tuc/xuat?drafts=true" download>
            {t('pa.exportDrafts')}
          </a>
        </li>
      </ul>
    </>
  );
}
