import { Link } from 'react-router';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/index.ts';
import { DueBadge } from './DueBadge.tsx';
import { statusKey, statusTone } from './labels.ts';
import type { RowView } from './list.server.ts';

/** One page of dossiers: code (the link), procedure, applicant, status, step and holder, due times, receipt. */
export function DossierTable({ rows, caption }: { rows: readonly RowView[]; caption: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="data-table stack ds-table" data-testid="dossiers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ds.col.code')}</th>
            <th scope="col">{t('ds.col.procedure')}</th>
            <th scope="col">{t('ds.col.applicant')}</th>
            <th scope="col">{t('ds.col.status')}</th>
            <th scope="col">{t('ds.col.step')}</th>
            <th scope="col">{t('ds.col.due')}</th>
            <th scope="col">{t('ds.col.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-code={r.code} data-due={r.due}>
              <th scope="row" data-label={t('ds.col.code')}>
                <Link to={`/mot-cua/ho-so/${r.id}`} className="ds-code">
                  {r.code}
                </Link>
              </th>
              <td data-label={t('ds.col.procedure')}>
                <div>
                  {r.procedureName} <span className="muted">({r.procedureCode})</span>
                </div>
              </td>
              <td data-label={t('ds.col.applicant')}>
                <div>
                  {r.applicantName}
                  {r.applicantOrg ? (
                    <>
                      <br />
                      <span className="muted">{r.applicantOrg}</span>
                    </>
                  ) : null}
                </div>
              </td>
              <td data-label={t('ds.col.status')}>
                <StatusBadge tone={statusTone(r.status)}>{t(statusKey(r.status))}</StatusBadge>
              </td>
              <td data-label={t('ds.col.step')}>
                <div>
                  {r.stepName}
                  <br />
                  <span className="muted">{r.holderName ?? t('ds.noHolder')}</span>
                </div>
              </td>
              <td data-label={t('ds.col.due')}>
                <div className="ds-due-cell">
                  <DueBadge due={r.due} />
                  {r.appointmentAt ? (
                    <span className="nowrap">{t('ds.appointmentShort', { at: r.appointmentAt })}</span>
                  ) : null}
                  {r.stepDueAt ? (
                    <span className="nowrap">{t('ds.stepDueShort', { at: r.stepDueAt })}</span>
                  ) : null}
                </div>
              </td>
              <td data-label={t('ds.col.received')} className="nowrap">
                {r.receivedAt ?? t('ds.submittedShort', { at: r.submittedAt })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
