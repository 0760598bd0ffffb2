import { formatDate, formatDateTime } from '../../domain/datetime.ts';

/** The open formats every list and report can be exported to (Annex V.20). */
export const EXPORT_FORMATS = ['csv', 'json', 'xml', 'xlsx', 'ods', 'docx', 'odt', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How long a finished file stays downloadable before housekeeping deletes it. */
export const EXPORT_TTL_DAYS = 7;

export const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
};

/**
 * One column of an export: its key (JSON/XML name), its Vietnamese header and the type of its cells:
 * a `date` is an instant (a Date), a `day` a calendar day (YYYY-MM-DD, e.g. a statistics row).
 */
export interface Column {
  key: string;
  header: string;
  type: 'text' | 'number' | 'date' | 'day';
}

export type Cell = string | number | Date | null;
export type Row = Readonly<Record<string, Cell>>;

/** What a writer gets: a title (sheet, document heading), the columns and the rows in batches. */
export interface ExportSource {
  title: string;
  columns: readonly Column[];
  batches: AsyncIterable<readonly Row[]>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as people read it: dates DD/MM/YYYY HH:mm:ss in Vietnam's time zone, days DD/MM/YYYY, empty for null. */
export function displayCell(column: Column, value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDateTime(value);
  if (column.type === 'date' && typeof value === 'string' && value !== '') return formatDateTime(value);
  if (column.type === 'day' && typeof value === 'string' && DAY.test(value)) return formatDate(value);
  return String(value);
}

/** A number column's cell as a number, or null when it has none. */
export function numericCell(value: Cell | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
