/**
 * Role-based and partition-based authorisation, as pure data and functions. A grant says: this
 * official holds these permissions inside this agency (and, with includeSubtree, every agency below).
 */
export const PERMISSIONS = [
  'system.admin',
  'org.manage',
  'users.manage',
  'catalogs.manage',
  'accounts.manage',
  'audit.read',
  'calendar.manage',
  'reports.read',
  'procedures.edit',
  'procedures.review',
  'content.edit',
  'dossiers.receive',
  'dossiers.return',
  'dossiers.read',
  'dossiers.assign',
  'dossiers.process',
  'dossiers.approve',
  'applicants.lookup',
  'postal.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_CODES = [
  'quan_tri_he_thong',
  'bien_tap_vien',
  'can_bo_mot_cua',
  'lanh_dao_phong',
  'can_bo_thu_ly',
  'lanh_dao_don_vi',
  'can_bo_kiem_soat_tthc',
  'nhan_vien_buu_chinh',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface Grant {
  roleCode: string;
  permissions: readonly string[];
  agencyId: string;
  /** Materialised path of the granted agency ("/a/b/"). */
  agencyPath: string;
  includeSubtree: boolean;
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** True when one of the grants gives `permission` over the agency whose path is `targetPath`. */
export function allows(grants: readonly Grant[], permission: Permission, targetPath: string): boolean {
  return grants.some(
    (g) =>
      (g.permissions.includes(permission) || g.permissions.includes('system.admin')) &&
      (g.agencyPath === targetPath || (g.includeSubtree && targetPath.startsWith(g.agencyPath))),
  );
}

/** True when some grant gives `permission` anywhere (used to show menus, never to authorise data). */
export function hasAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => g.permissions.includes(permission) || g.permissions.includes('system.admin'));
}

/** Agency paths the grants cover for `permission`; a query filters rows with these prefixes. */
export function scopesFor(
  grants: readonly Grant[],
  permission: Permission,
): { exact: string[]; prefixes: string[] } {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const g of grants) {
    if (!g.permissions.includes(permission) && !g.permissions.includes('system.admin')) continue;
    (g.includeSubtree ? prefixes : exact).push(g.agencyPath);
  }
  return { exact, prefixes };
}

/** A top-level agency (province or ministry at the root of the tree) has a one-segment path. */
export function isRootPath(path: string): boolean {
  return /^\/[^/]+\/$/.test(path);
}

/**
 * True when a grant gives `permission` at a top-level agency; with `wholeTree`, only a grant that
 * also covers its subtree counts. Data that is not partitioned by agency (shared catalogs, the
 * national calendar, roles) may only be changed by such a holder.
 */
export function holdsAtRoot(grants: readonly Grant[], permission: Permission, opts: { wholeTree?: boolean } = {}): boolean {
  return grants.some(
    (g) =>
      (g.permissions.includes(permission) || g.permissions.includes('system.admin')) &&
      isRootPath(g.agencyPath) &&
      (!opts.wholeTree || g.includeSubtree),
  );
}
