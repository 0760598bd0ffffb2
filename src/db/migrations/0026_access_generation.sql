-- Who a session is (issue 8): every signed-in request read its session, account, grants and place
-- (one statement, src/modules/accounts/sessions.ts). They are now kept in memory per process
-- (src/modules/accounts/session-cache.ts) while nothing they are made of changed:
--  * `value`, bumped at the commit of every transaction that changed an account's name, status or
--    kind, an official's place, a group, a role, an assignment or an agency (rare; every process
--    then reads its sessions again). Same scheme as catalog_generation (0008): one touch row per
--    changing transaction, the bump deferred to its commit.
--  * `revoked`, the number of the last session revocation: each revoked or ended session (sign-out,
--    password change, session limit, an administrator) is logged in session_revocations with the
--    next number, given at its transaction's commit while it holds this row, so numbers follow the
--    commit order. A process forgets just those sessions: sign-outs, frequent at a busy hour, do not
--    empty anybody else's.
create table access_generation (
  id       boolean primary key default true check (id),
  value    bigint not null,
  revoked  bigint not null default 0
);
insert into access_generation (value) values (1);

create table session_revocations (
  seq         bigint primary key,
  session_id  text not null,
  at          timestamptz not null default now()
);

create function session_revoked() returns trigger
  language plpgsql
  as $$
declare
  n bigint;
begin
  update access_generation set revoked = revoked + 1 returning revoked into n;
  insert into session_revocations (seq, session_id) values (n, old.id);
  -- Every process reads the log within seconds of a commit: a day of it is plenty.
  if n % 1000 = 0 then
    delete from session_revocations where at < now() - interval '1 day';
  end if;
  return null;
end $$;

-- At commit (deferred), one row per session that was live and no longer is.
create constraint trigger sessions_revoked after update of revoked_at, expires_at on sessions
  deferrable initially deferred for each row
  when (old.revoked_at is null and (new.revoked_at is not null or new.expires_at < old.expires_at))
  execute function session_revoked();
create constraint trigger sessions_deleted after delete on sessions
  deferrable initially deferred for each row
  when (old.revoked_at is null)
  execute function session_revoked();

create table access_touches (txid bigint primary key);

create function access_touch() returns trigger
  language plpgsql
  as $$
begin
  insert into access_touches (txid) values (txid_current()) on conflict do nothing;
  return null;
end $$;

create function access_bump() returns trigger
  language plpgsql
  as $$
begin
  update access_generation set value = value + 1;
  delete from access_touches where txid = new.txid;
  return null;
end $$;

create constraint trigger access_touches_bump after insert on access_touches
  deferrable initially deferred for each row execute function access_bump();

-- A truncated sessions table (no row triggers): everything again. Not a new session (no process
-- holds it yet), nor "last seen" (touched once a minute).
create trigger sessions_access_touch after truncate on sessions
  for each statement execute function access_touch();
-- Accounts: only what a session carries (not the sign-in counters written at every attempt).
create trigger accounts_access_touch after update of kind, username, full_name, email, status or delete or truncate
  on accounts for each statement execute function access_touch();
create trigger officials_access_touch after insert or update or delete or truncate on officials
  for each statement execute function access_touch();
create trigger role_assignments_access_touch after insert or update or delete or truncate on role_assignments
  for each statement execute function access_touch();
create trigger roles_access_touch after insert or update or delete or truncate on roles
  for each statement execute function access_touch();
create trigger user_groups_access_touch after insert or update or delete or truncate on user_groups
  for each statement execute function access_touch();
create trigger user_group_members_access_touch after insert or update or delete or truncate on user_group_members
  for each statement execute function access_touch();
create trigger agencies_access_touch after insert or update or delete or truncate on agencies
  for each statement execute function access_touch();
