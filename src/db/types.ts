import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type {
  ApplicantsTable,
  DossierCodeCountersTable,
  DossierEventsTable,
  DossierFilesTable,
  DossierParticipantsTable,
  DossiersTable,
  EformVersionsTable,
  NoticesTable,
} from './types-dossiers.ts';
import type { DossierDraftsTable } from './types-drafts.ts';
import type { CitizenDocumentsTable } from './types-documents.ts';
import type { ResultTemplatesTable } from './types-result-templates.ts';
import type { ExportsTable } from './types-exports.ts';
import type {
  DossierStatsAgencyTable,
  DossierStatsDailyTable,
  DossierStatsDeltaTable,
  DossierStatsMonthlyTable,
  DossierStatsYearlyTable,
} from './types-stats.ts';

export type * from './types-dossiers.ts';
export type * from './types-drafts.ts';
export type * from './types-documents.ts';
export type * from './types-exports.ts';

/** Kysely table types; kept in step with migrations/*.sql by hand (test/schema.test.ts checks them). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateOnly = ColumnType<Date | null, string | null | undefined, string | null>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface CatalogItemsTable {
  catalog: string;
  code: string;
  name: string;
  parent_code: string | null;
  extra: JSONColumnType<Record<string, unknown>, string | undefined>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: TimestampDefault;
  search: ReadOnly<string>;
}

export interface CatalogsTable {
  code: string;
  name: string;
  name_en: string;
  description: Generated<string>;
  source: Generated<string>;
  parent_catalog: string | null;
  code_pattern: string | null;
  sort_order: Generated<number>;
  version: Generated<number>;
  updated_at: TimestampDefault;
}

export type AgencyLevel = 'ministry' | 'province' | 'province_department' | 'district' | 'commune' | 'other';

export interface AgenciesTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  short_name: string | null;
  level: AgencyLevel;
  admin_unit_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  path: string;
  depth: number;
  active: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface DepartmentsTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  name: string;
  is_one_stop: Generated<boolean>;
  active: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface RolesTable {
  code: string;
  name: string;
  name_en: string;
  description: string;
  permissions: string[];
  sort_order: number;
}

export type AccountKind = 'official' | 'citizen' | 'organisation';
export type AccountStatus = 'pending' | 'active' | 'disabled';

export interface AccountsTable {
  id: Generated<string>;
  kind: AccountKind;
  username: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  status: Generated<AccountStatus>;
  full_name: string;
  id_type: string | null;
  id_number: string | null;
  birth_date: DateOnly;
  gender: 'male' | 'female' | 'other' | null;
  address: string | null;
  commune_code: string | null;
  org_name: string | null;
  tax_code: string | null;
  email_verified_at: TimestampNullable;
  failed_logins: Generated<number>;
  locked_until: TimestampNullable;
  last_login_at: TimestampNullable;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  search: ReadOnly<string>;
}

export interface OfficialsTable {
  account_id: string;
  agency_id: string;
  department_id: string | null;
  position_code: string | null;
  title: string | null;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  account_id: string;
  role_code: string;
  agency_id: string;
  include_subtree: Generated<boolean>;
  created_at: TimestampDefault;
}

export interface UserGroupsTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  description: Generated<string>;
  role_codes: Generated<string[]>;
  created_at: TimestampDefault;
}

export interface UserGroupMembersTable {
  group_id: string;
  account_id: string;
}

export interface SessionsTable {
  id: string;
  account_id: string;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  revoked_at: TimestampNullable;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  purpose: 'verify_email' | 'reset_password';
  expires_at: Timestamp;
  used_at: TimestampNullable;
  created_at: TimestampDefault;
}

export interface CaptchaSpentTable {
  signature: string;
  expires_at: Timestamp;
}

export interface CalendarDaysTable {
  id: Generated<string>;
  day: ColumnType<string, string, string>;
  agency_id: string | null;
  kind: 'holiday' | 'makeup_workday' | 'day_off';
  name: string;
  note: Generated<string>;
  provisional: Generated<boolean>;
  created_at: TimestampDefault;
}

/** Working hours and cut-off: national default (agency_id null) or one agency's (0010_work_hours.sql). */
export interface WorkHoursTable {
  id: Generated<string>;
  agency_id: string | null;
  /** [{start: "07:30", end: "11:30"}, …] */
  periods: JSONColumnType<{ start: string; end: string }[]>;
  saturday_reception: JSONColumnType<{ start: string; end: string }[], string | undefined>;
  /** time: "15:00:00" as read back. */
  cutoff: ColumnType<string, string | undefined, string>;
  note: Generated<string>;
  updated_at: TimestampDefault;
  updated_by: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: string | null;
  summary: JSONColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: TimestampDefault;
  account_id: string | null;
  kind: 'page' | 'api' | 'signin' | 'signin_failed' | 'signout';
  method: string | null;
  path: string;
  status: number | null;
  ip: string | null;
  user_agent: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: JSONColumnType<Record<string, unknown>, string, never>;
  created_at: TimestampDefault;
  dispatched_at: TimestampNullable;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: TimestampDefault;
}

