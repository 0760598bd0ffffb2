import type { Permission } from '../../domain/permissions.ts';
import { holdsAtRoot } from '../../domain/permissions.ts';
import { ForbiddenError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { requireScopes } from '../access/authorize.ts';

/**
 * Data that is not partitioned by agency (shared catalogs, the national working calendar) may only be
 * changed by someone holding `permission` at a top-level agency: the province or ministry at the root of
 * the tree. A commune administrator holds the same role, but only inside the commune.
 */
export function assertTopLevelPermission(
  auth: AuthContext | undefined,
  permission: Permission,
  message: string,
): void {
  requireScopes(auth, permission);
  if (!holdsAtRoot(auth?.grants ?? [], permission)) throw new ForbiddenError(message);
}
