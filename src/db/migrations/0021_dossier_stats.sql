-- Statistics of dossier handling (II.13.1, III.8.1), pre-aggregated so that a report over millions
-- of dossiers sums a few thousand rows instead of scanning dossiers.
--
-- dossier_stats_daily holds, per agency, procedure, channel and Vietnam calendar day, counts that are
-- all additive: any period and any grouping is a SUM. dossier_stats_monthly and dossier_stats_yearly
-- hold the same sums per month and per year (day = the first day), so that a period of ten years sums
-- ten yearly rows per key, not 3,650 daily ones: a report cuts its period into whole years, whole
-- months and the days left (src/modules/reports/tiers.ts). A dossier contributes (only once received):
--   received          +1 on the day of received_at;
--   finished_*        +1 on the day it was finished (completed_at): early = before the appointment's
--                     day, on_time = on the appointment's day and not after it, late = after it (QĐ 766:
--                     end time <= appointment is on time; no appointment cannot be late);
--   cancelled         +1 on the day handling ended without a result: stopped (dung_xu_ly, completed_at),
--                     withdrawn at the applicant's request (cong_dan_yeu_cau_rut) or refused after
--                     receipt (their end time is updated_at: those statuses are final);
--   due               +1 on the appointment's day;
--   due_closed        +1 on the later of the appointment's day and the end day, when both exist.
-- For a report period [a, b): carried over = received − ended before a; pending at the end =
-- received − ended before b; overdue pending at the end = due − due_closed before b (a dossier is
-- overdue and pending at b exactly when its appointment day is before b and it had not ended before b,
-- i.e. due before b and not max(due day, end day) before b). Ended = finished_* + cancelled.
create table dossier_stats_daily (
  agency_id        uuid not null,
  agency_path      text not null,
  procedure_id     uuid not null,
  field_code       text not null,
  channel          text not null,
  day              date not null,
  received         integer not null default 0,
  finished_early   integer not null default 0,
  finished_on_time integer not null default 0,
  finished_late    integer not null default 0,
  cancelled        integer not null default 0,
  due              integer not null default 0,
  due_closed       integer not null default 0,
  primary key (agency_id, procedure_id, channel, day, field_code)
);
comment on table dossier_stats_daily is 'Số liệu giải quyết hồ sơ theo ngày, cơ quan, thủ tục, kênh (cộng dồn được): nguồn của báo cáo thống kê';
-- Reports filter by the caller's partition (agency path prefix) and by a day bound.
create index dossier_stats_daily_path_day on dossier_stats_daily (agency_path text_pattern_ops, day);
create index dossier_stats_daily_day on dossier_stats_daily (day);
create table dossier_stats_monthly (like dossier_stats_daily including all);
comment on table dossier_stats_monthly is 'Như dossier_stats_daily, cộng theo tháng (day = ngày đầu tháng)';
create table dossier_stats_yearly (like dossier_stats_daily including all);
comment on table dossier_stats_yearly is 'Như dossier_stats_daily, cộng theo năm (day = ngày đầu năm)';

-- Changes not yet folded into the daily table: each dossier change appends −old +new here, so the
-- transactions handling dossiers never wait on one another for a shared daily row.
create table dossier_stats_delta (
  agency_id        uuid not null,
  agency_path      text not null,
  procedure_id     uuid not null,
  field_code       text not null,
  channel          text not null,
  day              date not null,
  received         integer not null,
  finished_early   integer not null,
  finished_on_time integer not null,
  finished_late    integer not null,
  cancelled        integer not null,
  due              integer not null,
  due_closed       integer not null
);
comment on table dossier_stats_delta is 'Thay đổi số liệu chưa cộng vào dossier_stats_daily (chỉ thêm; được gộp mỗi phút và trước mỗi báo cáo)';

-- The Vietnam calendar day of an instant (UTC+7, no daylight saving since 1975).
create function vn_day(t timestamptz) returns date language sql immutable parallel safe
  as $$ select (t at time zone 'Asia/Ho_Chi_Minh')::date $$;

-- What one dossier contributes, day by day (rows on the same day are summed by the callers).
create function dossier_stats_rows(
  received_at timestamptz, appointment_at timestamptz, completed_at timestamptz, updated_at timestamptz, status text
) returns table (day date, received int, finished_early int, finished_on_time int, finished_late int,
                 cancelled int, due int, due_closed int)
