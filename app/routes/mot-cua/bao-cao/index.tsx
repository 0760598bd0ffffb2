import { useEffect, useState } from 'react';
import { Form, Link } from 'react-router';
import { toIsoDay } from '../../../../src/domain/calendar.ts';
import { formatDate, formatDateTime } from '../../../../src/domain/datetime.ts';
import { REPORT_GROUPS } from '../../../../src/modules/reports/schema.ts';
import type { ReportGroup } from '../../../../src/modules/reports/schema.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { asAppError, toFieldErrors } from '../../../lib/errors.ts';
import type { Route } from './+types/index.ts';
import { quickPeriods } from './period.ts';
import type { QuickPeriod } from './period.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { readReportQuery } from './query.server.ts';
import { ReportTable } from './ReportTable.tsx';
import reportCss from './report.css?url';

export const links = () => [...adminDataLinks(), { rel: 'stylesheet', href: reportCss }];

/** The query's field names on this page → the API's. */
const FIELD_OF: Readonly<Record<string, string>> = {
  from: 'tu',
  to: 'den',
  groupBy: 'nhom',
  agencyId: 'coquan',
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'reports.read');
  const t = translator(lang);
  const { values, errors, query } = readReportQuery(new URL(request.url).searchParams, lang);
  const { groupBy } = query;
  const agencies = await services.reports.agencies(auth);
  const agencyId = agencies.some((a) => a.id === values.coquan) ? values.coquan : undefined;
  const load = async () => {
    if (Object.keys(errors).length > 0) return null;
    try {
      return await services.reports.processing(auth, { ...query, agencyId });
    } catch (err) {
      const e = asAppError(err);
      if (e?.code !== 'validation_failed' || !e.fields) throw err;
      const found = toFieldErrors(
        e.fields.map((f) => ({ ...f, field: f.field.replace(/^querystring\./, '') })),
        lang,
      );
      for (const [k, v] of Object.entries(found)) errors[FIELD_OF[k] ?? 'tu'] = v;
      return null;
    }
  };
  const report = await load();
  const groupLabel = (key: string, label: string) =>
    groupBy === 'channel' ? t(`rp.channel.${key}` as MessageKey) : label;
  return {
    values: report
      ? { ...values, tu: formatDate(report.from), den: formatDate(report.to), nhom: groupBy }
      : values,
    errors,
    agencies: agencies.map((a) => ({
      value: a.id,
      label: `${'— '.repeat(Math.max(0, a.depth - (agencies[0]?.depth ?? 0)))}${a.name}`,
    })),
    quick: Object.entries(quickPeriods(toIsoDay(new Date()))).map(([k, p]) => ({
      key: k as QuickPeriod,
      href: `?${new URLSearchParams({ tu: formatDate(p.from), den: formatDate(p.to), nhom: groupBy, ...(agencyId ? { coquan: agencyId } : {}) }).toString()}`,
    })),
    report: report
      ? {
          from: formatDate(report.from),
          to: formatDate(report.to),
          groupBy,
          // The printed report names its scope: the chosen agency, or the top agencies the caller may see.
          scope:
            report.agency?.name ??
            agencies
              .filter((a) => a.depth === Math.min(...agencies.map((x) => x.depth)))
              .map((a) => a.name)
              .join(', '),
          rows: report.rows.map((r) => ({ ...r, shown: groupLabel(r.key, r.label) })),
          totals: report.totals,
          generatedAt: formatDateTime(report.generatedAt),
          // What the export repeats: the same period, grouping and agency.
          criteria: {
            from: report.from,
            to: report.to,
            groupBy,
            agencyId: agencyId ?? '',
          },
        }
      : null,
  };
}

/** "In báo cáo": the browser's print dialog (a hint instead while the page runs without JavaScript). */
function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <p className="field-hint no-print">{t('rp.printHint')}</p>;
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {t('rp.print')}
    </button>
  );
}

/** /mot-cua/bao-cao: the dossier handling report of a period (II.13.1), printable (II.13.4) and exportable (II.13.2). */
export default function ProcessingReportPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { values, errors, agencies, quick, report } = loaderData;
  const group = (g: ReportGroup) => t(`rp.group.${g}` as MessageKey);
  return (
    <div className="report-page">
      <PageTitle title={t('rp.title')} site="backoffice" />
      <h1>{t('rp.title')}</h1>
      <p className="lead no-print">{t('rp.intro')}</p>
      <ErrorSummary errors={errors} order={['tu', 'den', 'nhom', 'coquan']} />
      <nav aria-label={t('rp.quick')} className="report-quick no-print">
        <ul>
          {quick.map((q) => (
            <li key={q.key}>
              <Link to={q.href}>{t(`rp.quick.${q.key}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters no-print" aria-label={t('rp.form')}>
        <div className="filters-grid">
          <Field
            name="tu"
            label={t('rp.from')}
            hint={t('admin.dateHint')}
            error={errors.tu}
            defaultValue={values.tu}
          />
          <Field
            name="den"
            label={t('rp.to')}
            hint={t('admin.dateHint')}
            error={errors.den}
            defaultValue={values.den}
          />
          <SelectField
            name="nhom"
            label={t('rp.groupBy')}
            options={REPORT_GROUPS.map((g) => ({ value: g, label: group(g) }))}
            defaultValue={values.nhom || 'agency'}
            error={errors.nhom}
            markOptional={false}
          />
          <SelectField
            name="coquan"
            label={t('rp.agency')}
            options={agencies}
            placeholder={t('rp.agency.all')}
            defaultValue={values.coquan}
            error={errors.coquan}
            markOptional={false}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('rp.show')}
          </button>
        </div>
      </Form>
      {report ? (
        <section aria-labelledby="report-heading" className="report-print">
          <h2 id="report-heading" className="report-heading">
            {t('rp.period', { from: report.from, to: report.to })}
          </h2>
          {report.scope ? <p>{t('rp.scope', { agency: report.scope })}</p> : null}
          <p data-testid="generated">{t('rp.generated', { at: report.generatedAt })}</p>
          <PrintButton />
          {report.rows.length === 0 ? <p>{t('rp.none')}</p> : null}
          <ReportTable
            caption={t('rp.caption', {
              from: report.from,
              to: report.to,
              group: group(report.groupBy).toLowerCase(),
            })}
            groupHeader={group(report.groupBy)}
            rows={report.rows}
            totals={report.totals}
          />
          <ExportForm kind="report_processing" criteria={report.criteria} wording="report" />
        </section>
      ) : null}
    </div>
  );
}
