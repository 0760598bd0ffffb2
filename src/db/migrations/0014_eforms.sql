-- E-forms (tờ khai điện tử, Annex III groups 1 and 4): one definition per procedure, every saved
-- version kept so that a dossier can always be shown and printed with the form it was filled in.
create table eform_versions (
  procedure_id uuid not null references procedures(id),
  version      integer not null check (version >= 1),
  -- The EformDefinition of src/domain/eform.ts.
  definition   jsonb not null check (jsonb_typeof(definition) = 'object'),
  created_at   timestamptz not null default now(),
  created_by   uuid references accounts(id),
  primary key (procedure_id, version)
);
comment on table eform_versions is 'Tờ khai điện tử của thủ tục, mọi phiên bản đã lưu';

create function eform_versions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'eform_versions is append-only' using errcode = 'check_violation';
end $$;
create trigger eform_versions_append_only before update or delete on eform_versions
  for each row execute function eform_versions_append_only();

-- The version a dossier was filled in with (null: before e-forms, or the built-in default form).
alter table dossiers add column eform_version integer;
