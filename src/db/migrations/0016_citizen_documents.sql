-- The citizen's document store (kho dữ liệu cá nhân; Annex V.8, III.1.1 once-only): results the
-- agencies issued, components they verified at receipt, and the owner's own uploads, each pointing
-- at a content-addressed blob so that a later dossier reuses the bytes without a new upload.
create table citizen_documents (
  id           uuid primary key default gen_random_uuid(),
  account_id   uuid not null references accounts(id),
  blob_sha256  text not null references blobs(sha256),
  file_name    text not null check (length(file_name) between 1 and 200),
  media_type   text not null,
  size         integer not null check (size > 0),
  title        text not null check (length(title) between 1 and 300),
  -- result: an e-result of a finished dossier; verified: a component the agency accepted at receipt;
  -- own: uploaded by the owner, not verified by anyone.
  source       text not null check (source in ('result', 'verified', 'own')),
  -- The agency that issued or verified it, when, and in which dossier (null for own uploads).
  agency_id    uuid references agencies(id),
  verified_at  timestamptz,
  dossier_id   uuid references dossiers(id),
  created_at   timestamptz not null default now(),
  -- Soft delete by the owner: the row stays so the same bytes are not stored for them again by a
  -- later receipt they did not ask for.
  deleted_at   timestamptz,
  check ((source = 'own') = (agency_id is null and verified_at is null))
);
comment on table citizen_documents is 'Kho dữ liệu cá nhân: kết quả, giấy tờ đã được xác minh và tệp tự tải lên';
-- One document per account and content: receipts and returns may run again without duplicates.
create unique index citizen_documents_account_blob on citizen_documents (account_id, blob_sha256);
create index citizen_documents_list on citizen_documents (account_id, created_at desc) where deleted_at is null;
