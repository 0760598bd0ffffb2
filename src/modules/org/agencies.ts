import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildForest, childPath, idsOnPath, inScopes, topScopes, wouldCycle } from '../../domain/org-tree.ts';
import type { TreeNode } from '../../domain/org-tree.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DB } from '../../db/types.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit, redactForAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertAgencyReadable, assertPathPermission, assertRootAdmin, pathInScopes, READ_ORG, requireAuthed, scopesForAny } from './access.ts';
import type { Scopes } from './access.ts';
import type { AgencyCreate, AgencyDetail, AgencyListQuery, AgencyTreeNode, AgencyUpdate, AgencyView } from './schema.ts';
import { agencyView, given, isUniqueViolation } from './views.ts';
import { escapeLike } from '../../domain/text.ts';

/** Agencies (cơ quan, đơn vị): a tree of any depth with materialised paths, partitioned by scopes. */

function selectAgencies(db: Executor, scopes: Scopes, includeInactive: boolean) {
  const childActive = includeInactive ? sql`` : sql`and c.active`;
  return db
    .selectFrom('agencies as a')
    .selectAll('a')
    .select(sql<number>`(select count(*) from agencies c where c.parent_id = a.id ${childActive} and ${pathInScopes('c.path', scopes)})`.as('child_count'));
}

async function viewOf(db: Executor, scopes: Scopes, id: string): Promise<AgencyView> {
  const row = await selectAgencies(db, scopes, false).where('a.id', '=', id).executeTakeFirstOrThrow();
  return agencyView(row);
}

/**
 * Children of `parentId` (or, without it, the top-most agencies the caller may see), or with `q` a
 * diacritic-insensitive search by name or code among the agencies the caller may see.
 */
export async function listAgencies(db: Executor, auth: AuthContext | undefined, query: AgencyListQuery = {}): Promise<AgencyView[]> {
  const scopes = scopesForAny(auth, READ_ORG);
  const includeInactive = query.includeInactive === true;
  const limit = query.limit ?? 200;
  let q = selectAgencies(db, scopes, includeInactive).where(pathInScopes('a.path', scopes));
  if (!includeInactive) q = q.where('a.active', '=', true);
  const parent = query.parentId ? await assertAgencyReadable(db, auth, query.parentId) : undefined;
  const term = query.q?.normalize('NFC').trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    q = q.where(sql<boolean>`(vn_fold(a.name) like vn_fold(${pattern}) or a.code ilike ${pattern})`);
    if (parent) q = q.where('a.path', 'like', `${parent.path}%`);
    return (await q.orderBy('a.depth').orderBy('a.name').orderBy('a.id').limit(limit).execute()).map(agencyView);
  }
  if (parent) q = q.where('a.parent_id', '=', parent.id);
  else q = q.where('a.path', 'in', topScopes(scopes));
  return (await q.orderBy('a.name').orderBy('a.id').limit(limit).execute()).map(agencyView);
}

/** One agency with its ancestors from the top (breadcrumb); ancestors outside the caller's scopes are marked. */
export async function getAgency(db: Executor, auth: AuthContext | undefined, id: string): Promise<AgencyDetail> {
  const scopes = scopesForAny(auth, READ_ORG);
  await assertAgencyReadable(db, auth, id);
  const row = await selectAgencies(db, scopes, false).where('a.id', '=', id).executeTakeFirstOrThrow();
  const ancestorIds = idsOnPath(row.path).slice(0, -1);
  const ancestors =
    ancestorIds.length === 0
      ? []
      : await db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('id', 'in', ancestorIds).orderBy('depth').execute();
  return { ...agencyView(row), ancestors: ancestors.map((a) => ({ id: a.id, code: a.code, name: a.name, accessible: inScopes(scopes, a.path) })) };
}

