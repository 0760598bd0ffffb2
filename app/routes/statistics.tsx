import { data } from 'react-router';
import { formatDate, formatDateTime } from '../../src/domain/datetime.ts';
import type { PublicStatsRow } from '../../src/modules/reports/schema.ts';
import { adminDataLinks } from '../components/admin-styles.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { web } from '../context.ts';
import { translator, useT } from '../i18n/index.ts';
import type { Route } from './+types/statistics.ts';
import { formatNumber, formatRate } from '../components/report-format.ts';

export const links = adminDataLinks;

const percent = (n: number | null) => (n === null ? '–' : `${formatRate(n)} %`);

export async function loader({ context }: Route.LoaderArgs) {
  const { services, lang } = web(context);
  const s = await services.reports.publicStats();
  return data(
    {
      year: s.year,
      to: formatDate(s.to),
      months: s.months,
      fields: s.fields,
      totals: s.totals,
      proceduresUsed: s.proceduresUsed,
      updated: formatDateTime(s.generatedAt),
      description: translator(lang)('pub.stats.intro', { year: s.year, to: formatDate(s.to) }),
    },
    // The figures change by the minute at most; the page carries the visitor's session links, so
    // only their own browser keeps it.
    { headers: { 'cache-control': 'private, max-age=300' } },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ name: 'description', content: loaderData.description }] : [];

function StatsTable(props: {
  caption: string;
  first: string;
  rows: readonly PublicStatsRow[];
  totals?: PublicStatsRow;
}) {
  const t = useT();
  const cols = [
    ['pub.stats.received', (r: PublicStatsRow) => formatNumber(r.received)],
    ['pub.stats.online', (r: PublicStatsRow) => formatNumber(r.receivedOnline)],
    ['pub.stats.onlineShare', (r: PublicStatsRow) => formatRate(r.onlineShare)],
    ['pub.stats.resolved', (r: PublicStatsRow) => formatNumber(r.resolved)],
    ['pub.stats.inTime', (r: PublicStatsRow) => formatNumber(r.resolvedInTime)],
    ['pub.stats.onTimeRate', (r: PublicStatsRow) => formatRate(r.onTimeRate)],
  ] as const;
  const line = (r: PublicStatsRow, key: string, head: string) => (
    <tr key={key}>
      <th scope="row">{head}</th>
      {cols.map(([k, f]) => (
        <td key={k} className="num" data-label={t(k)}>
          {f(r)}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="data-table stack">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            {cols.map(([k]) => (
              <th key={k} scope="col" className="num">
                {t(k)}
                {k === 'pub.stats.onlineShare' || k === 'pub.stats.onTimeRate' ? ' (%)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map((r) => line(r, r.key, r.label))}</tbody>
        {props.totals ? <tfoot>{line(props.totals, 'total', t('rp.totals'))}</tfoot> : null}
      </table>
    </div>
  );
}

/** /thong-ke: year-to-date handling statistics of every agency, per month and field (III.8.1, TT 32/2017 Art. 11.3). */
export default function PublicStatistics({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { year, to, months, fields, totals, updated, proceduresUsed } = loaderData;
  return (
    <>
      <PageTitle title={t('pub.stats.title')} />
      <h1>{t('pub.stats.title')}</h1>
      <p className="lead">{t('pub.stats.intro', { year, to })}</p>
      <dl className="stat-list" data-testid="public-totals">
        <div>
          <dt>{t('pub.stats.procedures')}</dt>
          <dd>{formatNumber(proceduresUsed)}</dd>
        </div>
        <div>
          <dt>{t('pub.stats.received')}</dt>
          <dd>{formatNumber(totals.received)}</dd>
        </div>
        <div>
          <dt>{t('pub.stats.resolved')}</dt>
          <dd>{formatNumber(totals.resolved)}</dd>
        </div>
        <div>
          <dt>{t('pub.stats.onTimeRate')}</dt>
          <dd>{percent(totals.onTimeRate)}</dd>
        </div>
        <div>
          <dt>{t('pub.stats.onlineShare')}</dt>
          <dd>{percent(totals.onlineShare)}</dd>
        </div>
      </dl>
      <h2>{t('pub.stats.byMonth')}</h2>
      <StatsTable
        caption={t('pub.stats.captionMonth', { year })}
        first={t('pub.stats.month')}
        rows={months}
        totals={totals}
      />
      <h2>{t('pub.stats.byField')}</h2>
      {fields.length === 0 ? (
        <p>{t('pub.stats.noField')}</p>
      ) : (
        <StatsTable
          caption={t('pub.stats.captionField', { year })}
          first={t('pub.stats.field')}
          rows={fields}
        />
      )}
      <p className="field-hint">{t('pub.stats.updated', { at: updated })}</p>
    </>
  );
}
