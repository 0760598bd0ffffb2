import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ExportKindName } from '../modules/exports/schema.ts';

/** Table types of the background exports (migration 0019); part of DB in ./types.ts. */

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ExportKind = ExportKindName;
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportsTable {
  id: Generated<string>;
  account_id: string;
  kind: ExportKind;
  filter: JSONColumnType<Record<string, unknown>, string, never>;
  format: string;
  status: Generated<ExportStatus>;
  rows_done: Generated<number>;
  rows_total: number | null;
  blob_sha256: string | null;
  file_name: string | null;
  size: number | null;
  error: string | null;
  created_at: TimestampDefault;
  started_at: TimestampNullable;
  finished_at: TimestampNullable;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}
