-- Every list and report can be exported now (issue 7): the kinds are the application's registry
-- (src/modules/exports/registry.ts), validated when a request arrives; the table only keeps the name
-- well formed, so that adding a list needs no migration.
alter table exports drop constraint exports_kind_check;
alter table exports add constraint exports_kind_name check (kind ~ '^[a-z][a-z0-9_]{0,39}$');
