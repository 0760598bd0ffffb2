-- The grants of an account (direct role assignments plus the roles of its groups), as JSON. It runs
-- on every signed-in request; as a PL/pgSQL function its plan is prepared once per connection
-- instead of planning a union of joins each time (planning cost more than execution).
create or replace function account_grants(p_account uuid) returns jsonb
  language plpgsql stable
  as $$
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'roleCode', g.role_code, 'permissions', g.permissions, 'agencyId', g.agency_id,
             'agencyPath', g.agency_path, 'includeSubtree', g.include_subtree))
    from (
      select r.code as role_code, r.permissions, ag.id as agency_id, ag.path as agency_path, ra.include_subtree
        from role_assignments ra
        join roles r on r.code = ra.role_code
        join agencies ag on ag.id = ra.agency_id
       where ra.account_id = p_account and ag.active
      union all
      select r.code, r.permissions, ag.id, ag.path, false
        from user_group_members m
        join user_groups ug on ug.id = m.group_id
        join roles r on r.code = any(ug.role_codes)
        join agencies ag on ag.id = ug.agency_id
       where m.account_id = p_account and ag.active
    ) g), '[]'::jsonb);
end $$;
