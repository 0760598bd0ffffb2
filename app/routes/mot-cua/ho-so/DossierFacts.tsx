import { SummaryList } from '../../../components/SummaryList.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { DossierView } from './dossier-view.server.ts';
import { COPY_TYPE_KEYS, fileUrl, formatSize, formatVnd } from './labels.ts';

const FILE_KINDS = ['component', 'supplement', 'result', 'other'];

/** What the dossier holds: the applicant, the request, the components received, the files and the result delivery. */
export function DossierFacts({ dossier: d }: { dossier: DossierView }) {
  const t = useT();
  const a = d.applicant;
  return (
    <>
      <section className="ds-section" aria-labelledby="applicant-title">
        <h2 id="applicant-title">{t('ds.d.applicant')}</h2>
        <SummaryList
          items={[
            { label: t('ds.r.fullName'), value: a.fullName, testId: 'applicant-name' },
            ...(a.orgName ? [{ label: t('ds.r.orgName'), value: a.orgName }] : []),
            { label: t('ds.r.idNumber'), value: a.idNumber },
            { label: t('ds.r.phone'), value: a.phone },
            { label: t('ds.r.email'), value: a.email },
            { label: t('ds.r.address'), value: a.address },
            { label: t('ds.r.summary'), value: d.summary },
          ]}
        />
        {d.statusReason || d.missingItems.length ? (
          <div className="notice notice-warning" data-testid="status-reason">
            {d.statusReason ? <p>{t('ds.d.reason', { reason: d.statusReason })}</p> : null}
            {d.missingItems.length ? (
              <>
                <p>{t('ds.d.missing')}</p>
                <ul>
                  {d.missingItems.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <section className="ds-section" aria-labelledby="components-title">
        <h2 id="components-title">{t('ds.d.components')}</h2>
        {d.components.length === 0 ? (
          <p>{t('ds.d.noComponents')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table stack">
              <caption className="visually-hidden">{t('ds.d.components')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ds.r.col.component')}</th>
                  <th scope="col">{t('ds.r.col.copyType')}</th>
                  <th scope="col" className="num">
                    {t('ds.r.col.count')}
                  </th>
                  <th scope="col">{t('ds.r.col.received')}</th>
                </tr>
              </thead>
              <tbody>
                {d.components.map((c, i) => (
                  <tr key={i}>
                    <th scope="row" data-label={t('ds.r.col.component')}>
                      {c.name}
                    </th>
                    <td data-label={t('ds.r.col.copyType')}>{t(COPY_TYPE_KEYS[c.copyType])}</td>
                    <td data-label={t('ds.r.col.count')} className="num">
                      {c.count}
                    </td>
                    <td data-label={t('ds.r.col.received')}>{t(c.received ? 'ds.yes' : 'ds.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="ds-section" aria-labelledby="files-title">
        <h2 id="files-title">{t('ds.d.files')}</h2>
        {d.files.length === 0 ? (
          <p>{t('ds.d.noFiles')}</p>
        ) : (
          <ul className="ds-files" data-testid="dossier-files">
            {d.files.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                  {t('ds.files.preview', { name: f.fileName })}
                </a>{' '}
                <span className="muted">
                  ({FILE_KINDS.includes(f.kind) ? t(`ds.fileKind.${f.kind}` as MessageKey) : f.kind}
                  {f.component ? `, ${f.component}` : ''}; {formatSize(f.size)}; {f.createdAt})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="ds-section" aria-labelledby="result-title">
        <h2 id="result-title">{t('ds.d.result')}</h2>
        <SummaryList
          items={[
            {
              label: t('ds.d.delivery'),
              value: t(d.resultDelivery === 'postal' ? 'ds.r.delivery.postal' : 'ds.r.delivery.counter'),
            },
            ...(d.postal ? [{ label: t('ds.d.postal'), value: d.postal.join(', ') }] : []),
            ...(d.feeAmount !== null
              ? [
                  {
                    label: t('ds.d.fee'),
                    value: `${formatVnd(d.feeAmount)}${d.feePaidAt ? ` (${t('ds.d.paid', { at: d.feePaidAt })})` : ''}`,
                  },
                ]
              : []),
            ...(d.recipient
              ? [
                  {
                    label: t('ds.d.recipient'),
                    value: [
                      d.recipient.name,
                      d.recipient.idNumber,
                      d.recipient.relation === 'proxy' ? t('ds.a.proxy') : '',
                    ]
                      .filter(Boolean)
                      .join(', '),
                    testId: 'recipient',
                  },
                  ...(d.recipient.feeReceipt
                    ? [{ label: t('ds.d.feeReceipt'), value: d.recipient.feeReceipt }]
                    : []),
                ]
              : []),
          ]}
        />
      </section>
    </>
  );
}
