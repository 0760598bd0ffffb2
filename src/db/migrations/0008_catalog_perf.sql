-- Public catalog performance (bench/catalog.ts, docs/performance.md): a generation number of what the
-- portal shows, so answers can be kept in memory while it is unchanged.

-- Bumped once by every committed transaction that changed a table the public catalog reads.
create table catalog_generation (
  id     boolean primary key default true check (id),
  value  bigint not null
);
insert into catalog_generation (value) values (1);

-- One row per changing transaction, consumed by a deferred trigger at its commit: the generation row
-- is locked only for that instant, never while the transaction still works (no waits behind a long
-- import, no deadlock with the rows it locks).
create table catalog_touches (txid bigint primary key);

create function catalog_touch() returns trigger
  language plpgsql
  as $$
begin
  insert into catalog_touches (txid) values (txid_current()) on conflict do nothing;
  return null;
end $$;

create function catalog_bump() returns trigger
  language plpgsql
  as $$
begin
  update catalog_generation set value = value + 1;
  delete from catalog_touches where txid = new.txid;
  return null;
end $$;

create constraint trigger catalog_touches_bump after insert on catalog_touches
  deferrable initially deferred for each row execute function catalog_bump();

create trigger procedures_catalog_touch after insert or update or delete or truncate on procedures
  for each statement execute function catalog_touch();
create trigger procedure_agencies_catalog_touch after insert or update or delete or truncate on procedure_agencies
  for each statement execute function catalog_touch();
create trigger procedure_fields_catalog_touch after insert or update or delete or truncate on procedure_fields
  for each statement execute function catalog_touch();
create trigger form_templates_catalog_touch after insert or update or delete or truncate on form_templates
  for each statement execute function catalog_touch();
create trigger agencies_catalog_touch after insert or update or delete or truncate on agencies
  for each statement execute function catalog_touch();
