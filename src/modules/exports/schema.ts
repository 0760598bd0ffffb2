import { z } from 'zod';
import { ListQuery } from '../dossiers/schema.ts';
import { EXPORT_FORMATS } from './columns.ts';

/** What may be exported; one kind a list or report, each with its own filter. */
export const EXPORT_KINDS = [
  'dossiers',
  'accounts',
  'access_stats',
  'audit',
  'officials',
  'procedures',
  'catalog_items',
  'report_processing',
] as const;
export type ExportKindName = (typeof EXPORT_KINDS)[number];

/** The dossier worklist or search to export: the list page's query without its page. */
export const DossierExportFilter = ListQuery.omit({ cursor: true, limit: true });
export type DossierExportFilter = z.infer<typeof DossierExportFilter>;

export const ExportRequest = z.object({
  kind: z.enum(EXPORT_KINDS, { error: 'Loại dữ liệu xuất (kind) không hợp lệ' }),
  format: z.enum(EXPORT_FORMATS, {
    error: `Định dạng tệp (format) phải là một trong: ${EXPORT_FORMATS.join(', ')}`,
  }),
  filter: z.record(z.string(), z.unknown()).default({}),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const ExportView = z.object({
  id: z.string(),
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ExportView = z.infer<typeof ExportView>;
