import { Form } from 'react-router';
import { formatDate } from '../../../../src/domain/datetime.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { asAppError, toFieldErrors } from '../../../lib/errors.ts';
import type { Route } from './+types/stats.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { statsPeriodOf } from './filters.server.ts';
import { AccountTabs } from './tabs.tsx';

export const links = adminDataLinks;

/** The kinds of the access log, in the order of the columns. */
const KINDS = ['page', 'api', 'signin', 'signin_failed', 'signout'] as const;
const KIND_KEYS: Record<(typeof KINDS)[number], MessageKey> = {
  page: 'stats.kind.page',
  api: 'stats.kind.api',
  signin: 'stats.kind.signin',
  signin_failed: 'stats.kind.signin_failed',
  signout: 'stats.kind.signout',
};

/** Every day from `from` to `to` (YYYY-MM-DD, inclusive), so days without traffic show as zero. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'accounts.manage');
  const t = translator(lang);
  const sp = new URL(request.url).searchParams;
  const { values, errors, from, to } = statsPeriodOf(sp, lang);
  const load = async () => {
    if (Object.keys(errors).length > 0) return null;
    try {
      return await services.accountsAdmin.accessStats(auth, { from, to });
    } catch (err) {
      const e = asAppError(err);
      if (e?.code !== 'validation_failed' || !e.fields) throw err;
      const found = toFieldErrors(e.fields, lang);
      errors.den = lang === 'vi' ? (found.to ?? e.message) : t('stats.err.range');
      return null;
    }
  };
  const stats = await load();
  const table = stats
    ? daysBetween(stats.from, stats.to).map((day) => {
        const counts = KINDS.map((k) => stats.items.find((i) => i.day === day && i.kind === k)?.count ?? 0);
        return { day: formatDate(day), counts, total: counts.reduce((a, b) => a + b, 0) };
      })
    : [];
  const totals = KINDS.map((k) => stats?.totals[k] ?? 0);
  return {
    // The period shown, also when it was left empty (the last 30 days).
    values: stats
      ? { tu: values.tu || formatDate(stats.from), den: values.den || formatDate(stats.to) }
      : values,
    errors,
    period: stats ? { from: formatDate(stats.from), to: formatDate(stats.to) } : null,
    table,
    totals,
    total: totals.reduce((a, b) => a + b, 0),
  };
}

/** /mot-cua/tai-khoan-cong-dan/thong-ke: requests per day and kind for a period (III.14.2). */
export default function AccessStats({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { values, errors, period, table, totals, total } = loaderData;
  return (
    <>
      <PageTitle title={t('stats.title')} site="backoffice" />
      <h1>{t('stats.title')}</h1>
      <AccountTabs />
      <p className="lead">{t('stats.intro')}</p>
      <ErrorSummary errors={errors} order={['tu', 'den']} />
      <Form method="get" className="filters" aria-label={t('stats.period')}>
        <div className="filters-grid">
          <Field
            name="tu"
            label={t('stats.from')}
            hint={t('admin.dateHint')}
            error={errors.tu}
            defaultValue={values.tu}
          />
          <Field
            name="den"
            label={t('stats.to')}
            hint={t('admin.dateHint')}
            error={errors.den}
            defaultValue={values.den}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('stats.show')}
          </button>
        </div>
      </Form>
      {period ? (
        <>
          <ExportForm kind="access_stats" criteria={values} />
          <dl className="stat-list">
            {KINDS.map((k, i) => (
              <div key={k}>
                <dt>{t(KIND_KEYS[k])}</dt>
                <dd>{formatCount(totals[i] ?? 0)}</dd>
              </div>
            ))}
            <div>
              <dt>{t('stats.total')}</dt>
              <dd>{formatCount(total)}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="data-table stack" data-testid="stats">
              <caption>{t('stats.caption', { from: period.from, to: period.to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.day')}</th>
                  {KINDS.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(KIND_KEYS[k])}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('stats.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.map((row) => (
                  <tr key={row.day}>
                    <th scope="row" data-label={t('stats.day')}>
                      {row.day}
                    </th>
                    {row.counts.map((c, i) => (
                      <td key={KINDS[i]} className="num" data-label={t(KIND_KEYS[KINDS[i] ?? 'page'])}>
                        {formatCount(c)}
                      </td>
                    ))}
                    <td className="num" data-label={t('stats.total')}>
                      {formatCount(row.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" data-label={t('stats.day')}>
                    {t('stats.total')}
                  </th>
                  {totals.map((c, i) => (
                    <td key={KINDS[i]} className="num" data-label={t(KIND_KEYS[KINDS[i] ?? 'page'])}>
                      {formatCount(c)}
                    </td>
                  ))}
                  <td className="num" data-label={t('stats.total')}>
                    {formatCount(total)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
