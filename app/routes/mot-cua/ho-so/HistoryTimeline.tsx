import { DOSSIER_STATUSES } from '../../../../src/domain/dossier-status.ts';
import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';
import { useT } from '../../../i18n/index.ts';
import type { DossierView } from './dossier-view.server.ts';
import { actionWord, fileUrl, statusKey } from './labels.ts';

const isStatus = (s: string | null): s is DossierStatus =>
  s !== null && (DOSSIER_STATUSES as readonly string[]).includes(s);

/**
 * The dossier's history (II.18.1), oldest first: when, who, what, the status and the step before and
 * after, who holds it next, the reason and the files of each action.
 */
export function HistoryTimeline({ history }: { history: DossierView['history'] }) {
  const t = useT();
  const status = (s: string | null, label: string) => (isStatus(s) ? t(statusKey(s)) : label);
  const stepNames = new Map(history.map((h) => [h.toStep, h.toStepName]));
  return (
    <section className="ds-section" aria-labelledby="history-title">
      <h2 id="history-title">{t('ds.d.history')}</h2>
      <ol className="ds-timeline" data-testid="history">
        {history.map((h) => {
          const fromStep = h.fromStep ? (stepNames.get(h.fromStep) ?? h.fromStep) : null;
          return (
            <li key={h.seq} data-action={h.action}>
              <div className="ds-event-head">{actionWord(t, h.action, h.actionLabel)}</div>
              <div className="ds-event-meta">{t('ds.h.by', { who: h.actorName, at: h.at })}</div>
              <div>
                {h.fromStatus && h.fromStatus !== h.toStatus
                  ? t('ds.h.status', {
                      from: status(h.fromStatus, h.fromStatus),
                      to: status(h.toStatus, h.toStatusLabel),
                    })
                  : t('ds.h.statusSame', { to: status(h.toStatus, h.toStatusLabel) })}
              </div>
              <div>
                {fromStep && fromStep !== h.toStepName
                  ? t('ds.h.step', { from: fromStep, to: h.toStepName })
                  : t('ds.h.stepSame', { to: h.toStepName })}
                {h.toHolderName ? `; ${t('ds.h.holder', { who: h.toHolderName })}` : ''}
              </div>
              {h.reason ? <div>{t('ds.h.reason', { reason: h.reason })}</div> : null}
              {h.files.length ? (
                <ul className="ds-files">
                  {h.files.map((f) => (
                    <li key={f.id}>
                      <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                        {t('ds.files.preview', { name: f.fileName })}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
