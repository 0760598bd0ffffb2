import type { Selectable } from 'kysely';
import type { AgenciesTable, DepartmentsTable } from '../../db/types.ts';
import type { AgencyView, DepartmentView, OfficialView, RoleAssignmentView, RoleView } from './schema.ts';

/** Row → response shapes of the organisation model (camelCase, ISO times). */

export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
export const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export function agencyView(row: Selectable<AgenciesTable> & { child_count?: number | string | null }): AgencyView {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    adminUnitCode: row.admin_unit_code,
    address: row.address,
    phone: row.phone,
    email: row.email,
    depth: row.depth,
    active: row.active,
    childCount: Number(row.child_count ?? 0),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function departmentView(row: Selectable<DepartmentsTable> & { official_count?: number | string | null }): DepartmentView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    name: row.name,
    isOneStop: row.is_one_stop,
    active: row.active,
    officialCount: Number(row.official_count ?? 0),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export interface OfficialRow {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  status: 'pending' | 'active' | 'disabled';
  agency_id: string;
  agency_name: string;
  department_id: string | null;
  department_name: string | null;
  position_code: string | null;
  title: string | null;
  last_login_at: Date | null;
  created_at: Date;
}

export function officialView(r: OfficialRow): OfficialView {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    status: r.status,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    positionCode: r.position_code,
    title: r.title,
    lastLoginAt: isoOrNull(r.last_login_at),
    createdAt: iso(r.created_at),
  };
}

export function roleView(r: { code: string; name: string; name_en: string; description: string; permissions: string[]; sort_order: number }): RoleView {
  return { code: r.code, name: r.name, nameEn: r.name_en, description: r.description, permissions: r.permissions, sortOrder: r.sort_order };
}

export interface AssignmentRow {
  id: string;
  account_id: string;
  username: string;
  full_name: string;
  role_code: string;
  role_name: string;
  agency_id: string;
  agency_name: string;
  include_subtree: boolean;
  created_at: Date;
}

export function assignmentView(r: AssignmentRow): RoleAssignmentView {
  return {
    id: r.id,
    accountId: r.account_id,
    username: r.username,
    fullName: r.full_name,
    roleCode: r.role_code,
    roleName: r.role_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    includeSubtree: r.include_subtree,
    createdAt: iso(r.created_at),
  };
}

/** PostgreSQL unique_violation, raised when a concurrent insert won the race after our check. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** Only the keys of `input` that were given (PATCH semantics under exactOptionalPropertyTypes). */
export function given<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
