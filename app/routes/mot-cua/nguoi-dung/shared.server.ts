import type { AuthContext } from '../../../../src/modules/accounts/sessions.ts';
import type { Services } from '../../../../src/services.ts';
import type { Lang } from '../../../context.ts';

/** Look-ups shared by the users screens: positions (catalog `position`) and roles, as <select> options. */

export async function positionOptions(services: Services): Promise<{ value: string; label: string }[]> {
  const { items } = await services.catalogs.listItems('position', { limit: 500 });
  return items.map((i) => ({ value: i.code, label: i.name }));
}

/** Code → name of every position, retired ones included (old records still show a name). */
export async function positionNames(services: Services): Promise<Record<string, string>> {
  const { items } = await services.catalogs.listItems('position', { limit: 500, includeInactive: 'true' });
  return Object.fromEntries(items.map((i) => [i.code, i.name]));
}

export interface RoleOption {
  value: string;
  label: string;
  permissions: string[];
}

export async function roleOptions(services: Services, auth: AuthContext, lang: Lang): Promise<RoleOption[]> {
  const roles = await services.org.listRoles(auth);
  return roles.map((r) => ({
    value: r.code,
    label: lang === 'en' ? r.nameEn : r.name,
    permissions: r.permissions,
  }));
}
