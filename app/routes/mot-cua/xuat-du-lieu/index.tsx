import { useEffect } from 'react';
import { data, redirect, useRevalidator } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { EXPORT_TTL_DAYS } from '../../../../src/modules/exports/columns.ts';
import type { ExportFormat } from '../../../../src/modules/exports/columns.ts';
import { EXPORT_KINDS } from '../../../../src/modules/exports/schema.ts';
import type { ExportKindName, ExportView } from '../../../../src/modules/exports/schema.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError } from '../../../lib/errors.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/index.ts';
import { CRITERIA } from './criteria.server.ts';
import { EXPORTS_PATH } from './ExportForm.tsx';

export const links = adminDataLinks;

const pending = (e: { status: string }) => e.status === 'queued' || e.status === 'running';

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireOfficial(context, request);
  const items = await w.services.exports.list(w.auth);
  const asked = new URL(request.url).searchParams.get('moi');
  return {
    justQueued: items.some((e) => e.id === asked),
    items: items.map((e: ExportView) => ({
      id: e.id,
      kind: e.kind,
      format: e.format,
      status: e.status,
      rowsDone: e.rowsDone,
      rowsTotal: e.rowsTotal,
      fileName: e.fileName,
      error: e.error,
      createdAt: formatDateTime(e.createdAt),
    })),
  };
}

/**
 * POST from a list's "Xuất danh sách" form: the kind of list, its criteria (read as the list page
 * reads them) and the format → a queued export. The kind's own check refuses what the caller may not
 * list (403), in their partition only.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request);
  const t = translator(w.lang);
  const form = await request.formData();
  const sp = new URLSearchParams();
  for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') sp.set(k, v);
  const kind = (EXPORT_KINDS as readonly string[]).includes(sp.get('kind') ?? '')
    ? (sp.get('kind') as ExportKindName)
    : 'dossiers';
  const read = CRITERIA[kind];
  if (!read) failWith(400);
  const filter = await read(w, sp);
  if (!filter) return data({ formError: t('exp.err.criteria') }, 400);
  try {
    const made = await w.services.exports.request(w.auth, w.actor, {
      kind,
      format: sp.get('format') as ExportFormat,
      filter,
    });
    return redirect(`${EXPORTS_PATH}?moi=${made.id}`);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'forbidden') failWith(403, 'permission');
    if (e?.code !== 'validation_failed') throw err;
    const formatWrong = e.fields?.some((f) => f.field === 'format') ?? false;
    return data({ formError: t(formatWrong ? 'exp.err.format' : 'exp.err.criteria') }, 400);
  }
}

/** Keeps the page current while an export is being made (every 2 s, only with JavaScript). */
function useRefreshWhile(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

/**
 * Rows written so far, against the estimate when there is one (an indeterminate bar without); a
 * finished export is a full bar, a failed one has none.
 */
function Progress(e: { format: string; status: string; rowsDone: number; rowsTotal: number | null }) {
  const t = useT();
  const known = e.rowsTotal !== null && e.rowsTotal > 0 && e.rowsDone <= e.rowsTotal && e.status !== 'done';
  const rows = known
    ? t('exp.rowsOf', { done: e.rowsDone, total: e.rowsTotal ?? 0 })
    : t('exp.rows', { done: e.rowsDone });
  if (e.status === 'failed') return <>{rows}</>;
  const max = e.status === 'done' ? Math.max(e.rowsDone, 1) : known ? (e.rowsTotal ?? undefined) : undefined;
  const value = e.status === 'done' ? max : known ? e.rowsDone : undefined;
  return (
    <>
      <progress aria-label={t('exp.progressLabel', { format: e.format })} max={max} value={value} /> {rows}
    </>
  );
}

/** /mot-cua/xuat-du-lieu: the official's exports with status, progress and the download link (V.20). */
export default function Exports({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { items } = loaderData;
  const busy = items.some(pending);
  useRefreshWhile(busy);
  return (
    <>
      <PageTitle title={t('exp.title')} site="backoffice" />
      <h1>{t('exp.title')}</h1>
      <ErrorSummary order={[]} formError={actionData?.formError} />
      {loaderData.justQueued ? <Notice kind="success">{t('exp.queued')}</Notice> : null}
      <p>{t('exp.intro', { days: EXPORT_TTL_DAYS })}</p>
      {busy ? (
        <p className="no-print">
          <a href={EXPORTS_PATH} data-testid="reload">
            {t('exp.reload')}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p data-testid="no-exports">{t('exp.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="exports">
            <caption>{t('exp.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exp.kind')}</th>
                <th scope="col">{t('exp.format')}</th>
                <th scope="col">{t('exp.createdAt')}</th>
                <th scope="col">{t('exp.status')}</th>
                <th scope="col">{t('exp.progress')}</th>
                <th scope="col">{t('exp.file')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-status={e.status}>
                  <td data-label={t('exp.kind')}>{t(`exp.kind.${e.kind}` as MessageKey)}</td>
                  <td data-label={t('exp.format')}>.{e.format}</td>
                  <td data-label={t('exp.createdAt')}>{e.createdAt}</td>
                  <td data-label={t('exp.status')}>
                    {t(`exp.status.${e.status}` as MessageKey)}
                    {e.error ? <span className="field-hint"> — {e.error}</span> : null}
                  </td>
                  <td data-label={t('exp.progress')}>
                    <Progress {...e} />
                  </td>
                  <td data-label={t('exp.file')}>
                    {e.status === 'done' && e.fileName ? (
                      <a href={`${EXPORTS_PATH}/${e.id}/tep`} download={e.fileName}>
                        {t('exp.download', { name: e.fileName })}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
