import { z } from 'zod';

/** Groupings of the processing report (II.13.1: by unit, field, procedure, time, channel). */
export const REPORT_GROUPS = ['agency', 'field', 'procedure', 'month', 'channel'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The longest period one report covers (the daily table keeps every day, so this only bounds the work). */
export const MAX_REPORT_YEARS = 10;

const Day = (label: string, name: string) =>
  z.iso.date({ error: `${label} (${name}) phải là ngày có thật, dạng YYYY-MM-DD, ví dụ 2025-09-01` });

/** GET /api/reports/processing: the period (days inclusive, Vietnam time), the grouping, one agency's subtree. */
export const ProcessingQuery = z
  .object({
    from: Day('Từ ngày', 'from').optional(),
    to: Day('Đến ngày', 'to').optional(),
    groupBy: z
      .enum(REPORT_GROUPS, { error: `Nhóm theo (groupBy) phải là một trong: ${REPORT_GROUPS.join(', ')}` })
      .default('agency'),
    agencyId: z.uuid({ error: 'Cơ quan (agencyId) không hợp lệ' }).optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'Từ ngày (from) phải trước hoặc bằng đến ngày (to)',
      });
      return;
    }
    const limit = `${String(Number(q.from.slice(0, 4)) + MAX_REPORT_YEARS).padStart(4, '0')}${q.from.slice(4)}`;
    if (q.to >= limit) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Khoảng thời gian báo cáo (from–to) không được dài quá ${MAX_REPORT_YEARS} năm`,
      });
    }
  });
export type ProcessingQuery = z.input<typeof ProcessingQuery>;

/** One line of the report "Tình hình, kết quả giải quyết TTHC"; the same shape for the totals. */
export const ProcessingRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Received before the period and not ended before it (kỳ trước chuyển qua). */
  carriedOver: z.number(),
  /** Received in the period, of which online. */
  received: z.number(),
  receivedOnline: z.number(),
  /** carriedOver + received (tổng số hồ sơ phải giải quyết). */
  total: z.number(),
  resolved: z.number(),
  resolvedEarly: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  /** Stopped, withdrawn or refused after receipt in the period. */
  cancelled: z.number(),
  /** Not ended at the end of the period: still within the appointment, or past it. */
  pendingOnTime: z.number(),
  pendingOverdue: z.number(),
  /** (early + on time) / resolved, in percent with one decimal; null when nothing was resolved. */
  onTimeRate: z.number().nullable(),
});
export type ProcessingRow = z.infer<typeof ProcessingRow>;

export const ProcessingReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(REPORT_GROUPS),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  rows: z.array(ProcessingRow),
  totals: ProcessingRow,
  generatedAt: z.string(),
});
export type ProcessingReport = z.infer<typeof ProcessingReport>;

/** The portal's year-to-date statistics (III.8.1): per month and per field, the whole province. */
export const PublicStatsRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number(),
  receivedOnline: z.number(),
  resolved: z.number(),
  resolvedInTime: z.number(),
  onTimeRate: z.number().nullable(),
  onlineShare: z.number().nullable(),
});
export type PublicStatsRow = z.infer<typeof PublicStatsRow>;

export const PublicStats = z.object({
  year: z.number(),
  /** Procedures with at least one dossier received this year (III.8.1 a). */
  proceduresUsed: z.number(),
  from: z.string(),
  to: z.string(),
  months: z.array(PublicStatsRow),
  fields: z.array(PublicStatsRow),
  totals: PublicStatsRow,
  generatedAt: z.string(),
});
export type PublicStats = z.infer<typeof PublicStats>;
