import type { AuthContext } from '../accounts/sessions.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import * as agencies from './agencies.ts';
import * as departments from './departments.ts';
import * as groups from './groups.ts';
import * as officials from './officials.ts';
import * as roles from './roles.ts';
import * as scope from './scope.ts';
import type { AgencyOption, OfficialProfile } from './scope.ts';
import type { Permission } from '../../domain/permissions.ts';
import type {
  AgencyCreate,
  AgencyDetail,
  AgencyListQuery,
  AgencyTreeNode,
  AgencyUpdate,
  AgencyView,
  DepartmentCreate,
  DepartmentUpdate,
  DepartmentView,
  GroupCreate,
  GroupDetail,
  GroupListQuery,
  GroupUpdate,
  GroupView,
  OfficialCreate,
  OfficialDetail,
  OfficialListQuery,
  OfficialPage,
  OfficialUpdate,
  RoleAssignmentCreate,
  RoleAssignmentListQuery,
  RoleAssignmentView,
  RoleUpdate,
  RoleView,
} from './schema.ts';

export type * from './schema.ts';
export type { AgencyOption, OfficialProfile } from './scope.ts';

/**
 * The organisation model (II.17.1, II.17.2): agencies, departments, officials, roles, role
 * assignments and user groups. Every method authorises the caller against their agency scopes
 * (`auth`, from the session) and every change runs in one transaction, locks the changed row and
 * ends with an audit entry (`actor`). Inputs are the parsed outputs of the zod schemas in schema.ts,
 * so the JSON API and the web loaders/actions share them.
 */