language sql immutable parallel safe as $$
  with d as (
    select status in ('dung_xu_ly', 'cong_dan_yeu_cau_rut', 'khong_duoc_tiep_nhan') as stopped,
           case when status in ('dung_xu_ly', 'cong_dan_yeu_cau_rut', 'khong_duoc_tiep_nhan')
                then coalesce(completed_at, updated_at) else completed_at end as ended_at
    where received_at is not null
  )
  select vn_day(received_at), 1, 0, 0, 0, 0, 0, 0 from d
  union all
  select vn_day(ended_at), 0,
         (not stopped and appointment_at is not null and vn_day(ended_at) < vn_day(appointment_at))::int,
         (not stopped and (appointment_at is null or (ended_at <= appointment_at and vn_day(ended_at) >= vn_day(appointment_at))))::int,
         (not stopped and appointment_at is not null and ended_at > appointment_at)::int,
         stopped::int, 0, 0
    from d where ended_at is not null
  union all
  select vn_day(appointment_at), 0, 0, 0, 0, 0, 1, 0 from d where appointment_at is not null
  union all
  select greatest(vn_day(appointment_at), vn_day(ended_at)), 0, 0, 0, 0, 0, 0, 1
    from d where appointment_at is not null and ended_at is not null
$$;

-- Appends −old +new for a changed dossier row, summed per day; nothing when the change moves no count.
create function dossier_stats_track() returns trigger language plpgsql as $$
begin
  insert into dossier_stats_delta
  select agency_id, agency_path, procedure_id, field_code, channel, day,
         sum(received), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(cancelled),
         sum(due), sum(due_closed)
  from (
    select new.agency_id, new.agency_path, new.procedure_id, new.field_code, new.channel, r.*
      from dossier_stats_rows(new.received_at, new.appointment_at, new.completed_at, new.updated_at, new.status) r
    union all
    select old.agency_id, old.agency_path, old.procedure_id, old.field_code, old.channel, r.day,
           -r.received, -r.finished_early, -r.finished_on_time, -r.finished_late, -r.cancelled, -r.due, -r.due_closed
      from dossier_stats_rows(old.received_at, old.appointment_at, old.completed_at, old.updated_at, old.status) r
  ) c (agency_id, agency_path, procedure_id, field_code, channel, day, received, finished_early,
       finished_on_time, finished_late, cancelled, due, due_closed)
  group by agency_id, agency_path, procedure_id, field_code, channel, day
  having sum(received) <> 0 or sum(finished_early) <> 0 or sum(finished_on_time) <> 0 or sum(finished_late) <> 0
      or sum(cancelled) <> 0 or sum(due) <> 0 or sum(due_closed) <> 0;
  return null;
end $$;

-- New dossiers, once per statement over all the rows it inserted: a bulk load (INSERT … SELECT of
-- millions of dossiers) appends one aggregated delta per agency, procedure, channel and day instead
-- of one per dossier.
create function dossier_stats_track_inserts() returns trigger language plpgsql as $$
begin
  insert into dossier_stats_delta
  select d.agency_id, d.agency_path, d.procedure_id, d.field_code, d.channel, r.day,
         sum(r.received), sum(r.finished_early), sum(r.finished_on_time), sum(r.finished_late),
         sum(r.cancelled), sum(r.due), sum(r.due_closed)
  from inserted d
  cross join lateral dossier_stats_rows(d.received_at, d.appointment_at, d.completed_at, d.updated_at, d.status) r
  group by d.agency_id, d.agency_path, d.procedure_id, d.field_code, d.channel, r.day;
  return null;
end $$;

create trigger dossier_stats_insert after insert on dossiers
  referencing new table as inserted
  for each statement execute function dossier_stats_track_inserts();
-- Only the columns the counts read; updated_at only matters once handling stopped (it is the end time).
create trigger dossier_stats_update after update on dossiers
  for each row when (
    old.received_at is distinct from new.received_at or old.appointment_at is distinct from new.appointment_at
    or old.completed_at is distinct from new.completed_at or old.status is distinct from new.status
    or old.agency_id is distinct from new.agency_id or old.agency_path is distinct from new.agency_path
    or old.procedure_id is distinct from new.procedure_id or old.field_code is distinct from new.field_code
    or old.channel is distinct from new.channel
    or (new.status in ('dung_xu_ly', 'cong_dan_yeu_cau_rut', 'khong_duoc_tiep_nhan')
        and new.completed_at is null and old.updated_at is distinct from new.updated_at))
  execute function dossier_stats_track();

