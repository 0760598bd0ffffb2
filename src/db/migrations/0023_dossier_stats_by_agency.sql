-- Coarser statistics: the same additive counts per agency, channel and day, month or year, without
-- procedure or field (migration 0021 says what each count means). A report grouped by agency, by
-- channel or by month needs no procedure, and the fine tables hold a row per agency, procedure,
-- channel and field: a large province's report by month over one year summed ~680,000 monthly rows
-- and ~1.9 million yearly ones for the opening balance (docs/performance.md); here it sums one row
-- per agency and channel per month or year. Reports grouped by procedure or field keep the fine tables.
create table dossier_stats_agency_daily (
  agency_id        uuid not null,
  agency_path      text not null,
  channel          text not null,
  day              date not null,
  received         integer not null default 0,
  finished_early   integer not null default 0,
  finished_on_time integer not null default 0,
  finished_late    integer not null default 0,
  cancelled        integer not null default 0,
  due              integer not null default 0,
  due_closed       integer not null default 0,
  primary key (agency_id, channel, day)
);
comment on table dossier_stats_agency_daily is 'Số liệu giải quyết hồ sơ theo ngày, cơ quan, kênh (không theo thủ tục): nguồn của báo cáo theo cơ quan, kênh, tháng';
create index dossier_stats_agency_daily_path_day on dossier_stats_agency_daily (agency_path text_pattern_ops, day);
create index dossier_stats_agency_daily_day on dossier_stats_agency_daily (day);
create table dossier_stats_agency_monthly (like dossier_stats_agency_daily including all);
comment on table dossier_stats_agency_monthly is 'Như dossier_stats_agency_daily, cộng theo tháng (day = ngày đầu tháng)';
create table dossier_stats_agency_yearly (like dossier_stats_agency_daily including all);
comment on table dossier_stats_agency_yearly is 'Như dossier_stats_agency_daily, cộng theo năm (day = ngày đầu năm)';

-- As before, and for the agency tables (their names start dossier_stats_agency_) without the
-- procedure and field keys. Each table's primary key is its conflict target.
create or replace function dossier_stats_add(target text, grain text, source text) returns void language plpgsql as $$
declare
  fine boolean := target not like 'dossier\_stats\_agency\_%';
  keys text := case when fine then 'procedure_id, field_code, ' else '' end;
  xkeys text := case when fine then 'x.procedure_id, x.field_code, ' else '' end;
begin
  execute format($f$
    insert into %1$I as s (agency_id, agency_path, %4$s channel, day,
      received, finished_early, finished_on_time, finished_late, cancelled, due, due_closed)
    select x.agency_id, (select a.path from agencies a where a.id = x.agency_id), %5$s
           x.channel, date_trunc(%2$L, x.day::timestamp)::date,
           sum(x.received), sum(x.finished_early), sum(x.finished_on_time), sum(x.finished_late),
           sum(x.cancelled), sum(x.due), sum(x.due_closed)
    from %3$s x
    group by x.agency_id, %5$s x.channel, date_trunc(%2$L, x.day::timestamp)::date
    on conflict on constraint %6$I do update set
      agency_path = excluded.agency_path,
      received = s.received + excluded.received,
      finished_early = s.finished_early + excluded.finished_early,
      finished_on_time = s.finished_on_time + excluded.finished_on_time,
      finished_late = s.finished_late + excluded.finished_late,
      cancelled = s.cancelled + excluded.cancelled,
      due = s.due + excluded.due,
      due_closed = s.due_closed + excluded.due_closed
  $f$, target, grain, source, keys, xkeys, target || '_pkey');
end $$;

-- Folds the pending deltas into the six tables (see 0021).
create or replace function dossier_stats_fold() returns bigint language plpgsql as $$
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
    perform dossier_stats_add('dossier_stats_agency_daily', 'day', 'pg_temp.dossier_stats_moving');
    perform dossier_stats_add('dossier_stats_agency_monthly', 'month', 'pg_temp.dossier_stats_moving');
    perform dossier_stats_add('dossier_stats_agency_yearly', 'year', 'pg_temp.dossier_stats_moving');
  end if;
  drop table pg_temp.dossier_stats_moving;
  return n;
end $$;

-- The agency tables from the fine daily one (each coarser tier from the one below it).
create function dossier_stats_fill_agency() returns void language plpgsql as $$
begin
  delete from dossier_stats_agency_daily;
  delete from dossier_stats_agency_monthly;
  delete from dossier_stats_agency_yearly;
  perform dossier_stats_add('dossier_stats_agency_daily', 'day', 'dossier_stats_daily');
  perform dossier_stats_add('dossier_stats_agency_monthly', 'month', 'dossier_stats_agency_daily');
  perform dossier_stats_add('dossier_stats_agency_yearly', 'year', 'dossier_stats_agency_monthly');
  analyze dossier_stats_agency_daily;
  analyze dossier_stats_agency_monthly;
  analyze dossier_stats_agency_yearly;
end $$;

-- Rebuilds the six tables from the dossiers (see 0021). Returns the number of fine daily rows.
create or replace function dossier_stats_rebuild() returns bigint language plpgsql as $$
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
  perform dossier_stats_fill_agency();
  return n;
end $$;

-- What is already there (the pending deltas reach all six tables at the next fold).
select pg_advisory_xact_lock(872301555);
select dossier_stats_fill_agency();
