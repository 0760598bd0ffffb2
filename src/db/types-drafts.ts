import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of online application drafts (migration 0015); part of DB in ./types.ts. */

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DossierDraftsTable {
  id: Generated<string>;
  account_id: string;
  procedure_id: string;
  procedure_code: string;
  agency_id: string | null;
  form_values: JSONColumnType<Record<string, string>>;
  eform_version: number;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  version: Generated<number>;
}
