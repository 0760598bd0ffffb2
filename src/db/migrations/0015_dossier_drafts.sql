-- Drafts of online applications (issue 6; III.1.3 "lưu trữ thông tin người dùng đã nhập vào biểu mẫu
-- điện tử"): what the applicant typed into a procedure's e-form, saved to be resumed later. A draft
-- belongs to one account; it is deleted when the dossier is submitted, and drafts not saved for
-- 90 days are no longer shown and may be purged.
create table dossier_drafts (
  id             uuid primary key default gen_random_uuid(),
  account_id     uuid not null references accounts(id) on delete cascade,
  procedure_id   uuid not null references procedures(id),
  procedure_code text not null,
  -- The receiving agency chosen so far (none yet is allowed).
  agency_id      uuid references agencies(id),
  -- The page's flat values (one string per control, kept file lists as JSON text), as posted.
  form_values    jsonb not null check (jsonb_typeof(form_values) = 'object'),
  -- The e-form version the values were entered with (0: the built-in default form).
  eform_version  integer not null check (eform_version >= 0),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  -- Optimistic concurrency: a save names the version it started from.
  version        integer not null default 1 check (version >= 1)
);
create index dossier_drafts_account on dossier_drafts (account_id, updated_at desc);
create index dossier_drafts_updated on dossier_drafts (updated_at);
comment on table dossier_drafts is 'Bản nháp hồ sơ trực tuyến của người nộp (lưu và tiếp tục sau)';
comment on column dossier_drafts.form_values is 'Giá trị các ô của tờ khai như trang đã gửi; không kiểm tra hợp lệ';
