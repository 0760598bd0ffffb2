import type { Lang } from '../context.ts';
import type { Services } from '../../src/services.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';

export interface OfficialProfileView {
  roles: { code: string; name: string }[];
  agencies: { id: string; name: string; code: string; includeSubtree: boolean; roles: string[] }[];
}

/** The back-office home's view of the official: role names in the interface language. */
export async function officialProfile(services: Services, auth: AuthContext, lang: Lang): Promise<OfficialProfileView> {
  const profile = await services.org.myProfile(auth);
  const roleName = new Map(profile.roles.map((r) => [r.code, lang === 'en' ? r.nameEn : r.name]));
  const name = (code: string) => roleName.get(code) ?? code;
  return {
    roles: profile.roles.map((r) => ({ code: r.code, name: name(r.code) })),
    agencies: profile.agencies.map((a) => ({ id: a.id, name: a.name, code: a.code, includeSubtree: a.includeSubtree, roles: a.roleCodes.map(name) })),
  };
}