/** The agencies the caller may see, nested (below `rootId` when given). */
export async function getAgencyTree(
  db: Executor,
  auth: AuthContext | undefined,
  opts: { rootId?: string | undefined; includeInactive?: boolean | undefined } = {},
): Promise<AgencyTreeNode[]> {
  const scopes = scopesForAny(auth, READ_ORG);
  let q = selectAgencies(db, scopes, opts.includeInactive === true).where(pathInScopes('a.path', scopes));
  if (opts.includeInactive !== true) q = q.where('a.active', '=', true);
  if (opts.rootId) {
    const root = await assertAgencyReadable(db, auth, opts.rootId);
    q = q.where('a.path', 'like', `${root.path}%`);
  }
  const rows = (await q.orderBy('a.depth').orderBy('a.name').orderBy('a.id').execute()).map(agencyView);
  const toNode = (n: TreeNode<AgencyView>): AgencyTreeNode => ({ ...n.item, children: n.children.map(toNode) });
  return buildForest(rows).map(toNode);
}

async function lockParent(trx: Tx, parentId: string) {
  // FOR SHARE: siblings may be created concurrently, but the parent cannot move or close meanwhile.
  const parent = await trx.selectFrom('agencies').select(['id', 'path', 'depth', 'active']).where('id', '=', parentId).forShare().executeTakeFirst();
  if (!parent) throw new ValidationError([{ field: 'body.parentId', message: 'Không tìm thấy cơ quan cấp trên' }]);
  if (!parent.active) throw new ValidationError([{ field: 'body.parentId', message: 'Cơ quan cấp trên đã ngừng hoạt động' }]);
  return parent;
}

async function assertCodeFree(trx: Tx, code: string, exceptId?: string): Promise<void> {
  let q = trx.selectFrom('agencies').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new ConflictError(`Mã cơ quan ${code} đã được sử dụng`, 'duplicate_agency_code');
}

function duplicateCode(err: unknown, code: string | undefined): unknown {
  return isUniqueViolation(err, 'agencies_code_key') ? new ConflictError(`Mã cơ quan ${code ?? ''} đã được sử dụng`, 'duplicate_agency_code') : err;
}

/**
 * Creates an agency. Below a parent it needs org.manage over the new agency's place (a subtree
 * grant covering the parent); at the top it needs a root administrator.
 */
