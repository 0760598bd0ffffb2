import { useSearchParams } from 'react-router';
import { Notice } from '../../../components/Notice.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { SummaryList } from '../../../components/SummaryList.tsx';
import { useT } from '../../../i18n/index.ts';
import type { DossierView } from './dossier-view.server.ts';
import { DueBadge } from './DueBadge.tsx';
import { actionWord, CHANNEL_KEYS, statusKey, statusTone } from './labels.ts';

/** The notice after Post/Redirect/Get: the receipt's decision, or the action just taken (the newest history entry). */
function Done({ dossier: d }: { dossier: DossierView }) {
  const t = useT();
  const [params] = useSearchParams();
  const tb = params.get('tb');
  const last = d.history.at(-1);
  if (tb === 'accept')
    return (
      <Notice kind="success">
        {t('ds.tb.accept', { code: d.code, at: d.appointmentAt ?? t('ds.d.noAppointment') })}
      </Notice>
    );
  if (tb === 'request_supplement' || tb === 'refuse')
    return <Notice kind="success">{t(`ds.tb.${tb}`, { code: d.code })}</Notice>;
  if (tb === 'done' && last)
    return (
      <Notice kind="success">
        {t('ds.tb.done', { what: actionWord(t, last.action, last.actionLabel) })}
      </Notice>
    );
  return null;
}

/**
 * The head of the dossier page: code, status (a word in a badge), how near its due time it is, and the
 * lines Annex I requires with the status (agency, position, handler, due date, reason…).
 */
export function DossierHeader({ dossier: d, notice }: { dossier: DossierView; notice: boolean }) {
  const t = useT();
  const channel = CHANNEL_KEYS[d.channel];
  return (
    <>
      <div className="ds-head">
        <h1>
          <span className="visually-hidden">{t('ds.d.codeLabel')} </span>
          <span className="ds-code" data-testid="dossier-code">
            {d.code}
          </span>
        </h1>
        <span data-testid="dossier-status">
          <StatusBadge tone={statusTone(d.status)}>{t(statusKey(d.status))}</StatusBadge>
        </span>
        {d.appointmentAt && !d.returnedAt ? <DueBadge due={d.due} /> : null}
      </div>
      <p className="lead">
        {d.procedureName} <span className="muted">({d.procedureCode})</span>
      </p>
      {notice ? <Done dossier={d} /> : null}
      {d.annexLines.length ? (
        <ul className="ds-annex" data-testid="annex-lines" aria-label={t('ds.d.annex')}>
          {d.annexLines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      ) : null}
      <SummaryList
        items={[
          { label: t('ds.d.appointment'), value: d.appointmentAt, testId: 'appointment' },
          { label: t('ds.d.stepDue'), value: d.stepDueAt },
          { label: t('ds.d.step'), value: d.stepName },
          {
            label: t('ds.d.holder'),
            value: [d.holderName, d.holderDepartment, d.holderAgencyName].filter(Boolean).join(', '),
          },
          { label: t('ds.d.agency'), value: d.agencyName },
          { label: t('ds.d.channel'), value: channel ? t(channel) : d.channel },
          { label: t('ds.d.submitted'), value: d.submittedAt },
          { label: t('ds.d.received'), value: d.receivedAt },
          ...(d.completedAt ? [{ label: t('ds.d.completed'), value: d.completedAt }] : []),
          ...(d.returnedAt ? [{ label: t('ds.d.returned'), value: d.returnedAt }] : []),
        ]}
      />
    </>
  );
}
