-- Organisation model (II.17.1, II.17.2): indexes for diacritic-free search and the admin lists.

-- Agencies and user groups are searched by name without diacritics: vn_fold(name) like vn_fold('%…%').
create index agencies_name_search on agencies using gin (vn_fold(name) gin_trgm_ops);
create index user_groups_name_search on user_groups using gin (vn_fold(name) gin_trgm_ops);

-- Officials of a department (deactivation check, counts per department).
create index officials_department on officials (department_id) where department_id is not null;

-- Role grants of one official (detail page, revocation).
create index role_assignments_account on role_assignments (account_id);
