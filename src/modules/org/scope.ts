import { scopesFor } from '../../domain/permissions.ts';
import type { Permission } from '../../domain/permissions.ts';
import { pathInScopes } from '../access/authorize.ts';
import type { Executor } from '../../db/tx.ts';
import type { AuthContext } from '../accounts/sessions.ts';

/** An agency the caller may act on, indented by depth for a <select>. */
export interface AgencyOption {
  id: string;
  name: string;
  path: string;
  /** The name indented by its depth below the caller's top agency. */
  label: string;
}

/**
 * The active agencies where the caller's grants give `permission` (the granted agency, and its
 * subtree for subtree grants), as a tree in name order. Capped: a province has a few hundred units.
 */
export async function agencyOptions(db: Executor, auth: AuthContext | undefined, permission: Permission): Promise<AgencyOption[]> {
  const { exact, prefixes } = scopesFor(auth?.grants ?? [], permission);
  if (exact.length === 0 && prefixes.length === 0) return [];
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'path', 'parent_id'])
    .where('active', '=', true)
    .where(pathInScopes('path', { exact, prefixes }))
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

export interface OfficialProfile {
  roles: { code: string; name: string; nameEn: string }[];
  agencies: { id: string; name: string; code: string; includeSubtree: boolean; roleCodes: string[] }[];
}

/** The signed-in official's roles (with their names) and the agencies of their grants. */
export async function officialProfile(db: Executor, auth: AuthContext): Promise<OfficialProfile> {
  const roleCodes = [...new Set(auth.grants.map((g) => g.roleCode))];
  const agencyIds = [...new Set(auth.grants.map((g) => g.agencyId))];
  const [roleRows, agencyRows] = await Promise.all([
    roleCodes.length
      ? db.selectFrom('roles').select(['code', 'name', 'name_en']).where('code', 'in', roleCodes).orderBy('sort_order').execute()
      : [],
    agencyIds.length
      ? db.selectFrom('agencies').select(['id', 'name', 'code']).where('id', 'in', agencyIds).orderBy('path').execute()
      : [],
  ]);
  return {
    roles: roleRows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en })),
    agencies: agencyRows.map((a) => {
      const grants = auth.grants.filter((g) => g.agencyId === a.id);
      return {
        id: a.id,
        name: a.name,
        code: a.code,
        includeSubtree: grants.some((g) => g.includeSubtree),
        roleCodes: [...new Set(grants.map((g) => g.roleCode))],
      };
    }),
  };
}