export interface BlobsTable {
  sha256: string;
  media_type: string;
  size: number;
  content: Uint8Array;
  created_at: TimestampDefault;
}

export interface ProcedureFieldsTable {
  code: string;
  name: string;
  national_code: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface FormTemplatesTable {
  code: string;
  name: string;
  legal_basis: string | null;
  file_name: string | null;
  blob_sha256: string | null;
  media_type: string | null;
  size: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  updated_by: string | null;
}

export type ProcedureStatus = 'draft' | 'published' | 'withdrawn';

export interface ProceduresTable {
  id: Generated<string>;
  code: string;
  slug: string;
  name: string;
  field_code: string;
  content: JSONColumnType<Record<string, unknown>>;
  published: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  status: ColumnType<ProcedureStatus, ProcedureStatus | undefined, ProcedureStatus>;
  has_changes: Generated<boolean>;
  version: Generated<number>;
  publications: Generated<number>;
  flags: JSONColumnType<{ field: string; message: string }[], string | undefined>;
  flag_count: Generated<number>;
  source: ColumnType<'local' | 'national', 'local' | 'national' | undefined, 'local' | 'national'>;
  pub_name: string | null;
  pub_field_code: string | null;
  online_level: 'full' | 'partial' | 'none' | null;
  legacy_level: number | null;
  applicant_kinds: Generated<string[]>;
  levels: Generated<string[]>;
  search_name: string | null;
  search_body: string | null;
  published_at: TimestampNullable;
  published_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  updated_by: string | null;
}

export interface ProcedureAgenciesTable {
  procedure_id: string;
  agency_id: string;
  channels: Generated<string[]>;
}

export interface ProcedureHistoryTable {
  id: Generated<number>;
  procedure_id: string;
  version: number;
  action: 'create' | 'update' | 'publish' | 'withdraw' | 'import';
  content: JSONColumnType<Record<string, unknown>, string, never>;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  created_at: TimestampDefault;
}

export type GuideKind = 'guide' | 'faq' | 'life_event';

export interface GuidesTable {
  id: Generated<string>;
  slug: string;
  kind: GuideKind;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  procedure_codes: Generated<string[]>;
  sort_order: Generated<number>;
  published: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  updated_by: string | null;
}

export type ProcessStatus = 'draft' | 'published' | 'retired';

export interface ProcessDefinitionsTable {
  id: Generated<string>;
  procedure_id: string;
  agency_id: string | null;
  version: number;
  status: ColumnType<ProcessStatus, ProcessStatus | undefined, ProcessStatus>;
  definition: JSONColumnType<Record<string, unknown>>;
  row_version: Generated<number>;
  created_at: TimestampDefault;
  created_by: string | null;
  updated_at: TimestampDefault;
  updated_by: string | null;
  published_at: TimestampNullable;
  published_by: string | null;
  retired_at: TimestampNullable;
}

export interface DB {
  catalogs: CatalogsTable;
  catalog_items: CatalogItemsTable;
  agencies: AgenciesTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  accounts: AccountsTable;
  officials: OfficialsTable;
  role_assignments: RoleAssignmentsTable;
  user_groups: UserGroupsTable;
  user_group_members: UserGroupMembersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  captcha_spent: CaptchaSpentTable;
  calendar_days: CalendarDaysTable;
  work_hours: WorkHoursTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  access_log: AccessLogTable;
  outbox: OutboxTable;
  schema_migrations: SchemaMigrationsTable;
  blobs: BlobsTable;
  procedure_fields: ProcedureFieldsTable;
  form_templates: FormTemplatesTable;
  procedures: ProceduresTable;
  procedure_agencies: ProcedureAgenciesTable;
  procedure_history: ProcedureHistoryTable;
  guides: GuidesTable;
  process_definitions: ProcessDefinitionsTable;
  applicants: ApplicantsTable;
  dossier_code_counters: DossierCodeCountersTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_participants: DossierParticipantsTable;
  dossier_files: DossierFilesTable;
  notices: NoticesTable;
  eform_versions: EformVersionsTable;
  dossier_drafts: DossierDraftsTable;
  citizen_documents: CitizenDocumentsTable;
  result_templates: ResultTemplatesTable;
  exports: ExportsTable;
  dossier_stats_daily: DossierStatsDailyTable;
  dossier_stats_monthly: DossierStatsMonthlyTable;
  dossier_stats_yearly: DossierStatsYearlyTable;
  dossier_stats_delta: DossierStatsDeltaTable;
  dossier_stats_agency_daily: DossierStatsAgencyTable;
  dossier_stats_agency_monthly: DossierStatsAgencyTable;
  dossier_stats_agency_yearly: DossierStatsAgencyTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type Agency = Selectable<AgenciesTable>;
export type Department = Selectable<DepartmentsTable>;
