import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import {
  AgencyCreate,
  AgencyDetail,
  AgencyListQuery,
  AgencyTreeNode,
  AgencyTreeQuery,
  AgencyUpdate,
  AgencyView,
  DepartmentCreate,
  DepartmentListQuery,
  DepartmentUpdate,
  DepartmentView,
  GroupCreate,
  GroupDetail,
  GroupListQuery,
  GroupMemberAdd,
  GroupMemberParams,
  GroupUpdate,
  GroupView,
  IdParam,
  Ok,
  OfficialCreate,
  OfficialDetail,
  OfficialListQuery,
  OfficialPage,
  OfficialUpdate,
  RoleAssignmentCreate,
  RoleAssignmentListQuery,
  RoleAssignmentView,
  RoleCodeParam,
  RoleUpdate,
  RoleView,
} from './schema.ts';

const tags = ['Tổ chức / Organisation'];
const security = [{ session: [] }];
const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

/**
 * Organisation administration API (II.17.1, II.17.2). Thin: every rule, including authorisation by
 * agency scope, lives in OrgService.
 */
export function orgRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { org } = services;

    // ───────── agencies ─────────
    app.get(
      '/api/admin/agencies',
      { schema: { tags, security, summary: 'Sub-agencies of an agency (or my top agencies), or search by name without diacritics', querystring: AgencyListQuery, response: { 200: items(AgencyView) } } },
      async (req) => ({ items: await org.listAgencies(req.auth, req.query) }),
    );
    app.get(
      '/api/admin/agencies/tree',
      { schema: { tags, security, summary: 'The agencies I may see, nested', querystring: AgencyTreeQuery, response: { 200: items(AgencyTreeNode) } } },
      async (req) => ({ items: await org.getAgencyTree(req.auth, req.query) }),
    );
    app.get(
      '/api/admin/agencies/:id',
      { schema: { tags, security, summary: 'One agency with its ancestors (breadcrumb)', params: IdParam, response: { 200: AgencyDetail } } },
      (req) => org.getAgency(req.auth, req.params.id),
    );
    app.post(
      '/api/admin/agencies',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Create an agency (QCVN 102 code)', body: AgencyCreate, response: { 201: AgencyView } } },
      async (req, reply) => reply.code(201).send(await org.createAgency(req.auth, req.body, actorOf(req))),
    );
    app.patch(
      '/api/admin/agencies/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Update an agency; a new parentId moves it with its subtree', params: IdParam, body: AgencyUpdate, response: { 200: AgencyView } } },
      (req) => org.updateAgency(req.auth, req.params.id, req.body, actorOf(req)),
    );
    for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
      app.post(
        `/api/admin/agencies/:id/${verb}`,
        { preHandler: csrfGuard, schema: { tags, security, summary: `${verb === 'activate' ? 'Reactivate' : 'Deactivate'} an agency`, params: IdParam, response: { 200: AgencyView } } },
        (req) => org.setAgencyActive(req.auth, req.params.id, active, actorOf(req)),
      );
    }

    // ───────── departments ─────────
    app.get(
      '/api/admin/agencies/:id/departments',
      { schema: { tags, security, summary: 'Departments of an agency', params: IdParam, querystring: DepartmentListQuery, response: { 200: items(DepartmentView) } } },
      async (req) => ({ items: await org.listDepartments(req.auth, req.params.id, req.query) }),
    );
    app.post(
      '/api/admin/agencies/:id/departments',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Create a department', params: IdParam, body: DepartmentCreate, response: { 201: DepartmentView } } },
      async (req, reply) => reply.code(201).send(await org.createDepartment(req.auth, req.params.id, req.body, actorOf(req))),
    );
    app.patch(
      '/api/admin/departments/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Update a department', params: IdParam, body: DepartmentUpdate, response: { 200: DepartmentView } } },
      (req) => org.updateDepartment(req.auth, req.params.id, req.body, actorOf(req)),
    );
    for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
      app.post(
        `/api/admin/departments/:id/${verb}`,
        { preHandler: csrfGuard, schema: { tags, security, summary: `${verb === 'activate' ? 'Reactivate' : 'Deactivate'} a department`, params: IdParam, response: { 200: DepartmentView } } },
        (req) => org.setDepartmentActive(req.auth, req.params.id, active, actorOf(req)),
      );
    }

    // ───────── officials ─────────
    app.get(
      '/api/admin/officials',
      { schema: { tags, security, summary: 'Officials I manage, by name (keyset pages: pass nextCursor as after)', querystring: OfficialListQuery, response: { 200: OfficialPage } } },
      (req) => org.listOfficials(req.auth, req.query),
    );
    app.get(
      '/api/admin/agencies/:id/officials',
      { schema: { tags, security, summary: 'Officials of an agency (keyset pages)', params: IdParam, querystring: OfficialListQuery.omit({ agencyId: true }), response: { 200: OfficialPage } } },
      (req) => org.listOfficials(req.auth, { ...req.query, agencyId: req.params.id }),
    );
    app.get(
      '/api/admin/officials/:id',
      { schema: { tags, security, summary: 'One official with roles and groups', params: IdParam, response: { 200: OfficialDetail } } },
      (req) => org.getOfficial(req.auth, req.params.id),
    );
    app.post(
      '/api/admin/officials',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Create an official account', body: OfficialCreate, response: { 201: OfficialDetail } } },
      async (req, reply) => reply.code(201).send(await org.createOfficial(req.auth, req.body, actorOf(req))),
    );
    app.patch(
      '/api/admin/officials/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Update an official (a new password ends their sessions)', params: IdParam, body: OfficialUpdate, response: { 200: OfficialDetail } } },
      (req) => org.updateOfficial(req.auth, req.params.id, req.body, actorOf(req)),
    );
    for (const [verb, enabled] of [['disable', false], ['enable', true]] as const) {
      app.post(
        `/api/admin/officials/:id/${verb}`,
        { preHandler: csrfGuard, schema: { tags, security, summary: verb === 'disable' ? 'Disable an official (ends their sessions)' : 'Re-enable an official', params: IdParam, response: { 200: OfficialDetail } } },
        (req) => org.setOfficialEnabled(req.auth, req.params.id, enabled, actorOf(req)),
      );
    }

    // ───────── roles and assignments ─────────
    app.get(
      '/api/admin/roles',
      { schema: { tags, security, summary: 'Roles and the permissions they may hold', response: { 200: z.object({ items: z.array(RoleView), permissions: z.array(z.string()) }) } } },
      async (req) => ({ items: await org.listRoles(req.auth), permissions: [...PERMISSIONS] }),
    );
    app.patch(
      '/api/admin/roles/:code',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Rename a role or change its permissions (top-level system administrator)', params: RoleCodeParam, body: RoleUpdate, response: { 200: RoleView } } },
      (req) => org.updateRole(req.auth, req.params.code, req.body, actorOf(req)),
    );
    app.get(
      '/api/admin/role-assignments',
      { schema: { tags, security, summary: 'Role grants of an agency or an official', querystring: RoleAssignmentListQuery, response: { 200: items(RoleAssignmentView) } } },
      async (req) => ({ items: await org.listRoleAssignments(req.auth, req.query) }),
    );
    app.post(
      '/api/admin/role-assignments',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Grant a role to an official in an agency (optionally its subtree)', body: RoleAssignmentCreate, response: { 201: RoleAssignmentView } } },
      async (req, reply) => reply.code(201).send(await org.grantRole(req.auth, req.body, actorOf(req))),
    );
    app.delete(
      '/api/admin/role-assignments/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Revoke a role grant', params: IdParam, response: { 200: Ok } } },
      async (req) => {
        await org.revokeRole(req.auth, req.params.id, actorOf(req));
        return { ok: true as const };
      },
    );

    // ───────── groups ─────────
    app.get(
      '/api/admin/groups',
      { schema: { tags, security, summary: 'User groups I manage', querystring: GroupListQuery, response: { 200: items(GroupView) } } },
      async (req) => ({ items: await org.listGroups(req.auth, req.query) }),
    );
    app.get(
      '/api/admin/groups/:id',
      { schema: { tags, security, summary: 'One user group with its members', params: IdParam, response: { 200: GroupDetail } } },
      (req) => org.getGroup(req.auth, req.params.id),
    );
    app.post(
      '/api/admin/groups',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Create a user group with roles', body: GroupCreate, response: { 201: GroupDetail } } },
      async (req, reply) => reply.code(201).send(await org.createGroup(req.auth, req.body, actorOf(req))),
    );
    app.patch(
      '/api/admin/groups/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Update a user group', params: IdParam, body: GroupUpdate, response: { 200: GroupDetail } } },
      (req) => org.updateGroup(req.auth, req.params.id, req.body, actorOf(req)),
    );
    app.delete(
      '/api/admin/groups/:id',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Delete a user group', params: IdParam, response: { 200: Ok } } },
      async (req) => {
        await org.deleteGroup(req.auth, req.params.id, actorOf(req));
        return { ok: true as const };
      },
    );
    app.post(
      '/api/admin/groups/:id/members',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Add an official to a group', params: IdParam, body: GroupMemberAdd, response: { 200: GroupDetail } } },
      (req) => org.addGroupMember(req.auth, req.params.id, req.body.accountId, actorOf(req)),
    );
    app.delete(
      '/api/admin/groups/:id/members/:accountId',
      { preHandler: csrfGuard, schema: { tags, security, summary: 'Remove an official from a group', params: GroupMemberParams, response: { 200: GroupDetail } } },
      (req) => org.removeGroupMember(req.auth, req.params.id, req.params.accountId, actorOf(req)),
    );
  };
}
