-- Exports of lists and reports in open formats, made in the background (Annex V.20, V.7): who asked,
-- what (kind + filter), the format, progress, and the file in the content-addressed blob store until
-- it expires (then housekeeping deletes the row, and the blob when nothing else uses it).
create table exports (
  id           uuid primary key default gen_random_uuid(),
  account_id   uuid not null references accounts(id),
  kind         text not null check (kind in ('dossiers')),
  filter       jsonb not null default '{}'::jsonb,
  format       text not null check (format in ('csv', 'json', 'xml', 'xlsx', 'ods', 'docx', 'odt', 'pdf')),
  status       text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  rows_done    integer not null default 0,
  -- An estimate taken when the job starts (null when no cheap count exists for the filter).
  rows_total   integer,
  blob_sha256  text references blobs(sha256),
  file_name    text,
  size         integer,
  error        text,
  created_at   timestamptz not null default now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  expires_at   timestamptz not null,
  check ((status = 'done') = (blob_sha256 is not null))
);
comment on table exports is 'Xuất dữ liệu danh sách, báo cáo ra tệp định dạng mở, chạy nền';
create index exports_owner on exports (account_id, created_at desc);
create index exports_expiry on exports (expires_at);
