import { inScopes, mergeScopes } from '../../domain/org-tree.ts';
import { allows, holdsAtRoot, scopesFor } from '../../domain/permissions.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';

/**
 * Partition rules of the organisation model, on top of access/authorize.ts:
 * - reading agencies and departments needs org.manage or users.manage over the agency;
 * - changing them needs org.manage; officials, role assignments and groups need users.manage;
 * - structural changes (create, move, (de)activate an agency) also need the right over the parent,
 *   i.e. they are done "from above";
 * - granting a role (directly or through a group) needs every permission of that role over the
 *   target, so nobody can hand out more than they hold; include_subtree needs a subtree grant.
 */
export const READ_ORG: readonly Permission[] = ['org.manage', 'users.manage'];

export type Scopes = { exact: string[]; prefixes: string[] };

export function requireAuthed(auth: AuthContext | undefined): AuthContext {
  if (!auth) throw new UnauthenticatedError();
  return auth;
}

/** Scopes in which the caller holds any of `permissions`; 403 when none. */
export function scopesForAny(auth: AuthContext | undefined, permissions: readonly Permission[]): Scopes {
  const a = requireAuthed(auth);
  const merged = mergeScopes(...permissions.map((p) => scopesFor(a.grants, p)));
  if (merged.exact.length === 0 && merged.prefixes.length === 0) throw new ForbiddenError();
  return merged;
}

export function allowsAny(auth: AuthContext, permissions: readonly Permission[], path: string): boolean {
  return permissions.some((p) => allows(auth.grants, p, path));
}

/** Throws 403 unless the caller holds one of `permissions` over the agency at `path`. */
export function assertPathPermission(auth: AuthContext | undefined, permissions: readonly Permission[], path: string): void {
  const a = requireAuthed(auth);
  if (!allowsAny(a, permissions, path)) throw new ForbiddenError('Bạn không có quyền với dữ liệu của cơ quan, đơn vị này');
}

/**
 * Like assertAgencyPermission, for any of several permissions: 404 for an unknown agency (to callers
 * with some right), 403 for an agency outside the caller's scopes. Returns the agency's path.
 */
export async function assertAgencyReadable(
  db: Executor,
  auth: AuthContext | undefined,
  agencyId: string,
  permissions: readonly Permission[] = READ_ORG,
): Promise<{ id: string; path: string; active: boolean }> {
  scopesForAny(auth, permissions);
  const agency = await db.selectFrom('agencies').select(['id', 'path', 'active']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new NotFoundError('Không tìm thấy cơ quan, đơn vị');
  assertPathPermission(auth, permissions, agency.path);
  return agency;
}

/** True when a subtree grant of the caller (with `permission`) covers the agency at `path`. */
export function coversSubtree(auth: AuthContext, permission: Permission, path: string): boolean {
  return auth.grants.some(
    (g) =>
      g.includeSubtree &&
      (g.permissions.includes(permission) || g.permissions.includes('system.admin')) &&
      path.startsWith(g.agencyPath),
  );
}

/** The caller administers a whole top-level tree: system.admin with include_subtree on a root agency. */
export function isRootAdmin(auth: AuthContext | undefined): boolean {
  if (!auth) return false;
  return holdsAtRoot(auth.grants, 'system.admin', { wholeTree: true });
}

export function assertRootAdmin(auth: AuthContext | undefined): void {
  requireAuthed(auth);
  if (!isRootAdmin(auth)) {
    throw new ForbiddenError('Chỉ quản trị hệ thống cấp cao nhất mới được thực hiện thao tác này');
  }
}

/**
 * Anti-escalation: the caller must hold every permission of the role over the agency at `path`
 * (over its whole subtree when the grant is to include it).
 */
export function assertMayGrant(auth: AuthContext, rolePermissions: readonly string[], path: string, includeSubtree: boolean): void {
  for (const p of rolePermissions) {
    const perm = p as Permission;
    const ok = includeSubtree ? coversSubtree(auth, perm, path) : allows(auth.grants, perm, path);
    if (!ok) {
      throw new ForbiddenError(
        includeSubtree
          ? 'Bạn chỉ được cấp quyền cho cả các đơn vị trực thuộc khi chính bạn có quyền đó trên toàn bộ các đơn vị này'
          : 'Bạn không được cấp vai trò có quyền mà chính bạn không có tại cơ quan, đơn vị này',
      );
    }
  }
}

export { inScopes };
export { pathInScopes } from '../access/authorize.ts';
