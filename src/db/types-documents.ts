import type { ColumnType, Generated } from 'kysely';

/** Table types of the citizen's document store (migration 0016); part of DB in ./types.ts. */

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type CitizenDocumentSource = 'result' | 'verified' | 'own';

export interface CitizenDocumentsTable {
  id: Generated<string>;
  account_id: string;
  blob_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  title: string;
  source: CitizenDocumentSource;
  agency_id: string | null;
  verified_at: TimestampNullable;
  dossier_id: string | null;
  created_at: TimestampDefault;
  deleted_at: TimestampNullable;
}
