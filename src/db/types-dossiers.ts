import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of dossier handling (migrations 0012, 0014); part of DB in ./types.ts. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type ReadOnly<T> = ColumnType<T, never, never>;

export type DossierChannel = 'counter' | 'online' | 'postal' | 'interagency';
export type ApplicantKind = 'citizen' | 'organisation';

export interface ApplicantsTable {
  id: Generated<string>;
  kind: ApplicantKind;
  id_number: string;
  full_name: string;
  org_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  commune_code: string | null;
  account_id: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  search: ReadOnly<string>;
}

export interface DossierCodeCountersTable {
  agency_id: string;
  day: ColumnType<string, string, string>;
  last: number;
}

export interface DossierPause {
  from: string;
  to: string;
  reason: 'supplement' | 'fees';
}

export interface DossiersTable {
  id: Generated<string>;
  code: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  field_code: string;
  agency_id: string;
  agency_path: string;
  process_id: string;
  channel: DossierChannel;
  status: string;
  step_id: string;
  task: string;
  holder_agency_id: string;
  holder_agency_path: string;
  holder_department_id: string | null;
  holder_role: string | null;
  holder_group_id: string | null;
  holder_id: string | null;
  step_started_at: Timestamp;
  step_due_at: TimestampNullable;
  applicant_id: string | null;
  applicant_account_id: string | null;
  applicant_kind: ApplicantKind;
  applicant_name: string;
  applicant_org: string | null;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  summary: Generated<string>;
  form_data: JSONColumnType<Record<string, unknown>, string | undefined>;
  components: JSONColumnType<DossierComponent[], string | undefined>;
  submitted_at: TimestampDefault;
  received_at: TimestampNullable;
  appointment_at: TimestampNullable;
  completed_at: TimestampNullable;
  returned_at: TimestampNullable;
  pauses: JSONColumnType<DossierPause[], string | undefined>;
  paused_since: TimestampNullable;
  pause_reason: 'supplement' | 'fees' | null;
  extension_minutes: Generated<number>;
  status_reason: string | null;
  missing_items: JSONColumnType<string[], string | undefined>;
  supplement_phase: 'receive' | 'process' | null;
  fee_amount: ColumnType<string | null, number | null | undefined, number | null>;
  fee_paid_at: TimestampNullable;
  fee_receipt: string | null;
  result_delivery: Generated<'counter' | 'postal'>;
  postal: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  recipient: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  originals_missing: Generated<boolean>;
  cancelled_at: TimestampNullable;
  history_seq: Generated<number>;
  history_hash: string;
  row_version: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  search: ReadOnly<string>;
  eform_version: number | null;
}

/** A dossier component as received: its name in the procedure, original or copy, how many. */
export interface DossierComponent {
  name: string;
  copyType: 'original' | 'certified_copy' | 'copy' | 'electronic';
  count: number;
  received: boolean;
}

export interface DossierEventsTable {
  dossier_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: string | null;
  to_status: string;
  from_step: string | null;
  to_step: string;
  from_holder: string | null;
  to_holder: string | null;
  reason: string | null;
  files: JSONColumnType<string[], string | undefined, never>;
  details: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: string;
  hash: string;
}

export interface DossierParticipantsTable {
  account_id: string;
  dossier_id: string;
  last_at: Timestamp;
}

export interface DossierFilesTable {
  id: Generated<string>;
  dossier_id: string | null;
  kind: 'component' | 'supplement' | 'result' | 'other';
  component: string | null;
  file_name: string;
  blob_sha256: string;
  media_type: string;
  size: number;
  uploaded_by: string | null;
  created_at: TimestampDefault;
}

export interface NoticesTable {
  id: Generated<number>;
  account_id: string | null;
  dossier_id: string;
  kind: string;
  title: string;
  body: string;
  outbox_key: string;
  created_at: TimestampDefault;
  read_at: TimestampNullable;
}

export interface EformVersionsTable {
  procedure_id: string;
  version: number;
  definition: JSONColumnType<Record<string, unknown>, string, never>;
  created_at: TimestampDefault;
  created_by: string | null;
}
