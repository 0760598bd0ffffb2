-- Finding the account of a dossier's applicant by identity number or tax code: online submission and
-- counter receipt (dossiers/applicants.ts, `id_number = $1 and kind = $2`, organisations by tax_code)
-- and the counter's applicant lookup (dossiers/detail.ts, `id_number = $1 or tax_code = $1`). The
-- unique index accounts_id_number leads with id_type, which these lookups do not know, and tax_code had
-- no index: with 250,000 citizen accounts each submission walked all of them (264 ms of a 297 ms
-- submission, bench/portal.ts, docs/performance.md).
create index accounts_identity on accounts (id_number) where id_number is not null;
create index accounts_tax_code on accounts (tax_code) where tax_code is not null;
