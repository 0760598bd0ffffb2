import type { ProcessingRow } from '../../../../src/modules/reports/schema.ts';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { formatNumber, formatRate } from '../../../components/report-format.ts';

/** The report's number columns, in the order of the standard report form. */
export const REPORT_COLUMNS = [
  'carriedOver',
  'received',
  'receivedOnline',
  'total',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'cancelled',
  'pendingOnTime',
  'pendingOverdue',
  'onTimeRate',
] as const satisfies readonly (keyof ProcessingRow)[];

const cell = (row: ProcessingRow, col: (typeof REPORT_COLUMNS)[number]) =>
  col === 'onTimeRate' ? formatRate(row.onTimeRate) : formatNumber(row[col]);

/** The report as a ruled table: one row per group, a header cell per row, the totals in the footer. */
export function ReportTable(props: {
  caption: string;
  groupHeader: string;
  rows: readonly (ProcessingRow & { shown: string })[];
  totals: ProcessingRow;
}) {
  const t = useT();
  const header = (c: (typeof REPORT_COLUMNS)[number]) => t(`rp.col.${c}` as MessageKey);
  return (
    // Focusable and named: on a narrow screen the wide table scrolls, and keyboards must reach it.
    <div className="table-wrap report-table" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="data-table stack" data-testid="report">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeader}</th>
            {REPORT_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {header(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" data-label={props.groupHeader}>
                {r.shown}
              </th>
              {REPORT_COLUMNS.map((c) => (
                <td key={c} className="num" data-col={c} data-label={header(c)}>
                  {cell(r, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={props.groupHeader}>
              {t('rp.totals')}
            </th>
            {REPORT_COLUMNS.map((c) => (
              <td key={c} className="num" data-col={c} data-label={header(c)}>
                {cell(props.totals, c)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
