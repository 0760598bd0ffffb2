-- Process definitions (quy trình xử lý, TT 22/2019 II.3.1–3.4): versioned per procedure, with optional
-- variants per agency. A version is a draft while it is edited, then published (the one in force for
-- new dossiers), then retired when a newer one is published. Published and retired versions never
-- change: dossiers keep the definition they started with (they will reference process_definitions.id).

create table process_definitions (
  id            uuid primary key default gen_random_uuid(),
  procedure_id  uuid not null references procedures(id),
  -- Null: the default for every agency carrying the procedure out; otherwise that agency's variant.
  agency_id     uuid references agencies(id),
  -- 1, 2, 3… per (procedure, agency).
  version       integer not null check (version >= 1),
  status        text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  -- The ProcessDefinition of src/domain/process.ts: {name, steps, transitions}.
  definition    jsonb not null check (jsonb_typeof(definition) = 'object'),
  -- Bumped by every change; writers send the row_version they read (optimistic concurrency).
  row_version   integer not null default 1,
  created_at    timestamptz not null default now(),
  created_by    uuid references accounts(id),
  updated_at    timestamptz not null default now(),
  updated_by    uuid references accounts(id),
  published_at  timestamptz,
  published_by  uuid references accounts(id),
  retired_at    timestamptz,
  check ((status = 'draft') = (published_at is null)),
  check ((status = 'retired') = (retired_at is not null))
);
comment on table process_definitions is 'Quy trình xử lý hồ sơ theo thủ tục (và theo cơ quan), có phiên bản';

-- One numbering per (procedure, agency); at most one draft and one published version of each.
create unique index process_definitions_version
  on process_definitions (procedure_id, agency_id, version desc) nulls not distinct;
create unique index process_definitions_one_draft
  on process_definitions (procedure_id, agency_id) nulls not distinct where status = 'draft';
create unique index process_definitions_one_published
  on process_definitions (procedure_id, agency_id) nulls not distinct where status = 'published';
create index process_definitions_agency on process_definitions (agency_id) where agency_id is not null;

-- Published and retired versions are immutable: the only change allowed is published → retired.
create or replace function process_definitions_guard() returns trigger
  language plpgsql
  as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'process definition % (version %) is %: it can never be deleted', old.id, old.version, old.status
        using errcode = 'check_violation';
    end if;
    return old;
  end if;
  if old.status = 'draft' then
    return new;
  end if;
  if new.definition is distinct from old.definition
     or new.procedure_id is distinct from old.procedure_id
     or new.agency_id is distinct from old.agency_id
     or new.version is distinct from old.version
     or new.published_at is distinct from old.published_at
     or new.published_by is distinct from old.published_by
     or not (new.status = old.status or (old.status = 'published' and new.status = 'retired')) then
    raise exception 'process definition % (version %) is %: it can no longer be changed', old.id, old.version, old.status
      using errcode = 'check_violation';
  end if;
  return new;
end $$;

create trigger process_definitions_guard
  before update or delete on process_definitions
  for each row execute function process_definitions_guard();
