-- The officials' search by applicant (II.23, `q`) runs inside their partition: agency_path = their
-- agency (or a list, or a prefix for a subtree grant) and every folded word somewhere in `search`.
-- With the trigram index on `search` alone, PostgreSQL had either to fetch every dossier of the
-- province whose text matched (thousands for a common full name) and then drop those of other
-- agencies, or to walk the agency's dossiers newest first until enough matched (to its end for a
-- rare name). Indexed together with the agency's path (btree_gin, migration 0001), the index itself
-- intersects both: on 5,000,000 dossiers, 60 names drawn as the benchmark draws them took 25 ms on
-- average and 81 ms at worst, against 54 ms and 2.7 s (docs/performance.md). A multicolumn GIN index
-- serves conditions on either column alone as well, so it replaces the old one.
create index dossiers_path_search on dossiers using gin (agency_path, search gin_trgm_ops);
drop index dossiers_search;
