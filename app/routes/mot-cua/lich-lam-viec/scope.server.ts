import type { Permission, Grant } from '../../../../src/domain/permissions.ts';
import { scopesFor } from '../../../../src/domain/permissions.ts';
import { parseVnDate } from '../../../../src/domain/datetime.ts';
import type { Services } from '../../../../src/services.ts';
import { asAppError } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';

/**
 * Server helpers shared by the back-office data screens (calendar, audit log, catalogs).
 * Read-only look-ups: every change still goes through a service, which authorises it.
 */

export interface AgencyOption {
  id: string;
  name: string;
  path: string;
  /** The name indented by its depth below the caller's top agency, for a <select>. */
  label: string;
}

const ROOT_PATH = /^\/[^/]+\/$/;

/** True when a grant gives `permission` at a top-level agency (what global changes require). */
export function isTopLevel(grants: readonly Grant[], permission: Permission): boolean {
  const { exact, prefixes } = scopesFor(grants, permission);
  return [...exact, ...prefixes].some((p) => ROOT_PATH.test(p));
}

/**
 * The active agencies where the grants give `permission` (the granted agency, and its subtree for
 * subtree grants), as a tree in name order. Capped: a province has a few hundred units at most.
 */
export async function agenciesInScope(
  services: Services,
  grants: readonly Grant[],
  permission: Permission,
): Promise<AgencyOption[]> {
  const { exact, prefixes } = scopesFor(grants, permission);
  if (exact.length === 0 && prefixes.length === 0) return [];
  const rows = await services.database.db
    .selectFrom('agencies')
    .select(['id', 'name', 'path', 'parent_id'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        ...(exact.length > 0 ? [eb('path', 'in', exact)] : []),
        ...prefixes.map((p) => eb('path', 'like', `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
      ]),
    )
    .orderBy('depth')
    .orderBy('name')
    .limit(1000)
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: AgencyOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ id: r.id, name: r.name, path: r.path, label: `${'\u2014 '.repeat(depth)}${r.name}` });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
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
