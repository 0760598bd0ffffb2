import { data, Form, Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/procedure.ts';
import { requireCatalog } from './access.server.ts';
import { withAnchors } from './editor-paths.ts';
import { TextArea } from './inputs.tsx';
import { ATTR_KEYS, CHANNEL_KEYS } from './labels.ts';
import { publishOrWithdraw } from './procedure-action.server.ts';
import type { ProcedureActionData } from './procedure-action.server.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { ContentIssues, ContentView, StatusBadges } from './ProcedureParts.tsx';
import { proceduresAdminLinks } from './styles.ts';
import { processDiagramLinks } from '../../../components/process/styles.ts';
import { ProcessSection } from '../quy-trinh/ProcessSection.tsx';
import { processInForce } from '../quy-trinh/in-force.server.ts';

export const links = () => [...proceduresAdminLinks(), ...processDiagramLinks()];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const p = await orErrorPage(w.services.procedures.get(w.auth, params.code));
  const [history, fields, process] = await Promise.all([
    w.services.procedures.history(w.auth, p.code),
    w.services.procedureFields.list(w.auth),
    processInForce(w, p.code),
  ]);
  const fieldName = (code: string) => fields.find((f) => f.code === code)?.name ?? code;
  const changed = p.published
    ? (Object.keys(p.content) as (keyof typeof p.content)[]).filter(
        (k) => JSON.stringify(p.content[k]) !== JSON.stringify(p.published?.[k]),
      )
    : [];
  return {
    canEdit: w.canEdit,
    canReview: w.canReview,
    p: {
      code: p.code,
      slug: p.slug,
      name: p.name,
      status: p.status,
      hasChanges: p.hasChanges,
      flagCount: p.flagCount,
      version: p.version,
      publications: p.publications,
      publishedAt: p.publishedAt ? formatDateTime(p.publishedAt) : null,
      updatedAt: formatDateTime(p.updatedAt),
      source: p.source,
      content: p.content,
      published: p.published,
      fieldName: fieldName(p.content.fieldCode),
      publishedFieldName: p.published ? fieldName(p.published.fieldCode) : '',
      agencies: p.agencies,
    },
    changed,
    flags: withAnchors(p.content, p.flags),
    issues: withAnchors(p.content, p.publicationIssues),
    history: history.map((h) => ({ ...h, at: formatDateTime(h.at) })),
    process,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const out = await publishOrWithdraw(w, request, params.code);
  if (out instanceof Response) return out;
  return data<ProcedureActionData>(out.body, { status: out.status });
}

const NOTICES: Record<string, MessageKey> = {
  created: 'pa.notice.created',
  saved: 'pa.notice.saved',
  published: 'pa.notice.published',
  withdrawn: 'pa.notice.withdrawn',
  agencies: 'pa.notice.agencies',
};

/** /mot-cua/thu-tuc/:code: the working copy against the published one, publication, and the history. */
export default function ProcedurePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { p, canEdit, canReview, changed } = loaderData;
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(p.code)}`;
  const errors = actionData?.errors ?? {};
  const canPublish = p.status !== 'published' || p.hasChanges;
  return (
    <>
      <PageTitle title={`${p.code} ${p.name}`} site="backoffice" />
      <p>
        <Link to="/mot-cua/thu-tuc">{t('pa.backToList')}</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="proc-head">
        <code>{p.code}</code>{' '}
        <StatusBadges status={p.status} hasChanges={p.hasChanges} flagCount={p.flagCount} />
      </p>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      <ErrorSummary
        errors={errors}
        order={['publishNote', 'withdrawNote']}
        formError={actionData?.formError}
      />
      {actionData?.missing ? (
        <ul className="missing" data-testid="missing">
          {actionData.missing.map((m) => (
            <li key={m.field}>
              {canEdit ? <a href={`${self}/sua#f-${m.anchor}`}>{m.message}</a> : m.message}
            </li>
          ))}
        </ul>
      ) : null}
      {actionData?.conflict ? (
        <p>
          <a href={self}>{t('pa.conflictReloadPage')}</a>
        </p>
      ) : null}
      <div className="toolbar">
        {canEdit ? (
          <Link className="button button-primary" to={`${self}/sua`}>
            {t('pa.edit')}
          </Link>
        ) : null}
        <Link to={`${self}/co-quan`}>{t('pa.agenciesLink', { n: p.agencies.length })}</Link>
        <Link to={`${self}/quy-trinh`}>{t('pr.bo.link')}</Link>
        <Link to={`${self}/to-khai`}>{t('ed.link')}</Link>
        <Link to={`${self}/mau-ket-qua`}>{t('rt.link')}</Link>
        {p.status === 'published' ? <a href={`/thu-tuc-hanh-chinh/${p.slug}`}>{t('pa.publicPage')}</a> : null}
      </div>
      <dl className="summary-list" data-testid="summary">
        {(
          [
            ['pa.col.field', p.fieldName],
            ['pa.d.version', String(p.version)],
            ['pa.d.publications', String(p.publications)],
            ['pa.d.publishedAt', p.publishedAt ?? '—'],
            ['pa.col.updated', p.updatedAt],
            ['pa.d.source', t(p.source === 'national' ? 'pa.source.national' : 'pa.source.local')],
            [
              'pa.d.agencies',
              p.agencies
                .map((a) => `${a.name} (${a.channels.map((c) => t(CHANNEL_KEYS[c])).join(', ')})`)
                .join('; ') || '—',
            ],
          ] as [MessageKey, string][]
        ).map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd className="break">{v}</dd>
          </div>
        ))}
      </dl>
      <ContentIssues
        flags={loaderData.flags}
        issues={loaderData.issues}
        editPath={canEdit ? `${self}/sua` : null}
      />
      {canReview ? (
        <section className="panel" aria-labelledby="review-title">
          <h2 id="review-title">{t('pa.reviewTitle')}</h2>
          {canPublish ? (
            <Form method="post" className="form narrow">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <TextArea
                name="publishNote"
                label={t('pa.f.publishNote')}
                defaultValue={actionData?.values.publishNote}
                error={errors.publishNote}
                markOptional
              />
              <SubmitButton name="intent" value="publish">
                {t('pa.publish')}
              </SubmitButton>
            </Form>
          ) : (
            <p>{t('pa.nothingToPublish')}</p>
          )}
          {p.status === 'published' ? (
            <Form method="post" className="form narrow">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <TextArea
                name="withdrawNote"
                label={t('pa.f.withdrawNote')}
                hint={t('pa.f.withdrawNoteHint')}
                defaultValue={actionData?.values.withdrawNote}
                error={errors.withdrawNote}
                required
              />
              <SubmitButton name="intent" value="withdraw" variant="secondary">
                {t('pa.withdraw')}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
      <h2>{t('pa.workingCopy')}</h2>
      {p.published && p.hasChanges ? (
        <p data-testid="changed">
          {t('pa.changedFields', {
            fields: changed.map((k) => (ATTR_KEYS[k] ? t(ATTR_KEYS[k]) : k)).join(', ') || '—',
          })}
        </p>
      ) : null}
      <ContentView content={p.content} fieldName={p.fieldName} />
      {p.published && p.hasChanges ? (
        <details className="published-copy">
          <summary>{t('pa.showPublished')}</summary>
          <ContentView content={p.published} fieldName={p.publishedFieldName} />
        </details>
      ) : null}
      <ProcessSection process={loaderData.process} versionsPath={`${self}/quy-trinh`} />
      <h2 id="history">{t('pa.historyTitle')}</h2>
      <HistoryTable code={p.code} rows={loaderData.history} />
    </>
  );
}