export async function createAgency(db: Kysely<DB>, auth: AuthContext | undefined, input: AgencyCreate, actor: Actor): Promise<AgencyView> {
  const a = requireAuthed(auth);
  const scopes = scopesForAny(a, READ_ORG);
  const id = randomUUID();
  try {
    return await db.transaction().execute(async (trx) => {
      const parent = input.parentId ? await lockParent(trx, input.parentId) : undefined;
      const path = childPath(parent?.path ?? null, id);
      if (parent) assertPathPermission(a, ['org.manage'], path);
      else assertRootAdmin(a);
      await assertCodeFree(trx, input.code);
      const row = await trx
        .insertInto('agencies')
        .values({
          id,
          parent_id: parent?.id ?? null,
          code: input.code,
          name: input.name,
          short_name: input.shortName ?? null,
          level: input.level,
          admin_unit_code: input.adminUnitCode ?? null,
          address: input.address ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          path,
          depth: parent ? parent.depth + 1 : 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = await viewOf(trx, scopes, id);
      await appendAudit(trx, actor, { action: 'agency.create', entityType: 'agency', entityId: id, agencyId: id, after: redactForAudit(row) });
      return view;
    });
  } catch (err) {
    throw duplicateCode(err, input.code);
  }
}

/** Structural changes are made from above: over the parent, or by a root administrator for a top agency. */
async function assertFromAbove(trx: Tx, auth: AuthContext, parentId: string | null): Promise<void> {
  if (parentId === null) {
    assertRootAdmin(auth);
    return;
  }
  const parent = await trx.selectFrom('agencies').select('path').where('id', '=', parentId).executeTakeFirstOrThrow();
  assertPathPermission(auth, ['org.manage'], parent.path);
}

/**
 * Updates an agency's fields; a new parent moves it with its whole subtree (paths and depths of the
 * descendants are rewritten in the same transaction). Moving under itself or a descendant is refused.
 */
export async function updateAgency(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  input: AgencyUpdate,
  actor: Actor,
): Promise<AgencyView> {
  const a = requireAuthed(auth);
  const scopes = scopesForAny(a, READ_ORG);
  try {
    return await db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, a, 'org.manage', id);
      const before = await trx.selectFrom('agencies').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      // It may have moved between the check and the lock.
      assertPathPermission(a, ['org.manage'], before.path);
      const { parentId, ...fields } = given(input);
      let moved = 0;
      if (parentId !== undefined && parentId !== before.parent_id) {
        await assertFromAbove(trx, a, before.parent_id);
        const parent = parentId === null ? undefined : await lockParent(trx, parentId);
        if (parent && wouldCycle(before.path, parent.path)) {
          throw new ValidationError([{ field: 'body.parentId', message: 'Không thể chuyển cơ quan vào chính nó hoặc vào đơn vị trực thuộc của nó' }]);
        }
        const newPath = childPath(parent?.path ?? null, id);
        if (parent) assertPathPermission(a, ['org.manage'], newPath);
        else assertRootAdmin(a);
        const delta = (parent ? parent.depth + 1 : 0) - before.depth;
        // Lock the whole subtree first: a sub-agency being created concurrently below it either
        // commits before (and the rewrite below, a new statement, sees it) or waits for us.
        await trx.selectFrom('agencies').select('id').where('path', 'like', `${before.path}%`).forUpdate().execute();
        // The agency and all its descendants share the old path as prefix: rewrite them in one statement.
        const r = await trx
          .updateTable('agencies')
          .set({
            path: sql<string>`${newPath} || substr(path, ${before.path.length + 1})`,
            depth: sql<number>`depth + ${delta}`,
          })
          .where('path', 'like', `${before.path}%`)
          .executeTakeFirst();
        moved = Number(r.numUpdatedRows) - 1;
        await trx.updateTable('agencies').set({ parent_id: parent?.id ?? null }).where('id', '=', id).execute();
      }
      if (fields.code !== undefined && fields.code !== before.code) await assertCodeFree(trx, fields.code, id);
      const after = await trx
        .updateTable('agencies')
        .set({
          ...(fields.code !== undefined ? { code: fields.code } : {}),
          ...(fields.name !== undefined ? { name: fields.name } : {}),
          ...(fields.shortName !== undefined ? { short_name: fields.shortName } : {}),
          ...(fields.level !== undefined ? { level: fields.level } : {}),
          ...(fields.adminUnitCode !== undefined ? { admin_unit_code: fields.adminUnitCode } : {}),
          ...(fields.address !== undefined ? { address: fields.address } : {}),
          ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
          ...(fields.email !== undefined ? { email: fields.email } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = await viewOf(trx, scopes, id);
      await appendAudit(trx, actor, {
        action: 'agency.update',
        entityType: 'agency',
        entityId: id,
        agencyId: id,
        before: redactForAudit(before),
        after: redactForAudit(after),
        ...(moved > 0 ? { details: { movedDescendants: moved } } : {}),
      });
      return view;
    });
  } catch (err) {
    throw duplicateCode(err, input.code);
  }
}

/** Deactivates (or reactivates) an agency, from above. Refused while it has active sub-agencies. */
export async function setAgencyActive(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  active: boolean,
  actor: Actor,
): Promise<AgencyView> {
  const a = requireAuthed(auth);
  const scopes = scopesForAny(a, READ_ORG);
  return db.transaction().execute(async (trx) => {
    await assertAgencyPermission(trx, a, 'org.manage', id);
    const before = await trx.selectFrom('agencies').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertPathPermission(a, ['org.manage'], before.path);
    await assertFromAbove(trx, a, before.parent_id);
    if (before.active === active) return viewOf(trx, scopes, id);
    if (!active) {
      const child = await trx.selectFrom('agencies').select('id').where('parent_id', '=', id).where('active', '=', true).limit(1).executeTakeFirst();
      if (child) throw new ConflictError('Cơ quan còn đơn vị trực thuộc đang hoạt động: hãy ngừng hoạt động các đơn vị đó trước', 'has_active_children');
    } else if (before.parent_id) {
      const parent = await trx.selectFrom('agencies').select('active').where('id', '=', before.parent_id).executeTakeFirstOrThrow();
      if (!parent.active) throw new ConflictError('Cơ quan cấp trên đang ngừng hoạt động: hãy kích hoạt cơ quan cấp trên trước', 'parent_inactive');
    }
    await trx.updateTable('agencies').set({ active, updated_at: new Date() }).where('id', '=', id).execute();
    const view = await viewOf(trx, scopes, id);
    await appendAudit(trx, actor, {
      action: active ? 'agency.activate' : 'agency.deactivate',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      before: { active: before.active },
      after: { active },
    });
    return view;
  });
}
