import { z } from 'zod';
import { isAgencyCode } from '../../domain/agency-code.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { cleanText } from '../../domain/text.ts';
import { Email, FullName, Password, Phone } from '../accounts/schema.ts';

/**
 * Contracts of the organisation model (II.17.1, II.17.2): agencies, departments, officials, roles,
 * role assignments and user groups. One schema per request and response, shared by API and web forms.
 */
const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .transform(cleanText)
    .pipe(z.string().min(min, min === 1 ? `${label} là bắt buộc` : `${label} phải có ít nhất ${min} ký tự`).max(max, `${label} tối đa ${max} ký tự`));

/** Optional free text: empty means "none" (null). */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, `${label} tối đa ${max} ký tự`))
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const Id = z.uuid({ error: 'Mã định danh không hợp lệ' });
export const IdParam = z.object({ id: Id });

const boolQuery = z.enum(['true', 'false'], { error: 'Chỉ nhận giá trị true hoặc false' }).transform((v) => v === 'true');

// ───────────────────────────── agencies ─────────────────────────────
export const AGENCY_LEVELS = ['ministry', 'province', 'province_department', 'district', 'commune', 'other'] as const;

export const AgencyCode = z
  .string({ error: 'Mã cơ quan là bắt buộc' })
  .trim()
  .toUpperCase()
  .refine(isAgencyCode, 'Mã cơ quan phải theo QCVN 102, ví dụ 000.00.00.H56');

const AgencyLevel = z.enum(AGENCY_LEVELS, {
  error: 'Cấp cơ quan phải là một trong: ministry, province, province_department, district, commune, other',
});

const AgencyFields = {
  code: AgencyCode,
  name: text('Tên cơ quan', 250, 2),
  shortName: optionalText('Tên viết tắt', 100).optional(),
  level: AgencyLevel,
  adminUnitCode: z
    .string()
    .trim()
    .regex(/^(\d{2}|\d{3}|\d{5})?$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  address: optionalText('Địa chỉ', 300).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(0\d{9,10})?$/, 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  email: Email.nullable().optional(),
};

export const AgencyCreate = z.object({
  parentId: Id.nullable().optional(),
  ...AgencyFields,
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;

export const AgencyUpdate = z.object({
  parentId: Id.nullable().optional(),
  code: AgencyFields.code.optional(),
  name: AgencyFields.name.optional(),
  shortName: AgencyFields.shortName,
  level: AgencyLevel.optional(),
  adminUnitCode: AgencyFields.adminUnitCode,
  address: AgencyFields.address,
  phone: AgencyFields.phone,
  email: AgencyFields.email,
});
export type AgencyUpdate = z.infer<typeof AgencyUpdate>;

export const AgencyListQuery = z.object({
  parentId: Id.optional(),
  q: z.string().max(100, 'Từ khóa tối đa 100 ký tự').optional(),
  includeInactive: boolQuery.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AgencyListQuery = Partial<z.output<typeof AgencyListQuery>>;

export const AgencyView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: AgencyLevel,
  adminUnitCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  depth: z.number().int(),
  active: z.boolean(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const AgencyDetail = AgencyView.extend({
  ancestors: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), accessible: z.boolean() })),
});
export type AgencyDetail = z.infer<typeof AgencyDetail>;

export interface AgencyTreeNode extends AgencyView {
  children: AgencyTreeNode[];
}
export const AgencyTreeNode: z.ZodType<AgencyTreeNode> = AgencyView.extend({
  get children() {
    return z.array(AgencyTreeNode);
  },
});

export const AgencyTreeQuery = z.object({
  rootId: Id.optional(),
  includeInactive: boolQuery.optional(),
});

// ───────────────────────────── departments ─────────────────────────────
const DepartmentCode = z
  .string({ error: 'Mã phòng ban là bắt buộc' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,29}$/, 'Mã phòng ban gồm 1–30 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');

export const DepartmentCreate = z.object({
  code: DepartmentCode,
  name: text('Tên phòng ban', 250, 2),
  isOneStop: z.boolean().optional(),
});
export type DepartmentCreate = z.infer<typeof DepartmentCreate>;

export const DepartmentUpdate = z.object({
  code: DepartmentCode.optional(),
  name: text('Tên phòng ban', 250, 2).optional(),
  isOneStop: z.boolean().optional(),
});
export type DepartmentUpdate = z.infer<typeof DepartmentUpdate>;

export const DepartmentListQuery = z.object({ includeInactive: boolQuery.optional() });

export const DepartmentView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  isOneStop: z.boolean(),
  active: z.boolean(),
  officialCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;

// ───────────────────────────── officials ─────────────────────────────
export const Username = z
  .string({ error: 'Tên đăng nhập là bắt buộc' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang');

const BirthDate = z
  .iso.date({ error: 'Ngày sinh phải có dạng YYYY-MM-DD' })
  .pipe(z.string())
  .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'Ngày sinh không hợp lệ');
const Gender = z.enum(['male', 'female', 'other'], { error: 'Giới tính phải là male, female hoặc other' });
const IdNumber = z.string().trim().regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) gồm 12 chữ số');
const PositionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,50}$/, 'Mã chức vụ gồm 1–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');

