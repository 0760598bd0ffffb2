import type { Lang } from '../context.ts';
import type { Services } from '../../src/services.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';

export interface OfficialProfile {
  roles: { code: string; name: string }[];
  agencies: { id: string; name: string; code: string; includeSubtree: boolean; roles: string[] }[];
}

/**
 * Role names (from the roles table) and agencies of an official's grants, for the back-office home.
 * TODO(org module): move to OrgService once it offers agency/role look-ups; the queries are read-only.
 */
export async function officialProfile(
  services: Services,
  auth: AuthContext,
  lang: Lang,
): Promise<OfficialProfile> {
  const db = services.database.db;
  const roleCodes = [...new Set(auth.grants.map((g) => g.roleCode))];
  const agencyIds = [...new Set(auth.grants.map((g) => g.agencyId))];
  const [roleRows, agencyRows] = await Promise.all([
    roleCodes.length
      ? db
          .selectFrom('roles')
          .select(['code', 'name', 'name_en', 'sort_order'])
          .where('code', 'in', roleCodes)
          .orderBy('sort_order')
          .execute()
      : [],
    agencyIds.length
      ? db
          .selectFrom('agencies')
          .select(['id', 'name', 'code'])
          .where('id', 'in', agencyIds)
          .orderBy('path')
          .execute()
      : [],
  ]);
  const roleName = new Map(roleRows.map((r) => [r.code, lang === 'en' ? r.name_en : r.name]));
  return {
    roles: roleRows.map((r) => ({ code: r.code, name: roleName.get(r.code) ?? r.code })),
    agencies: agencyRows.map((a) => {
      const grants = auth.grants.filter((g) => g.agencyId === a.id);
      return {
        id: a.id,
        name: a.name,
        code: a.code,
        includeSubtree: grants.some((g) => g.includeSubtree),
        roles: [...new Set(grants.map((g) => roleName.get(g.roleCode) ?? g.roleCode))],
      };
    }),
  };
}
