import { Link } from 'react-router';
import { useT } from '../../../i18n/index.ts';
import { ACTION_KEYS } from './labels.ts';

interface Row {
  id: number;
  version: number;
  action: keyof typeof ACTION_KEYS;
  actorName: string;
  actorFullName: string | null;
  note: string | null;
  at: string;
}

/** Every saved version of a procedure: when, who, what and why, each opening that version. */
export function HistoryTable({ code, rows }: { code: string; rows: Row[] }) {
  const t = useT();
  if (rows.length === 0) return <p>{t('pa.noHistory')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table stack" data-testid="history">
        <caption className="visually-hidden">{t('pa.historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pa.h.at')}</th>
            <th scope="col">{t('pa.h.who')}</th>
            <th scope="col">{t('pa.h.action')}</th>
            <th scope="col">{t('pa.d.version')}</th>
            <th scope="col">{t('pa.h.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id} data-action={h.action}>
              <th scope="row" data-label={t('pa.h.at')} className="nowrap">
                {h.at}
              </th>
              <td data-label={t('pa.h.who')}>
                {h.actorFullName ? `${h.actorFullName} (${h.actorName})` : h.actorName}
              </td>
              <td data-label={t('pa.h.action')}>{t(ACTION_KEYS[h.action])}</td>
              <td data-label={t('pa.d.version')}>
                <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(code)}/lich-su/${h.id}`}>
                  {t('pa.h.open', { n: h.version })}
                </Link>
              </td>
              <td data-label={t('pa.h.note')}>{h.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