export class OrgService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  // ───────── agencies ─────────
  /** Children of `parentId` or, without it, the top-most agencies the caller sees; with `q` a search by name. */
  listAgencies(auth: AuthContext | undefined, query: AgencyListQuery = {}): Promise<AgencyView[]> {
    return agencies.listAgencies(this.db, auth, query);
  }
  getAgency(auth: AuthContext | undefined, id: string): Promise<AgencyDetail> {
    return agencies.getAgency(this.db, auth, id);
  }
  getAgencyTree(auth: AuthContext | undefined, opts: { rootId?: string | undefined; includeInactive?: boolean | undefined } = {}): Promise<AgencyTreeNode[]> {
    return agencies.getAgencyTree(this.db, auth, opts);
  }
  createAgency(auth: AuthContext | undefined, input: AgencyCreate, actor: Actor): Promise<AgencyView> {
    return agencies.createAgency(this.db, auth, input, actor);
  }
  updateAgency(auth: AuthContext | undefined, id: string, input: AgencyUpdate, actor: Actor): Promise<AgencyView> {
    return agencies.updateAgency(this.db, auth, id, input, actor);
  }
  setAgencyActive(auth: AuthContext | undefined, id: string, active: boolean, actor: Actor): Promise<AgencyView> {
    return agencies.setAgencyActive(this.db, auth, id, active, actor);
  }

  /** Agencies where the caller holds `permission`, as an indented tree for pickers. */
  agencyOptions(auth: AuthContext | undefined, permission: Permission): Promise<AgencyOption[]> {
    return scope.agencyOptions(this.db, auth, permission);
  }
  /** The signed-in official's roles and the agencies of their grants (back-office home). */
  myProfile(auth: AuthContext): Promise<OfficialProfile> {
    return scope.officialProfile(this.db, auth);
  }

  // ───────── departments ─────────
  listDepartments(auth: AuthContext | undefined, agencyId: string, opts: { includeInactive?: boolean | undefined } = {}): Promise<DepartmentView[]> {
    return departments.listDepartments(this.db, auth, agencyId, opts);
  }
  createDepartment(auth: AuthContext | undefined, agencyId: string, input: DepartmentCreate, actor: Actor): Promise<DepartmentView> {
    return departments.createDepartment(this.db, auth, agencyId, input, actor);
  }
  updateDepartment(auth: AuthContext | undefined, id: string, input: DepartmentUpdate, actor: Actor): Promise<DepartmentView> {
    return departments.updateDepartment(this.db, auth, id, input, actor);
  }
  setDepartmentActive(auth: AuthContext | undefined, id: string, active: boolean, actor: Actor): Promise<DepartmentView> {
    return departments.setDepartmentActive(this.db, auth, id, active, actor);
  }

  // ───────── officials ─────────
  /** Keyset-paged: pass the page's `nextCursor` as `after`. */
  listOfficials(auth: AuthContext | undefined, query: OfficialListQuery = {}): Promise<OfficialPage> {
    return officials.listOfficials(this.db, auth, query);
  }
  getOfficial(auth: AuthContext | undefined, id: string): Promise<OfficialDetail> {
    return officials.getOfficial(this.db, auth, id);
  }
  createOfficial(auth: AuthContext | undefined, input: OfficialCreate, actor: Actor): Promise<OfficialDetail> {
    return officials.createOfficial(this.db, auth, input, actor);
  }
  updateOfficial(auth: AuthContext | undefined, id: string, input: OfficialUpdate, actor: Actor): Promise<OfficialDetail> {
    return officials.updateOfficial(this.db, auth, id, input, actor);
  }
  /** false disables the account and ends its sessions; true re-enables it. */
  setOfficialEnabled(auth: AuthContext | undefined, id: string, enabled: boolean, actor: Actor): Promise<OfficialDetail> {
    return officials.setOfficialEnabled(this.db, auth, id, enabled, actor);
  }

  // ───────── roles and assignments ─────────
  listRoles(auth: AuthContext | undefined): Promise<RoleView[]> {
    return roles.listRoles(this.db, auth);
  }
  updateRole(auth: AuthContext | undefined, code: string, input: RoleUpdate, actor: Actor): Promise<RoleView> {
    return roles.updateRole(this.db, auth, code, input, actor);
  }
  listRoleAssignments(auth: AuthContext | undefined, query: RoleAssignmentListQuery = {}): Promise<RoleAssignmentView[]> {
    return roles.listRoleAssignments(this.db, auth, query);
  }
  grantRole(auth: AuthContext | undefined, input: RoleAssignmentCreate, actor: Actor): Promise<RoleAssignmentView> {
    return roles.grantRole(this.db, auth, input, actor);
  }
  revokeRole(auth: AuthContext | undefined, assignmentId: string, actor: Actor): Promise<void> {
    return roles.revokeRole(this.db, auth, assignmentId, actor);
  }

  // ───────── groups ─────────
  listGroups(auth: AuthContext | undefined, query: GroupListQuery = {}): Promise<GroupView[]> {
    return groups.listGroups(this.db, auth, query);
  }
  getGroup(auth: AuthContext | undefined, id: string): Promise<GroupDetail> {
    return groups.getGroup(this.db, auth, id);
  }
  createGroup(auth: AuthContext | undefined, input: GroupCreate, actor: Actor): Promise<GroupDetail> {
    return groups.createGroup(this.db, auth, input, actor);
  }
  updateGroup(auth: AuthContext | undefined, id: string, input: GroupUpdate, actor: Actor): Promise<GroupDetail> {
    return groups.updateGroup(this.db, auth, id, input, actor);
  }
  deleteGroup(auth: AuthContext | undefined, id: string, actor: Actor): Promise<void> {
    return groups.deleteGroup(this.db, auth, id, actor);
  }
  addGroupMember(auth: AuthContext | undefined, groupId: string, accountId: string, actor: Actor): Promise<GroupDetail> {
    return groups.addGroupMember(this.db, auth, groupId, accountId, actor);
  }
  removeGroupMember(auth: AuthContext | undefined, groupId: string, accountId: string, actor: Actor): Promise<GroupDetail> {
    return groups.removeGroupMember(this.db, auth, groupId, accountId, actor);
  }
}