-- Adds the rows of `source` (a table of the delta's shape) to the tier table `target`, summed per
-- `grain` ('day', 'month' or 'year'). The agency's path is its current one (an agency moved in the tree
-- takes its counts along).
create function dossier_stats_add(target text, grain text, source text) returns void language plpgsql as $$
begin
  execute format($f$
    insert into %1$I as s (agency_id, agency_path, procedure_id, field_code, channel, day,
      received, finished_early, finished_on_time, finished_late, cancelled, due, due_closed)
    select x.agency_id, (select a.path from agencies a where a.id = x.agency_id), x.procedure_id, x.field_code,
           x.channel, date_trunc(%2$L, x.day::timestamp)::date,
           sum(x.received), sum(x.finished_early), sum(x.finished_on_time), sum(x.finished_late),
           sum(x.cancelled), sum(x.due), sum(x.due_closed)
    from %3$s x
    group by x.agency_id, x.procedure_id, x.field_code, x.channel, date_trunc(%2$L, x.day::timestamp)::date
    on conflict (agency_id, procedure_id, channel, day, field_code) do update set
      agency_path = excluded.agency_path,
      received = s.received + excluded.received,
      finished_early = s.finished_early + excluded.finished_early,
      finished_on_time = s.finished_on_time + excluded.finished_on_time,
      finished_late = s.finished_late + excluded.finished_late,
      cancelled = s.cancelled + excluded.cancelled,
      due = s.due + excluded.due,
      due_closed = s.due_closed + excluded.due_closed
  $f$, target, grain, source);
end $$;

-- Folds the pending deltas into the three tables; folds run one at a time (a report that folds waits
-- for a running fold, so it then reads every committed change). Returns the number of deltas folded.
create function dossier_stats_fold() returns bigint language plpgsql as $$
declare n bigint;
begin
  perform pg_advisory_xact_lock(872301555);
  drop table if exists pg_temp.dossier_stats_moving;
  create temp table dossier_stats_moving (like dossier_stats_delta) on commit drop;
  with moved as (delete from dossier_stats_delta returning *)
  insert into dossier_stats_moving select * from moved;
  get diagnostics n = row_count;
  if n > 0 then
    perform dossier_stats_add('dossier_stats_daily', 'day', 'pg_temp.dossier_stats_moving');
    perform dossier_stats_add('dossier_stats_monthly', 'month', 'pg_temp.dossier_stats_moving');
    perform dossier_stats_add('dossier_stats_yearly', 'year', 'pg_temp.dossier_stats_moving');
  end if;
  drop table pg_temp.dossier_stats_moving;
  return n;
end $$;

-- Rebuilds the three tables from the dossiers themselves, e.g. after a bulk load (docs/reports.md).
-- Writers of dossiers wait meanwhile, so nothing is lost. Returns the number of daily rows.
create function dossier_stats_rebuild() returns bigint language plpgsql as $$
declare n bigint;
begin
  lock table dossiers in share mode;
  perform pg_advisory_xact_lock(872301555);
  delete from dossier_stats_delta;
  delete from dossier_stats_daily;
  delete from dossier_stats_monthly;
  delete from dossier_stats_yearly;
  insert into dossier_stats_daily (agency_id, agency_path, procedure_id, field_code, channel, day,
    received, finished_early, finished_on_time, finished_late, cancelled, due, due_closed)
  select d.agency_id, d.agency_path, d.procedure_id, d.field_code, d.channel, r.day,
         sum(r.received), sum(r.finished_early), sum(r.finished_on_time), sum(r.finished_late),
         sum(r.cancelled), sum(r.due), sum(r.due_closed)
  from dossiers d
  cross join lateral dossier_stats_rows(d.received_at, d.appointment_at, d.completed_at, d.updated_at, d.status) r
  where d.received_at is not null
  group by d.agency_id, d.agency_path, d.procedure_id, d.field_code, d.channel, r.day;
  get diagnostics n = row_count;
  perform dossier_stats_add('dossier_stats_monthly', 'month', 'dossier_stats_daily');
  perform dossier_stats_add('dossier_stats_yearly', 'year', 'dossier_stats_monthly');
  analyze dossier_stats_daily;
  analyze dossier_stats_monthly;
  analyze dossier_stats_yearly;
  return n;
end $$;

-- Dossiers that already exist (a database migrated with data).
select dossier_stats_rebuild();
