-- A new e-form version bumps the catalog generation: receipts and online submissions keep the
-- procedure's current e-form under it (src/modules/dossiers/entry.ts), like the agency, procedure
-- and process they enter with. Versions are append-only (0014): inserts are the only change.
create trigger eform_versions_catalog_touch after insert or truncate on eform_versions
  for each statement execute function catalog_touch();
