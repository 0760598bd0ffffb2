import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { escapeLike } from '../../domain/text.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DB } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertAgencyReadable, assertMayGrant, assertPathPermission, pathInScopes, requireAuthed, scopesForAny } from './access.ts';
import { lockOfficialAccount } from './roles.ts';
import type { GroupCreate, GroupDetail, GroupListQuery, GroupUpdate, GroupView } from './schema.ts';
import { iso, isUniqueViolation } from './views.ts';

/**
 * User groups (nhóm người dùng) of an agency: members receive the group's roles inside that agency,
 * so permissions can be given by group as well as by person and by position (II.17.2).
 */

function selectGroups(db: Executor) {
  return db
    .selectFrom('user_groups as g')
    .innerJoin('agencies as ag', 'ag.id', 'g.agency_id')
    .select(['g.id', 'g.agency_id', 'ag.name as agency_name', 'g.name', 'g.description', 'g.role_codes', 'g.created_at'])
    .select(sql<number>`(select count(*) from user_group_members m where m.group_id = g.id)`.as('member_count'));
}

type GroupRow = Awaited<ReturnType<ReturnType<typeof selectGroups>['executeTakeFirstOrThrow']>>;

function groupView(r: GroupRow): GroupView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    name: r.name,
    description: r.description,
    roleCodes: r.role_codes,
    memberCount: r.member_count,
    createdAt: iso(r.created_at),
  };
}

async function detail(db: Executor, id: string): Promise<GroupDetail> {
  const row = await selectGroups(db).where('g.id', '=', id).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('user_group_members as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .leftJoin('officials as o', 'o.account_id', 'a.id')
    .select(['a.id', 'a.username', 'a.full_name', 'a.status', 'o.agency_id'])
    .where('m.group_id', '=', id)
    .orderBy('a.full_name')
    .orderBy('a.id')
    .execute();
  return {
    ...groupView(row),
    members: members.map((m) => ({ accountId: m.id, username: m.username, fullName: m.full_name, status: m.status, agencyId: m.agency_id })),
  };
}

export async function listGroups(db: Executor, auth: AuthContext | undefined, query: GroupListQuery = {}): Promise<GroupView[]> {
  const scopes = scopesForAny(auth, ['users.manage']);
  let q = selectGroups(db).where(pathInScopes('ag.path', scopes));
  if (query.agencyId) {
    await assertAgencyReadable(db, auth, query.agencyId, ['users.manage']);
    q = q.where('g.agency_id', '=', query.agencyId);
  }
  const term = query.q?.normalize('NFC').trim();
  if (term) q = q.where(sql<boolean>`vn_fold(g.name) like vn_fold(${`%${escapeLike(term)}%`})`);
  return (await q.orderBy('g.name').orderBy('g.id').limit(1000).execute()).map(groupView);
}

export async function getGroup(db: Executor, auth: AuthContext | undefined, id: string): Promise<GroupDetail> {
  scopesForAny(auth, ['users.manage']);
  const g = await db.selectFrom('user_groups').select('agency_id').where('id', '=', id).executeTakeFirst();
  if (!g) throw new NotFoundError('Không tìm thấy nhóm người dùng');
  await assertAgencyPermission(db, auth, 'users.manage', g.agency_id);
  return detail(db, id);
}

/** Role codes must exist, and the caller must hold every permission of each role in the agency. */
async function checkRoles(trx: Tx, auth: AuthContext, roleCodes: readonly string[], agencyPath: string): Promise<void> {
  if (roleCodes.length === 0) return;
  const roles = await trx.selectFrom('roles').select(['code', 'permissions']).where('code', 'in', [...roleCodes]).execute();
  const missing = roleCodes.filter((c) => !roles.some((r) => r.code === c));
  if (missing.length > 0) throw new ValidationError([{ field: 'body.roleCodes', message: `Không có vai trò: ${missing.join(', ')}` }]);
  for (const r of roles) assertMayGrant(auth, r.permissions, agencyPath, false);
}

const duplicateName = (name: string) => new ConflictError(`Cơ quan đã có nhóm người dùng tên "${name}"`, 'duplicate_group_name');

async function assertNameFree(trx: Tx, agencyId: string, name: string, exceptId?: string): Promise<void> {
  let q = trx.selectFrom('user_groups').select('id').where('agency_id', '=', agencyId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw duplicateName(name);
}

async function lockGroup(trx: Tx, auth: AuthContext, id: string) {
  scopesForAny(auth, ['users.manage']);
  const row = await trx.selectFrom('user_groups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy nhóm người dùng');
  await assertAgencyPermission(trx, auth, 'users.manage', row.agency_id);
  const agency = await trx.selectFrom('agencies').select(['path', 'active']).where('id', '=', row.agency_id).executeTakeFirstOrThrow();
  return { row, agencyPath: agency.path };
}

export async function createGroup(db: Kysely<DB>, auth: AuthContext | undefined, input: GroupCreate, actor: Actor): Promise<GroupDetail> {
  const a = requireAuthed(auth);
  try {
    return await db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, a, 'users.manage', input.agencyId);
      const agency = await trx.selectFrom('agencies').select(['path', 'active']).where('id', '=', input.agencyId).forShare().executeTakeFirstOrThrow();
      assertPathPermission(a, ['users.manage'], agency.path);
      if (!agency.active) throw new ValidationError([{ field: 'body.agencyId', message: 'Cơ quan, đơn vị đã ngừng hoạt động' }]);
      const roleCodes = input.roleCodes ?? [];
      await checkRoles(trx, a, roleCodes, agency.path);
      await assertNameFree(trx, input.agencyId, input.name);
      const row = await trx
        .insertInto('user_groups')
        .values({ agency_id: input.agencyId, name: input.name, description: input.description ?? '', role_codes: roleCodes })
        .returning('id')
        .executeTakeFirstOrThrow();
      const view = await detail(trx, row.id);
      await appendAudit(trx, actor, {
        action: 'user_group.create',
        entityType: 'user_group',
        entityId: row.id,
        agencyId: input.agencyId,
        after: { name: view.name, description: view.description, roleCodes: view.roleCodes },
      });
      return view;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

/** Changing the roles of a group changes its members' rights: the caller must hold every role added or removed. */
export async function updateGroup(db: Kysely<DB>, auth: AuthContext | undefined, id: string, input: GroupUpdate, actor: Actor): Promise<GroupDetail> {
  const a = requireAuthed(auth);
  try {
    return await db.transaction().execute(async (trx) => {
      const { row: before, agencyPath } = await lockGroup(trx, a, id);
      if (input.roleCodes) {
        const changed = [...input.roleCodes.filter((c) => !before.role_codes.includes(c)), ...before.role_codes.filter((c) => !input.roleCodes?.includes(c))];
        await checkRoles(trx, a, changed, agencyPath);
      }
      if (input.name !== undefined && input.name !== before.name) await assertNameFree(trx, before.agency_id, input.name, id);
      await trx
        .updateTable('user_groups')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.roleCodes !== undefined ? { role_codes: input.roleCodes } : {}),
        })
        .where('id', '=', id)
        .execute();
      const view = await detail(trx, id);
      await appendAudit(trx, actor, {
        action: 'user_group.update',
        entityType: 'user_group',
        entityId: id,
        agencyId: before.agency_id,
        before: { name: before.name, description: before.description, roleCodes: before.role_codes },
        after: { name: view.name, description: view.description, roleCodes: view.roleCodes },
      });
      return view;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name ?? '') : err;
  }
}

export async function deleteGroup(db: Kysely<DB>, auth: AuthContext | undefined, id: string, actor: Actor): Promise<void> {
  const a = requireAuthed(auth);
  await db.transaction().execute(async (trx) => {
    const { row: before, agencyPath } = await lockGroup(trx, a, id);
    await checkRoles(trx, a, before.role_codes, agencyPath);
    const members = await trx.selectFrom('user_group_members').select('account_id').where('group_id', '=', id).execute();
    await trx.deleteFrom('user_group_members').where('group_id', '=', id).execute();
    await trx.deleteFrom('user_groups').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'user_group.delete',
      entityType: 'user_group',
      entityId: id,
      agencyId: before.agency_id,
      before: { name: before.name, roleCodes: before.role_codes, memberIds: members.map((m) => m.account_id) },
    });
  });
}

