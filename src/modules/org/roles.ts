import type { Kysely } from 'kysely';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DB } from '../../db/types.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import {
  assertAgencyReadable,
  assertMayGrant,
  assertPathPermission,
  assertRootAdmin,
  coversSubtree,
  pathInScopes,
  READ_ORG,
  requireAuthed,
  scopesForAny,
} from './access.ts';
import type { RoleAssignmentCreate, RoleAssignmentListQuery, RoleAssignmentView, RoleUpdate, RoleView } from './schema.ts';
import { assignmentView, isUniqueViolation, roleView } from './views.ts';

/** Roles (vai trò) and their grants to officials inside agencies: permissions by position and by person (II.17.2). */

const ADMIN_ROLE = 'quan_tri_he_thong';

export async function listRoles(db: Executor, auth: AuthContext | undefined): Promise<RoleView[]> {
  scopesForAny(auth, READ_ORG);
  const rows = await db.selectFrom('roles').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map(roleView);
}

/** Renames a role or changes its permissions; only a root administrator (system.admin over a whole tree). */
export async function updateRole(db: Kysely<DB>, auth: AuthContext | undefined, code: string, input: RoleUpdate, actor: Actor): Promise<RoleView> {
  assertRootAdmin(auth);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('roles').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError('Không tìm thấy vai trò');
    if (code === ADMIN_ROLE && input.permissions && !input.permissions.includes('system.admin')) {
      throw new ValidationError([{ field: 'body.permissions', message: 'Vai trò quản trị hệ thống phải giữ quyền system.admin' }]);
    }
    const after = await trx
      .updateTable('roles')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.permissions !== undefined ? { permissions: input.permissions } : {}),
      })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'role.update', entityType: 'role', entityId: code, before: roleView(before), after: roleView(after) });
    return roleView(after);
  });
}

export function selectAssignments(db: Executor) {
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('accounts as a', 'a.id', 'ra.account_id')
    .innerJoin('roles as r', 'r.code', 'ra.role_code')
    .innerJoin('agencies as ag', 'ag.id', 'ra.agency_id')
    .select([
      'ra.id',
      'ra.account_id',
      'a.username',
      'a.full_name',
      'ra.role_code',
      'r.name as role_name',
      'ra.agency_id',
      'ag.name as agency_name',
      'ra.include_subtree',
      'ra.created_at',
    ]);
}

/** The official's home agency (where they work); callers must manage it to change their rights. */
export async function lockOfficialAccount(trx: Tx, accountId: string, field = 'body.accountId') {
  const acc = await trx
    .selectFrom('accounts as a')
    .innerJoin('officials as o', 'o.account_id', 'a.id')
    .innerJoin('agencies as ag', 'ag.id', 'o.agency_id')
    .select(['a.id', 'a.kind', 'a.status', 'o.agency_id', 'ag.path as agency_path'])
    .where('a.id', '=', accountId)
    .forUpdate('a')
    .executeTakeFirst();
  if (acc?.kind !== 'official') throw new ValidationError([{ field, message: 'Không tìm thấy cán bộ, công chức với mã này' }]);
  return acc;
}

/**
 * Assignments of one agency or one official, or all those in the caller's scopes. For an official,
 * all of their assignments are shown to whoever manages their home agency.
 */
export async function listRoleAssignments(
  db: Executor,
  auth: AuthContext | undefined,
  query: RoleAssignmentListQuery = {},
): Promise<RoleAssignmentView[]> {
  const scopes = scopesForAny(auth, ['users.manage']);
  let q = selectAssignments(db);
  if (query.agencyId) {
    await assertAgencyReadable(db, auth, query.agencyId, ['users.manage']);
    q = q.where('ra.agency_id', '=', query.agencyId);
  }
  if (query.accountId) {
    const home = await db
      .selectFrom('officials as o')
      .innerJoin('agencies as ag', 'ag.id', 'o.agency_id')
      .select('ag.path')
      .where('o.account_id', '=', query.accountId)
      .executeTakeFirst();
    if (!home) throw new NotFoundError('Không tìm thấy cán bộ, công chức');
    assertPathPermission(auth, ['users.manage'], home.path);
    q = q.where('ra.account_id', '=', query.accountId);
  } else {
    q = q.where(pathInScopes('ag.path', scopes));
  }
  const rows = await q.orderBy('a.full_name').orderBy('ra.account_id').orderBy('ra.role_code').orderBy('ra.id').limit(1000).execute();
  return rows.map(assignmentView);
}

