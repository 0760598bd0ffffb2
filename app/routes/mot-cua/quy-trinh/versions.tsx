import { data, Form, Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { describedBy, FieldFrame, fieldId } from '../../../components/Field.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { VERSION_STATUS_KEYS } from '../../../components/process/labels.ts';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/versions.ts';
import { requireProcesses } from './access.server.ts';
import { versionsAction } from './versions-action.server.ts';
import type { VersionsActionData } from './versions-action.server.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireProcesses(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const p = await orErrorPage(w.services.procedures.get(w.auth, params.code));
  const [versions, editable] = await Promise.all([
    w.services.processes.listForProcedure(w, p.code),
    w.canEdit ? w.services.org.agencyOptions(w.auth, 'procedures.edit') : Promise.resolve([]),
  ]);
  // Variants are offered for the agencies that carry the procedure out, when the catalog names them.
  const carrying = new Set(p.agencies.map((a) => a.id));
  const agencies = (carrying.size ? editable.filter((a) => carrying.has(a.id)) : editable).map((a) => ({
    value: a.id,
    label: carrying.size ? a.name : a.label,
  }));
  const editableIds = new Set(editable.map((a) => a.id));
  return {
    code: p.code,
    name: p.name,
    canEdit: w.canEdit,
    canEditShared: w.canEditShared,
    agencies,
    versions: versions.map((v) => ({
      ...v,
      editable: v.agencyId === null ? w.canEditShared : editableIds.has(v.agencyId),
      updatedAt: formatDateTime(v.updatedAt),
      publishedAt: v.publishedAt ? formatDateTime(v.publishedAt) : null,
    })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireProcesses(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const out = await versionsAction(w, request, params.code);
  if (out instanceof Response) return out;
  return data<VersionsActionData>(out.body, { status: out.status });
}

const NOTICES: Record<string, MessageKey> = { discarded: 'pr.notice.discarded' };

/**
 * /mot-cua/thu-tuc/:code/quy-trinh: the processes of one procedure (TT 22/2019 II.3.1): the default
 * and each agency's, every version with its state; create a draft, import or export a JSON file.
 */
export default function ProcessVersions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { code, name, versions, canEdit, canEditShared } = loaderData;
  const title = t('pr.versionsTitle', { name });
  const agencyOptions = [
    ...(canEditShared ? [{ value: '', label: t('pr.shared') }] : []),
    ...loaderData.agencies,
  ];
  const fromOptions = versions.map((v) => ({
    value: v.id,
    label: `${v.agencyName ?? t('pr.shared')}: ${t('pr.versionN', { n: v.version })} (${t(VERSION_STATUS_KEYS[v.status])})`,
  }));
  const create = actionData?.intent === 'create' ? actionData : undefined;
  const imp = actionData?.intent === 'import' ? actionData : undefined;
  const fileId = fieldId('file');
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(code)}`}>{t('pr.backToProcedure', { code })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('pr.versionsIntro')}</p>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      {versions.length === 0 ? (
        <p data-testid="no-versions">{t('pr.noVersions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="process-versions">
            <caption>{t('pr.versionsCaption', { n: versions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pr.col.version')}</th>
                <th scope="col">{t('pr.col.agency')}</th>
                <th scope="col">{t('pr.col.status')}</th>
                <th scope="col">{t('pr.col.updated')}</th>
                <th scope="col">{t('pr.col.published')}</th>
                <th scope="col">{t('pr.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-status={v.status}>
                  <th scope="row" data-label={t('pr.col.version')}>
                    <Link to={`/mot-cua/quy-trinh/${v.id}`}>
                      {t(v.status === 'draft' && v.editable ? 'pr.design' : 'pr.view', { n: v.version })}
                    </Link>
                  </th>
                  <td data-label={t('pr.col.agency')}>{v.agencyName ?? t('pr.shared')}</td>
                  <td data-label={t('pr.col.status')}>
                    <span
                      className={`badge ${v.status === 'published' ? 'badge-ok' : v.status === 'draft' ? 'badge-info' : 'badge-off'}`}
                    >
                      {t(VERSION_STATUS_KEYS[v.status])}
                    </span>
                  </td>
                  <td data-label={t('pr.col.updated')} className="nowrap">
                    {v.updatedAt}
                  </td>
                  <td data-label={t('pr.col.published')} className="nowrap">
                    {v.publishedAt ?? '—'}
                  </td>
                  <td data-label={t('pr.col.actions')}>
                    <a href={`/mot-cua/quy-trinh/${v.id}/xuat`} download>
                      {t('pr.exportOf', { n: v.version })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && agencyOptions.length > 0 ? (
        <>
          <section className="panel" aria-labelledby="new-title">
            <h2 id="new-title">{t('pr.newTitle')}</h2>
            <ErrorSummary errors={create?.errors} order={[]} formError={create?.formError} />
            <Form method="post" className="form narrow">
              <CsrfField />
              <SelectField
                name="agency"
                label={t('pr.f.agency')}
                hint={canEditShared ? t('pr.f.agencyHint') : undefined}
                options={agencyOptions}
                markOptional={false}
              />
              <SelectField
                name="from"
                label={t('pr.f.startFrom')}
                options={fromOptions}
                placeholder={t('pr.f.fromBlank')}
                markOptional={false}
              />
              <SubmitButton name="intent" value="create">
                {t('pr.create')}
              </SubmitButton>
            </Form>
          </section>
          <section className="panel" aria-labelledby="import-title">
            <h2 id="import-title">{t('pr.importTitle')}</h2>
            <p>{t('pr.importHelp')}</p>
            <ErrorSummary errors={imp?.errors} order={['file']} formError={imp?.formError} />
            {imp?.problems ? (
              <ul data-testid="import-problems">
                {imp.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.field}</code>: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
            <Form method="post" encType="multipart/form-data" className="form narrow">
              <CsrfField />
              <SelectField
                name="importAgency"
                label={t('pr.f.agency')}
                options={agencyOptions}
                markOptional={false}
              />
              <FieldFrame
                name="file"
                label={t('pr.f.file')}
                hint={t('pr.f.fileHint')}
                error={imp?.errors.file}
                required
              >
                <input
                  id={fileId}
                  name="file"
                  type="file"
                  accept=".json,application/json"
                  className="input"
                  aria-invalid={imp?.errors.file ? true : undefined}
                  aria-describedby={describedBy(fileId, t('pr.f.fileHint'), imp?.errors.file)}
                  required
                />
              </FieldFrame>
              <SubmitButton name="intent" value="import">
                {t('pr.import')}
              </SubmitButton>
            </Form>
          </section>
        </>
      ) : (
        <p className="notice">{t('pr.readOnly')}</p>
      )}
    </>
  );
}