/**
 * Adds an official to a group: the caller must manage the official's home agency and hold the
 * group's roles in the group's agency (membership grants them).
 */
export async function addGroupMember(db: Kysely<DB>, auth: AuthContext | undefined, id: string, accountId: string, actor: Actor): Promise<GroupDetail> {
  const a = requireAuthed(auth);
  return db.transaction().execute(async (trx) => {
    const { row, agencyPath } = await lockGroup(trx, a, id);
    const acc = await lockOfficialAccount(trx, accountId);
    assertPathPermission(a, ['users.manage'], acc.agency_path);
    await checkRoles(trx, a, row.role_codes, agencyPath);
    const exists = await trx.selectFrom('user_group_members').select('account_id').where('group_id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (exists) throw new ConflictError('Cán bộ đã là thành viên của nhóm', 'already_member');
    await trx.insertInto('user_group_members').values({ group_id: id, account_id: accountId }).execute();
    const view = await detail(trx, id);
    await appendAudit(trx, actor, {
      action: 'user_group.add_member',
      entityType: 'user_group',
      entityId: id,
      agencyId: row.agency_id,
      after: { accountId, roleCodes: row.role_codes },
    });
    return view;
  });
}

export async function removeGroupMember(db: Kysely<DB>, auth: AuthContext | undefined, id: string, accountId: string, actor: Actor): Promise<GroupDetail> {
  const a = requireAuthed(auth);
  return db.transaction().execute(async (trx) => {
    const { row, agencyPath } = await lockGroup(trx, a, id);
    await checkRoles(trx, a, row.role_codes, agencyPath);
    const r = await trx.deleteFrom('user_group_members').where('group_id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new NotFoundError('Cán bộ không phải thành viên của nhóm');
    const view = await detail(trx, id);
    await appendAudit(trx, actor, {
      action: 'user_group.remove_member',
      entityType: 'user_group',
      entityId: id,
      agencyId: row.agency_id,
      before: { accountId, roleCodes: row.role_codes },
    });
    return view;
  });
}
