-- Result templates (mẫu kết quả): per procedure, the licence, certificate or decision the agency issues,
-- as a title, a body with placeholders (src/domain/result-template.ts) and the signer. Every saved
-- version kept, like the e-forms, so that a result drafted earlier can be explained later.
create table result_templates (
  procedure_id uuid not null references procedures(id),
  version      integer not null check (version >= 1),
  title        text not null check (length(title) between 1 and 300),
  body         text not null check (length(body) between 1 and 20000),
  signer_title text not null check (length(signer_title) between 1 and 200),
  signer_name  text not null default '' check (length(signer_name) <= 200),
  created_at   timestamptz not null default now(),
  created_by   uuid references accounts(id),
  primary key (procedure_id, version)
);
comment on table result_templates is 'Mẫu kết quả của thủ tục, mọi phiên bản đã lưu';

create function result_templates_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'result_templates is append-only' using errcode = 'check_violation';
end $$;
create trigger result_templates_append_only before update or delete on result_templates
  for each row execute function result_templates_append_only();
