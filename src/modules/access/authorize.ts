import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Permission } from '../../domain/permissions.ts';
import { allows, scopesFor } from '../../domain/permissions.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';

/**
 * Authorisation inside services (not only in routes): an official acts only inside the agencies of
 * their grants. Every service method that reads or changes agency data calls one of these first.
 */
export async function assertAgencyPermission(
  db: Executor,
  auth: AuthContext | undefined,
  permission: Permission,
  agencyId: string,
): Promise<void> {
  if (!auth) throw new UnauthenticatedError();
  const agency = await db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst();
  // Same answer for "does not exist" and "not yours" would hide existence; we say 404 only to those
  // who could see it, and 403 otherwise.
  if (!agency) {
    const scopes = scopesFor(auth.grants, permission);
    if (scopes.exact.length + scopes.prefixes.length === 0) throw new ForbiddenError();
    throw new NotFoundError('Không tìm thấy cơ quan, đơn vị');
  }
  if (!allows(auth.grants, permission, agency.path)) {
    throw new ForbiddenError('Bạn không có quyền với dữ liệu của cơ quan, đơn vị này');
  }
}

/** Throws unless the caller holds `permission` somewhere; returns the agency-path scopes to filter by. */
export function requireScopes(auth: AuthContext | undefined, permission: Permission): { exact: string[]; prefixes: string[] } {
  if (!auth) throw new UnauthenticatedError();
  const scopes = scopesFor(auth.grants, permission);
  if (scopes.exact.length === 0 && scopes.prefixes.length === 0) throw new ForbiddenError();
  return scopes;
}

/** SQL condition: the agency path column lies in the scopes (paths hold uuids and slashes only, no LIKE wildcards). */
export function pathInScopes(pathColumn: string, scopes: { exact: readonly string[]; prefixes: readonly string[] }): RawBuilder<boolean> {
  const col = sql.ref(pathColumn);
  const parts = [
    ...(scopes.exact.length > 0 ? [sql`${col} in (${sql.join(scopes.exact)})`] : []),
    ...scopes.prefixes.map((p) => sql`${col} like ${`${p}%`}`),
  ];
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}
