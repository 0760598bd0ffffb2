-- Dossiers (hồ sơ thủ tục hành chính, TT 22/2019 Annex I, Annex II groups 5–11, 15, 18–20, 22–23):
-- the current state of each dossier as one row (a projection kept in the same transaction as its
-- history), the append-only, hash-chained history, its files, the people who took part, the daily
-- code counters and the applicants the system already knows (II.5.7, II.5.9).

-- Applicants (cá nhân, tổ chức) known to the one-stop counters: looked up and reused at receipt.
create table applicants (
  id           uuid primary key default gen_random_uuid(),
  kind         text not null check (kind in ('citizen', 'organisation')),
  -- Identity number (CCCD/CMND/passport) of a person, tax code of an organisation: the lookup key.
  id_number    text not null,
  full_name    text not null,
  org_name     text,
  phone        text,
  email        text,
  address      text,
  commune_code text,
  account_id   uuid references accounts(id),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  search       text generated always as (vn_fold(id_number || ' ' || full_name || ' ' || coalesce(org_name, '') || ' ' || coalesce(phone, ''))) stored,
  unique (kind, id_number)
);
comment on table applicants is 'Tổ chức, cá nhân đã nộp hồ sơ: thông tin liên hệ để tra cứu và dùng lại';
create index applicants_search on applicants using gin (search gin_trgm_ops);
create index applicants_account on applicants (account_id) where account_id is not null;

-- TT 01/2018 Art. 19: XXXX is the dossier's number among those received by the unit that day.
create table dossier_code_counters (
  agency_id uuid not null references agencies(id),
  day       date not null,
  last      integer not null check (last between 1 and 9999),
  primary key (agency_id, day)
);

create table dossiers (
  id                uuid primary key default gen_random_uuid(),
  -- V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX
  code              text not null unique,
  procedure_id      uuid not null references procedures(id),
  procedure_code    text not null,
  procedure_name    text not null,
  field_code        text not null,
  -- The agency that received the dossier and is competent to decide it (its partition).
  agency_id         uuid not null references agencies(id),
  agency_path       text not null,
  -- The process version the dossier runs on, kept for its whole life.
  process_id        uuid not null references process_definitions(id),
  channel           text not null check (channel in ('counter', 'online', 'postal', 'interagency')),
  status            text not null check (status in ('moi_dang_ky', 'duoc_tiep_nhan', 'khong_duoc_tiep_nhan',
                      'dang_xu_ly', 'yeu_cau_bo_sung', 'da_bo_sung', 'yeu_cau_nghia_vu_tai_chinh',
                      'cong_dan_yeu_cau_rut', 'dung_xu_ly', 'da_xu_ly_xong', 'da_tra_ket_qua')),
  -- Where the dossier is: the step of the process, what the holder is to do there, and who holds it:
  -- an official (holder_id), or a pool (holder_role at holder_agency, in holder_department if set).
  step_id           text not null,
  task              text not null check (task in ('receive', 'assign', 'process', 'coordinate', 'approve', 'sign', 'return', 'done')),
  holder_agency_id  uuid not null references agencies(id),
  holder_agency_path text not null,
  holder_department_id uuid references departments(id),
  holder_role       text,
  holder_group_id   uuid references user_groups(id),
  holder_id         uuid references accounts(id),
  step_started_at   timestamptz not null,
  step_due_at       timestamptz,
  -- The applicant and what the counter received.
  applicant_id      uuid references applicants(id),
  applicant_account_id uuid references accounts(id),
  applicant_kind    text not null check (applicant_kind in ('citizen', 'organisation')),
  applicant_name    text not null,
  applicant_org     text,
  applicant_id_number text not null,
  applicant_phone   text,
  applicant_email   text,
  applicant_address text,
  summary           text not null default '',
  form_data         jsonb not null default '{}',
  components        jsonb not null default '[]',
  -- Times of Annex I: submitted, received (the legal clock starts from it), appointment, completed
  -- (result at the counter: decides on time or late, II.10.1), returned.
  submitted_at      timestamptz not null default now(),
  received_at       timestamptz,
  appointment_at    timestamptz,
  completed_at      timestamptz,
  returned_at       timestamptz,
  -- Pauses of the legal clock (supplement, fees) as [{from, to, reason}], and the one open now.
  pauses            jsonb not null default '[]',
  paused_since      timestamptz,
  pause_reason      text check (pause_reason in ('supplement', 'fees')),
  extension_minutes integer not null default 0,
  -- The reason shown with the current status (supplement, refusal, stop, withdrawal) and the missing items.
  status_reason     text,
  missing_items     jsonb not null default '[]',
  -- The phase that asked for the open or last supplement (receive: the counter; process: a handler).
  supplement_phase  text check (supplement_phase in ('receive', 'process')),
  fee_amount        bigint check (fee_amount >= 0),
  fee_paid_at       timestamptz,
  fee_receipt       text,
  result_delivery   text not null default 'counter' check (result_delivery in ('counter', 'postal')),
  postal            jsonb,
  recipient         jsonb,
  originals_missing boolean not null default false,
  -- Online dossiers the applicant cancelled before receipt (II.5.8); restorable while not received.
  cancelled_at      timestamptz,
  -- Head of the hash chain of dossier_events.
  history_seq       integer not null default 0,
  history_hash      text not null,
  row_version       integer not null default 1,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  search            text generated always as (vn_fold(applicant_name || ' ' || coalesce(applicant_org, '') || ' ' || applicant_id_number || ' ' || summary)) stored
);
comment on table dossiers is 'Hồ sơ thủ tục hành chính: trạng thái hiện tại (lịch sử ở dossier_events)';