export const OfficialCreate = z.object({
  username: Username,
  fullName: FullName,
  email: Email.optional(),
  phone: Phone.optional(),
  password: Password,
  agencyId: Id,
  departmentId: Id.nullable().optional(),
  positionCode: PositionCode.nullable().optional(),
  title: optionalText('Chức danh', 150).optional(),
  birthDate: BirthDate.nullable().optional(),
  gender: Gender.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  address: optionalText('Địa chỉ', 300).optional(),
});
export type OfficialCreate = z.infer<typeof OfficialCreate>;

export const OfficialUpdate = z.object({
  fullName: FullName.optional(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  /** An administrator sets a new password; the official's sessions end. */
  password: Password.optional(),
  agencyId: Id.optional(),
  departmentId: Id.nullable().optional(),
  positionCode: PositionCode.nullable().optional(),
  title: optionalText('Chức danh', 150).optional(),
  birthDate: BirthDate.nullable().optional(),
  gender: Gender.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  address: optionalText('Địa chỉ', 300).optional(),
});
export type OfficialUpdate = z.infer<typeof OfficialUpdate>;

export const OfficialListQuery = z.object({
  agencyId: Id.optional(),
  /** With agencyId: also the officials of every agency below it (within the caller's scopes). */
  subtree: boolQuery.optional(),
  departmentId: Id.optional(),
  status: z.enum(['pending', 'active', 'disabled']).optional(),
  q: z.string().max(100, 'Từ khóa tối đa 100 ký tự').optional(),
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OfficialListQuery = Partial<z.output<typeof OfficialListQuery>>;

export const OfficialView = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['pending', 'active', 'disabled']),
  agencyId: z.uuid(),
  agencyName: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  positionCode: z.string().nullable(),
  title: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OfficialView = z.infer<typeof OfficialView>;

export const OfficialPage = z.object({ items: z.array(OfficialView), nextCursor: z.string().nullable() });
export type OfficialPage = z.infer<typeof OfficialPage>;

// ───────────────────────────── roles and assignments ─────────────────────────────
export const RoleView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  sortOrder: z.number().int(),
});
export type RoleView = z.infer<typeof RoleView>;

export const RoleUpdate = z.object({
  name: text('Tên vai trò', 150, 2).optional(),
  nameEn: text('Tên vai trò (tiếng Anh)', 150, 2).optional(),
  description: optionalText('Mô tả', 500).transform((s) => s ?? '').optional(),
  permissions: z
    .array(z.enum(PERMISSIONS, { error: `Quyền phải là một trong: ${PERMISSIONS.join(', ')}` }))
    .max(PERMISSIONS.length)
    .transform((ps) => [...new Set(ps)])
    .optional(),
});
export type RoleUpdate = z.infer<typeof RoleUpdate>;

export const RoleCodeParam = z.object({ code: z.string().regex(/^[a-z0-9_]{1,50}$/, 'Mã vai trò không hợp lệ') });

export const RoleAssignmentCreate = z.object({
  accountId: Id,
  roleCode: z.string({ error: 'Vai trò là bắt buộc' }).trim().min(1, 'Vai trò là bắt buộc').max(50),
  agencyId: Id,
  includeSubtree: z.boolean().optional(),
});
export type RoleAssignmentCreate = z.infer<typeof RoleAssignmentCreate>;

export const RoleAssignmentListQuery = z.object({ agencyId: Id.optional(), accountId: Id.optional() });
export type RoleAssignmentListQuery = z.infer<typeof RoleAssignmentListQuery>;

export const RoleAssignmentView = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  includeSubtree: z.boolean(),
  createdAt: z.string(),
});
export type RoleAssignmentView = z.infer<typeof RoleAssignmentView>;

// ───────────────────────────── groups ─────────────────────────────
const RoleCodes = z
  .array(z.string().trim().min(1).max(50), { error: 'Danh sách vai trò không hợp lệ' })
  .max(20, 'Tối đa 20 vai trò')
  .transform((cs) => [...new Set(cs)]);

export const GroupCreate = z.object({
  agencyId: Id,
  name: text('Tên nhóm', 150, 2),
  description: optionalText('Mô tả', 500).transform((s) => s ?? '').optional(),
  roleCodes: RoleCodes.optional(),
});
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = z.object({
  name: text('Tên nhóm', 150, 2).optional(),
  description: optionalText('Mô tả', 500).transform((s) => s ?? '').optional(),
  roleCodes: RoleCodes.optional(),
});
export type GroupUpdate = z.infer<typeof GroupUpdate>;

export const GroupListQuery = z.object({
  agencyId: Id.optional(),
  q: z.string().max(100, 'Từ khóa tối đa 100 ký tự').optional(),
});
export type GroupListQuery = z.infer<typeof GroupListQuery>;

export const GroupView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  name: z.string(),
  description: z.string(),
  roleCodes: z.array(z.string()),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupMember = z.object({
  accountId: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  status: z.enum(['pending', 'active', 'disabled']),
  agencyId: z.uuid().nullable(),
});
export const GroupDetail = GroupView.extend({ members: z.array(GroupMember) });
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupMemberAdd = z.object({ accountId: Id });
export const GroupMemberParams = z.object({ id: Id, accountId: Id });

export const OfficialDetail = OfficialView.extend({
  birthDate: z.string().nullable(),
  gender: z.enum(['male', 'female', 'other']).nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  roles: z.array(RoleAssignmentView),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), agencyId: z.uuid(), roleCodes: z.array(z.string()) })),
});
export type OfficialDetail = z.infer<typeof OfficialDetail>;

export const Ok = z.object({ ok: z.literal(true) });
