-- Working hours and the afternoon cut-off of the legal-time engine (src/domain/legal-time.ts,
-- docs/decisions/0003-legal-time.md): one row for the national default (agency_id null) and one per
-- agency that sets its own. An agency without a row uses its nearest ancestor's, else the default.
-- Holidays, days off and make-up days stay in calendar_days.

create table work_hours (
  id                 uuid primary key default gen_random_uuid(),
  agency_id          uuid references agencies(id),
  -- Working periods of every working day, in order: [{"start":"07:30","end":"11:30"}, …].
  periods            jsonb not null check (jsonb_typeof(periods) = 'array' and jsonb_array_length(periods) between 1 and 4),
  -- Saturday-morning reception (receipt only, not working time); [] when the agency has none.
  saturday_reception jsonb not null default '[]'::jsonb check (jsonb_typeof(saturday_reception) = 'array'),
  -- A dossier received at or after this time starts counting on the next working day.
  cutoff             time not null default '15:00',
  note               text not null default '',
  updated_at         timestamptz not null default now(),
  updated_by         uuid references accounts(id)
);
comment on table work_hours is 'Giờ làm việc và giờ chốt tiếp nhận: mặc định toàn quốc (agency_id null) và của từng cơ quan';
create unique index work_hours_agency on work_hours (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid));

insert into work_hours (agency_id, periods, cutoff, note) values
  (null, '[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]'::jsonb, '15:00',
   'Giờ hành chính phổ biến của cơ quan nhà nước; giờ chốt 15:00 theo quy định về chuyển hồ sơ của cơ chế một cửa');
