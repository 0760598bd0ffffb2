-- Procedure catalog (thủ tục hành chính, II.1–II.2, III.3, III.7, III.10): fields, form templates and
-- their files, procedures with a working draft and a published version, the agencies that carry them
-- out, every change kept in procedure_history, and editors' guides and FAQs.

-- Files (form templates now, attachments later) addressed by their SHA-256: the same bytes are stored once.
create table blobs (
  sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type  text not null,
  size        integer not null check (size >= 0),
  content     bytea not null,
  created_at  timestamptz not null default now()
);

create table procedure_fields (
  code          text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  name          text not null,
  -- Field code of the national database (MALINHVUC) when the source gives one.
  national_code text,
  sort_order    integer not null default 0,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index procedure_fields_name on procedure_fields (vn_fold(name));

create table form_templates (
  code          text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$'),
  name          text not null,
  -- Legal basis of the template (II.2.5 b), e.g. "Thông tư 04/2020/TT-BTP, Phụ lục".
  legal_basis   text,
  file_name     text,
  blob_sha256   text references blobs(sha256),
  media_type    text,
  size          integer,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  updated_by    uuid references accounts(id)
);

create table procedures (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  slug              text not null unique,
  -- Working copy edited in the back office (always present) and what the portal shows (null until published).
  name              text not null,
  field_code        text not null references procedure_fields(code),
  content           jsonb not null,
  published         jsonb,
  status            text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
  -- True while the working copy differs from the published one.
  has_changes       boolean not null default true,
  -- Bumped by every change; writers send the version they read (optimistic concurrency).
  version           integer not null default 1,
  publications      integer not null default 0,
  -- Open questions for an editor (ambiguities of an import): [{field, message}].
  flags             jsonb not null default '[]',
  flag_count        integer not null default 0,
  source            text not null default 'local' check (source in ('local', 'national')),
  -- Projection of the published version for the portal's search and filters (null while unpublished).
  pub_name          text,
  pub_field_code    text references procedure_fields(code),
  online_level      text check (online_level in ('full', 'partial', 'none')),
  legacy_level      smallint check (legacy_level between 1 and 4),
  applicant_kinds   text[] not null default '{}',
  levels            text[] not null default '{}',
  search_name       text,
  search_body       text,
  published_at      timestamptz,
  published_by      uuid references accounts(id),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  updated_by        uuid references accounts(id)
);
create index procedures_admin_order on procedures (name, code);
create index procedures_admin_field on procedures (field_code, name, code);
create index procedures_admin_search on procedures using gin (vn_fold(code || ' ' || name) gin_trgm_ops);
create index procedures_public_order on procedures (pub_name, code) where status = 'published';
create index procedures_public_field on procedures (pub_field_code, pub_name, code) where status = 'published';
create index procedures_public_name on procedures using gin (search_name gin_trgm_ops) where status = 'published';
create index procedures_public_body on procedures using gin (search_body gin_trgm_ops) where status = 'published';
create index procedures_public_kinds on procedures using gin (applicant_kinds) where status = 'published';
create index procedures_updated on procedures (updated_at);

-- Which agencies carry out a procedure, and through which channels each of them accepts dossiers.
create table procedure_agencies (
  procedure_id  uuid not null references procedures(id) on delete cascade,
  agency_id     uuid not null references agencies(id),
  channels      text[] not null default '{counter,online,postal}',
  primary key (procedure_id, agency_id)
);
create index procedure_agencies_agency on procedure_agencies (agency_id, procedure_id);

-- Every saved version of a procedure, who saved it and why (II.1.2 changes are traceable).
create table procedure_history (
  id            bigint generated always as identity primary key,
  procedure_id  uuid not null references procedures(id) on delete cascade,
  version       integer not null,
  action        text not null check (action in ('create', 'update', 'publish', 'withdraw', 'import')),
  content       jsonb not null,
  actor_id      uuid references accounts(id),
  actor_name    text not null,
  note          text,
  created_at    timestamptz not null default now()
);
create index procedure_history_procedure on procedure_history (procedure_id, id desc);

-- Guides, FAQs and life events (III.7.1–7.2), general or tied to procedures by code.
create table guides (
  id               uuid primary key default gen_random_uuid(),
  slug             text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  kind             text not null check (kind in ('guide', 'faq', 'life_event')),
  title            text not null,
  summary          text not null default '',
  body             text not null default '',
  procedure_codes  text[] not null default '{}',
  sort_order       integer not null default 0,
  published        boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  updated_by       uuid references accounts(id)
);
create index guides_public on guides (kind, sort_order, title) where published;
create index guides_procedures on guides using gin (procedure_codes);
