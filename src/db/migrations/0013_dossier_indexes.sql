-- Dossier worklists and search at a million dossiers (bench/dossiers.ts, docs/performance.md). The
-- worklist queries select a page's ids first and its rows after, so these indexes are built to answer
-- the first step from the index alone (index-only scans: the columns the conditions read are included).

-- "All dossiers" and searches (II.22.1 g, II.23), newest first within the partitions an official may
-- read, with what the search criteria and the counts read: applicant (search), status, receipt period,
-- procedure, appointment.
create index dossiers_path_recent on dossiers (agency_path text_pattern_ops, submitted_at desc, id desc)
  include (status, received_at, procedure_code, appointment_at, search);

-- Dossiers held at an agency other than their own (consulted elsewhere, II.8.6): the other half of who
-- may read a dossier, a small partial index. The planner takes `holder_agency_path <> agency_path` for
-- nearly every row (the default selectivity of <>), so the index covers what that branch reads
-- (agency_path included) to be chosen as an index-only scan instead of a scan of the whole table.
create index dossiers_held_elsewhere on dossiers (holder_agency_path text_pattern_ops, submitted_at desc, id desc)
  include (agency_path, appointment_at) where holder_agency_path <> agency_path;

-- The one-stop counter's lists (II.22.1 a–f): partition and status, with what their conditions and
-- due colours read.
create index dossiers_path_status on dossiers (agency_path text_pattern_ops, status)
  include (task, supplement_phase, cancelled_at, appointment_at);

-- Dossiers in progress by the agency holding them and their task (II.22.3 c: awaiting the leader's
-- signature at the agency): the dossiers not done, a small share of the table.
create index dossiers_holder_path_task on dossiers (holder_agency_path text_pattern_ops, task, status)
  include (step_due_at) where task <> 'done';

-- The dossier tables serve short queries: parallel workers take longer to start on a small machine
-- than the scans they would share (a 0.2 ms scan took 12–20 ms with two workers), so none are planned.
alter table dossiers set (parallel_workers = 0);
alter table dossier_participants set (parallel_workers = 0);
alter table dossier_events set (parallel_workers = 0);

-- Search by receipt period over a whole province (II.23): the period's dossiers, with what the other
-- criteria and the order read.
create index dossiers_received_at on dossiers (received_at desc) include (agency_path, status, submitted_at);