/**
 * Grants a role to an official inside an agency (optionally over its subtree). The caller needs
 * users.manage over the agency and over the official's home agency, every permission of the role
 * there, and for include_subtree a subtree grant of their own covering the agency.
 */
export async function grantRole(db: Kysely<DB>, auth: AuthContext | undefined, input: RoleAssignmentCreate, actor: Actor): Promise<RoleAssignmentView> {
  const a = requireAuthed(auth);
  const includeSubtree = input.includeSubtree ?? false;
  try {
    return await db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, a, 'users.manage', input.agencyId);
      const agency = await trx.selectFrom('agencies').select(['id', 'path', 'active']).where('id', '=', input.agencyId).forShare().executeTakeFirstOrThrow();
      assertPathPermission(a, ['users.manage'], agency.path);
      if (!agency.active) throw new ValidationError([{ field: 'body.agencyId', message: 'Cơ quan, đơn vị đã ngừng hoạt động' }]);
      const acc = await lockOfficialAccount(trx, input.accountId);
      assertPathPermission(a, ['users.manage'], acc.agency_path);
      const role = await trx.selectFrom('roles').select(['code', 'permissions']).where('code', '=', input.roleCode).executeTakeFirst();
      if (!role) throw new ValidationError([{ field: 'body.roleCode', message: 'Không tìm thấy vai trò' }]);
      if (includeSubtree && !coversSubtree(a, 'users.manage', agency.path)) {
        throw new ForbiddenError('Bạn chỉ được cấp quyền cho cả các đơn vị trực thuộc khi chính bạn quản trị toàn bộ các đơn vị này');
      }
      assertMayGrant(a, role.permissions, agency.path, includeSubtree);
      const clash = await trx
        .selectFrom('role_assignments')
        .select('id')
        .where('account_id', '=', acc.id)
        .where('role_code', '=', role.code)
        .where('agency_id', '=', agency.id)
        .executeTakeFirst();
      if (clash) throw duplicate();
      const row = await trx
        .insertInto('role_assignments')
        .values({ account_id: acc.id, role_code: role.code, agency_id: agency.id, include_subtree: includeSubtree })
        .returning('id')
        .executeTakeFirstOrThrow();
      const view = assignmentView(await selectAssignments(trx).where('ra.id', '=', row.id).executeTakeFirstOrThrow());
      await appendAudit(trx, actor, {
        action: 'role_assignment.grant',
        entityType: 'role_assignment',
        entityId: row.id,
        agencyId: agency.id,
        after: { accountId: acc.id, roleCode: role.code, agencyId: agency.id, includeSubtree },
      });
      return view;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicate() : err;
  }
}

const duplicate = () => new ConflictError('Cán bộ đã có vai trò này tại cơ quan, đơn vị này', 'duplicate_role_assignment');

/** Revokes a grant; the caller must be able to make that grant themselves. */
export async function revokeRole(db: Kysely<DB>, auth: AuthContext | undefined, id: string, actor: Actor): Promise<void> {
  const a = requireAuthed(auth);
  scopesForAny(a, ['users.manage']);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('role_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError('Không tìm thấy phân quyền này');
    await assertAgencyPermission(trx, a, 'users.manage', before.agency_id);
    const agency = await trx.selectFrom('agencies').select('path').where('id', '=', before.agency_id).executeTakeFirstOrThrow();
    const role = await trx.selectFrom('roles').select('permissions').where('code', '=', before.role_code).executeTakeFirstOrThrow();
    if (before.include_subtree && !coversSubtree(a, 'users.manage', agency.path)) {
      throw new ForbiddenError('Bạn không quản trị toàn bộ các đơn vị mà phân quyền này bao trùm');
    }
    assertMayGrant(a, role.permissions, agency.path, before.include_subtree);
    await trx.deleteFrom('role_assignments').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'role_assignment.revoke',
      entityType: 'role_assignment',
      entityId: id,
      agencyId: before.agency_id,
      before: { accountId: before.account_id, roleCode: before.role_code, agencyId: before.agency_id, includeSubtree: before.include_subtree },
    });
  });
}
