import type { ReportsService } from '../reports/service.ts';
import { ProcessingQuery } from '../reports/schema.ts';
import type { ProcessingRow, ReportGroup } from '../reports/schema.ts';
import type { Column, Row } from './columns.ts';
import { exportKind } from './kinds.ts';

/** The dossier handling report (II.13.2, II.18.2) as an export: the same service call, so the same rights. */

const GROUP_HEADERS: Readonly<Record<ReportGroup, string>> = {
  agency: 'Cơ quan, đơn vị',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
  month: 'Tháng',
  channel: 'Kênh tiếp nhận',
};

const NUMBERS: readonly (readonly [keyof ProcessingRow, string])[] = [
  ['carriedOver', 'Kỳ trước chuyển qua'],
  ['received', 'Mới tiếp nhận'],
  ['receivedOnline', 'Trong đó trực tuyến'],
  ['total', 'Tổng số phải giải quyết'],
  ['resolvedEarly', 'Đã giải quyết trước hạn'],
  ['resolvedOnTime', 'Đã giải quyết đúng hạn'],
  ['resolvedLate', 'Đã giải quyết quá hạn'],
  ['cancelled', 'Dừng xử lý, rút hồ sơ'],
  ['pendingOnTime', 'Đang giải quyết trong hạn'],
  ['pendingOverdue', 'Đang giải quyết quá hạn'],
  ['onTimeRate', 'Tỷ lệ đúng hạn (%)'],
];

export const reportColumns = (groupBy: ReportGroup): readonly Column[] => [
  { key: 'label', header: GROUP_HEADERS[groupBy], type: 'text' },
  ...NUMBERS.map(([key, header]) => ({ key, header, type: 'number' as const })),
];

const rowOf = (r: ProcessingRow): Row =>
  Object.fromEntries([['label', r.label], ...NUMBERS.map(([k]) => [k, r[k]])]) as Row;

export const processingReportExports = (reports: ReportsService) =>
  exportKind({
    title: 'Tình hình, kết quả giải quyết thủ tục hành chính',
    fileStem: 'bao-cao-giai-quyet-tthc',
    xmlRoot: 'report',
    filter: ProcessingQuery,
    columns: (filter) => reportColumns(filter.groupBy),
    check: async (auth, filter) => {
      await reports.processing(auth, filter);
    },
    // One batch: the report's lines and its totals line (a report has at most a few thousand lines).
    batches: async function* (auth, filter) {
      const report = await reports.processing(auth, filter);
      yield [...report.rows.map(rowOf), rowOf(report.totals)];
    },
    estimate: async (auth, filter) => (await reports.processing(auth, filter)).rows.length + 1,
  });
