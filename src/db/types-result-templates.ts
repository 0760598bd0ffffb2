import type { ColumnType } from 'kysely';

/** Table types of the result templates (migration 0018); part of DB in ./types.ts. */

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ResultTemplatesTable {
  procedure_id: string;
  version: number;
  title: string;
  body: string;
  signer_title: string;
  signer_name: ColumnType<string, string | undefined, string>;
  created_at: TimestampDefault;
  created_by: string | null;
}
