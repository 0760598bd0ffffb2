-- TRUNCATE bypasses row triggers: refuse it on the audit log too.
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Account search and export without a kind filter page by (created_at desc, id desc).
create index accounts_created on accounts (created_at desc, id desc);
