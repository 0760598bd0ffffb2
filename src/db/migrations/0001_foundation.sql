-- Foundation: extensions, organisation model, accounts and sessions, shared catalogs, working calendar,
-- audit log, access log and outbox. Written for PostgreSQL 15 (PGlite runs a newer server).

create extension if not exists pgcrypto;
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists citext;
create extension if not exists btree_gin;

-- unaccent() is STABLE; an IMMUTABLE wrapper lets us index diacritic-free text. đ/Đ are not in the
-- unaccent rules of every build, so they are mapped explicitly.
create or replace function vn_fold(input text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(translate(public.unaccent('public.unaccent'::regdictionary, input), 'đĐ', 'dD')) $$;

-- ───────────────────────────── shared catalogs (danh mục dùng chung) ─────────────────────────────
create table catalog_items (
  catalog      text        not null,
  code         text        not null,
  name         text        not null,
  parent_code  text,
  extra        jsonb       not null default '{}'::jsonb,
  sort_order   integer     not null default 0,
  active       boolean     not null default true,
  updated_at   timestamptz not null default now(),
  search       text generated always as (vn_fold(code || ' ' || name)) stored,
  primary key (catalog, code)
);
comment on table catalog_items is 'Shared catalogs: provinces, communes, legacy units, ethnic groups, nationalities, identity-document types, positions';
create index catalog_items_parent on catalog_items (catalog, parent_code, sort_order, code);
create index catalog_items_search on catalog_items using gin (search gin_trgm_ops);

-- ───────────────────────────── organisation ─────────────────────────────
create table agencies (
  id            uuid primary key default gen_random_uuid(),
  parent_id     uuid references agencies(id),
  code          text not null unique,
  name          text not null,
  short_name    text,
  level         text not null check (level in ('ministry', 'province', 'province_department', 'district', 'commune', 'other')),
  admin_unit_code text,
  address       text,
  phone         text,
  email         text,
  -- Materialised path of ids ("/root/child/…/self/"): subtree checks are a prefix match.
  path          text not null,
  depth         integer not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
comment on column agencies.code is 'Unit identifier per QCVN 102:2016/BTTTT, e.g. 000.00.00.H29';
create index agencies_parent on agencies (parent_id, name);
create index agencies_path on agencies (path text_pattern_ops);

create table departments (
  id          uuid primary key default gen_random_uuid(),
  agency_id   uuid not null references agencies(id),
  code        text not null,
  name        text not null,
  is_one_stop boolean not null default false,
  active      boolean not null default true,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (agency_id, code)
);

create table roles (
  code        text primary key,
  name        text not null,
  name_en     text not null,
  description text not null default '',
  permissions text[] not null,
  sort_order  integer not null default 0
);

-- ───────────────────────────── accounts ─────────────────────────────
create table accounts (
  id              uuid primary key default gen_random_uuid(),
  kind            text not null check (kind in ('official', 'citizen', 'organisation')),
  username        citext not null unique,
  email           citext unique,
  phone           text,
  password_hash   text not null,
  status          text not null default 'pending' check (status in ('pending', 'active', 'disabled')),
  full_name       text not null,
  id_type         text,
  id_number       text,
  birth_date      date,
  gender          text check (gender in ('male', 'female', 'other')),
  address         text,
  commune_code    text,
  org_name        text,
  tax_code        text,
  email_verified_at timestamptz,
  failed_logins   integer not null default 0,
  locked_until    timestamptz,
  last_login_at   timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  search          text generated always as (vn_fold(coalesce(username::text, '') || ' ' || full_name || ' ' || coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(id_number, '') || ' ' || coalesce(org_name, '') || ' ' || coalesce(tax_code, ''))) stored
);
create index accounts_kind_created on accounts (kind, created_at desc, id desc);
create index accounts_search on accounts using gin (search gin_trgm_ops);
create unique index accounts_id_number on accounts (id_type, id_number) where id_number is not null and kind <> 'organisation';

create table officials (
  account_id     uuid primary key references accounts(id),
  agency_id      uuid not null references agencies(id),
  department_id  uuid references departments(id),
  position_code  text,
  title          text
);
create index officials_agency on officials (agency_id, department_id);

-- An official holds a role inside an agency (the partition); with include_subtree the grant covers
-- every agency below it too (e.g. a provincial administrator).
create table role_assignments (
  id               uuid primary key default gen_random_uuid(),
  account_id       uuid not null references accounts(id),
  role_code        text not null references roles(code),
  agency_id        uuid not null references agencies(id),
  include_subtree  boolean not null default false,
  created_at       timestamptz not null default now(),
  unique (account_id, role_code, agency_id)
);
create index role_assignments_agency on role_assignments (agency_id, role_code);

create table user_groups (
  id          uuid primary key default gen_random_uuid(),
  agency_id   uuid not null references agencies(id),
  name        text not null,
  description text not null default '',
  role_codes  text[] not null default '{}',
  created_at  timestamptz not null default now(),
  unique (agency_id, name)
);
create table user_group_members (
  group_id    uuid not null references user_groups(id) on delete cascade,
  account_id  uuid not null references accounts(id),
  primary key (group_id, account_id)
);
create index user_group_members_account on user_group_members (account_id);

create table sessions (
  id            text primary key,            -- sha256 of the cookie token; the token itself is never stored
  account_id    uuid not null references accounts(id),
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_reason text,
  ip            text,
  user_agent    text
);
create index sessions_account_active on sessions (account_id, created_at) where revoked_at is null;

create table account_tokens (
  token_hash  text primary key,
  account_id  uuid not null references accounts(id),
  purpose     text not null check (purpose in ('verify_email', 'reset_password')),
  expires_at  timestamptz not null,
  used_at     timestamptz,
  created_at  timestamptz not null default now()
);
create index account_tokens_account on account_tokens (account_id, purpose);

-- Solved proof-of-work challenges, so a solution cannot be replayed before it expires.
create table captcha_spent (
  signature   text primary key,
  expires_at  timestamptz not null
);

-- ───────────────────────────── working calendar ─────────────────────────────
create table calendar_days (
  day         date not null,
  agency_id   uuid references agencies(id),
  kind        text not null check (kind in ('holiday', 'makeup_workday', 'day_off')),
  name        text not null,
  id          uuid primary key default gen_random_uuid()
);
create unique index calendar_days_unique on calendar_days (day, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- ───────────────────────────── audit log ─────────────────────────────
create table audit_log (
  seq          bigint primary key,
  at           timestamptz not null,
  actor_id     uuid,
  actor_name   text,
  ip           text,
  action       text not null,
  entity_type  text not null,
  entity_id    text,
  agency_id    uuid,
  summary      jsonb not null default '{}'::jsonb,
  prev_hash    text not null,
  hash         text not null
);
create index audit_log_at on audit_log (at desc, seq desc);
create index audit_log_entity on audit_log (entity_type, entity_id, seq desc);
create index audit_log_actor on audit_log (actor_id, seq desc);
create index audit_log_action on audit_log (action, seq desc);

-- The head row is locked by each writer, so the chain has one order even with concurrent writers.
create table audit_head (
  id        boolean primary key default true check (id),
  seq       bigint not null,
  hash      text not null
);
insert into audit_head (seq, hash) values (0, repeat('0', 64));

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- ───────────────────────────── access log (III.14.1) ─────────────────────────────
create table access_log (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  account_id  uuid,
  kind        text not null check (kind in ('page', 'api', 'signin', 'signin_failed', 'signout')),
  method      text,
  path        text not null,
  status      integer,
  ip          text,
  user_agent  text
);
create index access_log_at on access_log (at desc);
create index access_log_account on access_log (account_id, at desc);

-- ───────────────────────────── outbox ─────────────────────────────
create table outbox (
  id            bigserial primary key,
  topic         text not null,
  payload       jsonb not null,
  created_at    timestamptz not null default now(),
  dispatched_at timestamptz,
  attempts      integer not null default 0,
  last_error    text
);
create index outbox_pending on outbox (id) where dispatched_at is null;

-- ───────────────────────────── roles (fixed codes, editable names/permissions) ─────────────────────────────
insert into roles (code, name, name_en, description, permissions, sort_order) values
 ('quan_tri_he_thong', 'Quản trị hệ thống', 'System administrator', 'Quản trị tổ chức, người dùng, danh mục, nhật ký', '{system.admin,org.manage,users.manage,catalogs.manage,accounts.manage,audit.read,calendar.manage,reports.read}', 1),
 ('bien_tap_vien', 'Biên tập viên', 'Editor', 'Biên tập thủ tục, biểu mẫu, hướng dẫn', '{procedures.edit,content.edit}', 2),
 ('can_bo_mot_cua', 'Cán bộ tiếp nhận và trả kết quả', 'One-stop counter officer', 'Tiếp nhận hồ sơ, trả kết quả', '{dossiers.receive,dossiers.return,dossiers.read,applicants.lookup}', 3),
 ('lanh_dao_phong', 'Lãnh đạo phòng', 'Head of department', 'Phân công, duyệt cấp phòng', '{dossiers.assign,dossiers.approve,dossiers.read,reports.read}', 4),
 ('can_bo_thu_ly', 'Cán bộ thụ lý', 'Handling officer', 'Thụ lý, xử lý hồ sơ', '{dossiers.process,dossiers.read}', 5),
 ('lanh_dao_don_vi', 'Lãnh đạo đơn vị', 'Head of agency', 'Phê duyệt, ký kết quả', '{dossiers.approve,dossiers.read,reports.read}', 6),
 ('can_bo_kiem_soat_tthc', 'Cán bộ kiểm soát thủ tục hành chính', 'Procedure control officer', 'Kiểm soát thủ tục, theo dõi, báo cáo', '{procedures.review,dossiers.read,reports.read,audit.read}', 7),
 ('nhan_vien_buu_chinh', 'Nhân viên bưu chính', 'Postal worker', 'Thu gom và chuyển phát hồ sơ, kết quả', '{postal.handle}', 8);
