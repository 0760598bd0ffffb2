-- Rendered public catalog pages are cached under the catalog generation (src/http/page-cache.ts).
-- A procedure page also shows its guides, its published process and deadlines counted with the
-- working calendar, so changes to those tables bump the generation too.
create trigger guides_catalog_touch after insert or update or delete or truncate on guides
  for each statement execute function catalog_touch();
create trigger process_definitions_catalog_touch after insert or update or delete or truncate on process_definitions
  for each statement execute function catalog_touch();
create trigger calendar_days_catalog_touch after insert or update or delete or truncate on calendar_days
  for each statement execute function catalog_touch();
create trigger work_hours_catalog_touch after insert or update or delete or truncate on work_hours
  for each statement execute function catalog_touch();
