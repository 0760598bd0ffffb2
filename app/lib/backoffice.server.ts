import type { Permission, Grant } from '../../src/domain/permissions.ts';
import { holdsAtRoot } from '../../src/domain/permissions.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import { parseVnDate } from '../../src/domain/datetime.ts';
import type { Services } from '../../src/services.ts';
import { asAppError } from './errors.ts';
import { failWith } from './http.ts';

/**
 * Server helpers shared by the back-office screens (calendar, audit log, catalogs, accounts).
 * Read-only look-ups: every change still goes through a service, which authorises it.
 */

export type { AgencyOption } from '../../src/modules/org/scope.ts';

/** True when a grant gives `permission` at a top-level agency (what global changes require). */
export function isTopLevel(grants: readonly Grant[], permission: Permission): boolean {
  return holdsAtRoot(grants, permission);
}

/** The agencies where the caller holds `permission`, for pickers (read through the org service). */
export function agenciesInScope(services: Services, auth: AuthContext, permission: Permission) {
  return services.org.agencyOptions(auth, permission);
}

/** Runs a service read for a page: "not found" becomes the 404 page and "forbidden" the 403 page. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const code = asAppError(err)?.code;
    if (code === 'not_found') failWith(404);
    if (code === 'forbidden') failWith(403, 'permission');
    throw err;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string | null | undefined): boolean => typeof v === 'string' && UUID.test(v);

/** DD/MM/YYYY (what people type) or YYYY-MM-DD to YYYY-MM-DD; undefined when it is neither a real date. */
export function parseDay(input: string): string | undefined {
  const s = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : undefined;
  }
  return parseVnDate(s);
}