-- Worklists: the holder's queue, the pool's queue, the agency's lists by status; all by due time.
create index dossiers_holder on dossiers (holder_id, task, step_due_at, id) where holder_id is not null;
create index dossiers_pool on dossiers (holder_agency_id, holder_role, task, step_due_at, id) where holder_id is null;
create index dossiers_agency_status on dossiers (agency_id, status, appointment_at, id);
create index dossiers_holder_agency_status on dossiers (holder_agency_id, status);
-- Search (II.23): receipt period in a partition, procedure, field, applicant, code prefix.
create index dossiers_received on dossiers (agency_path text_pattern_ops, received_at desc, id);
create index dossiers_submitted on dossiers (submitted_at desc, id);
create index dossiers_procedure on dossiers (procedure_code, received_at desc);
create index dossiers_field on dossiers (field_code, received_at desc);
create index dossiers_search on dossiers using gin (search gin_trgm_ops);
create index dossiers_code_prefix on dossiers (code text_pattern_ops);
create index dossiers_applicant_account on dossiers (applicant_account_id, submitted_at desc) where applicant_account_id is not null;
create index dossiers_process_step on dossiers (process_id, step_id);

-- The history (II.18.1): one row per action, never changed; prev_hash/hash chain the rows of a dossier.
create table dossier_events (
  dossier_id   uuid not null references dossiers(id),
  seq          integer not null check (seq >= 1),
  at           timestamptz not null,
  actor_id     uuid references accounts(id),
  actor_name   text not null,
  action       text not null,
  from_status  text,
  to_status    text not null,
  from_step    text,
  to_step      text not null,
  from_holder  uuid,
  to_holder    uuid,
  reason       text,
  files        jsonb not null default '[]',
  details      jsonb not null default '{}',
  prev_hash    text not null,
  hash         text not null,
  primary key (dossier_id, seq)
);
comment on table dossier_events is 'Lịch sử xử lý hồ sơ (chỉ ghi thêm, chuỗi băm theo hồ sơ)';
create index dossier_events_actor on dossier_events (actor_id, at desc) where actor_id is not null;

create function dossier_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'dossier_events is append-only' using errcode = 'check_violation';
end $$;
create trigger dossier_events_append_only before update or delete on dossier_events
  for each row execute function dossier_events_append_only();

-- Everyone who acted on a dossier: "dossiers I took part in" (II.8.3, II.22.3 d).
create table dossier_participants (
  account_id uuid not null references accounts(id),
  dossier_id uuid not null references dossiers(id),
  last_at    timestamptz not null,
  primary key (account_id, dossier_id)
);

-- Files: scanned components, supplements, drafts and results; content in blobs (SHA-256).
create table dossier_files (
  id           uuid primary key default gen_random_uuid(),
  -- Null while uploaded and not yet attached (a receipt in progress); attached in the receipt's transaction.
  dossier_id   uuid references dossiers(id),
  kind         text not null check (kind in ('component', 'supplement', 'result', 'other')),
  component    text,
  file_name    text not null,
  blob_sha256  text not null references blobs(sha256),
  media_type   text not null,
  size         integer not null,
  uploaded_by  uuid references accounts(id),
  created_at   timestamptz not null default now()
);
create index dossier_files_dossier on dossier_files (dossier_id) where dossier_id is not null;
create index dossier_files_pending on dossier_files (uploaded_by, created_at) where dossier_id is null;

-- Notices to applicants about their dossiers (II.5.10, II.8.9, II.10.2; III.5.2 a: shown in the portal
-- when the applicant signs in). Written by the notice job from the outbox, after the action committed.
create table notices (
  id          bigint generated always as identity primary key,
  account_id  uuid references accounts(id),
  dossier_id  uuid not null references dossiers(id),
  kind        text not null,
  title       text not null,
  body        text not null,
  -- The outbox row it came from: a job retried after a crash writes the notice once.
  outbox_key  text not null unique,
  created_at  timestamptz not null default now(),
  read_at     timestamptz
);
create index notices_account on notices (account_id, created_at desc) where account_id is not null;
create index notices_dossier on notices (dossier_id, created_at);
