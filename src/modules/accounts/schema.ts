import { z } from 'zod';

/** Contracts of the accounts feature: one schema per request and response, shared by API and web forms. */
const nfc = (s: string) => s.normalize('NFC').trim();

export const Password = z
  .string({ error: 'Mật khẩu là bắt buộc' })
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(128, 'Mật khẩu tối đa 128 ký tự')
  .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), 'Mật khẩu phải có cả chữ và số');

export const Email = z
  .string({ error: 'Thư điện tử là bắt buộc' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Thư điện tử không đúng định dạng, ví dụ: ten@example.vn').max(254));

export const Phone = z
  .string()
  .trim()
  .regex(/^0\d{9}$/, 'Nhập số điện thoại gồm 10 chữ số, ví dụ 0912345678');

export const FullName = z
  .string({ error: 'Họ và tên là bắt buộc' })
  .transform(nfc)
  .pipe(z.string().min(2, 'Họ và tên phải có ít nhất 2 ký tự').max(150, 'Họ và tên tối đa 150 ký tự'));

export const CitizenIdNumber = z
  .string({ error: 'Số định danh cá nhân là bắt buộc' })
  .trim()
  .regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) gồm 12 chữ số');

export const TaxCode = z
  .string({ error: 'Mã số thuế là bắt buộc' })
  .trim()
  .regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, dấu gạch và 3 chữ số)');

export const RegisterCitizen = z.object({
  kind: z.literal('citizen'),
  fullName: FullName,
  idNumber: CitizenIdNumber,
  email: Email,
  phone: Phone.optional(),
  password: Password,
  captcha: z.string().optional(),
});

export const RegisterOrganisation = z.object({
  kind: z.literal('organisation'),
  orgName: z.string().transform(nfc).pipe(z.string().min(2, 'Tên tổ chức phải có ít nhất 2 ký tự').max(250)),
  taxCode: TaxCode,
  fullName: FullName,
  email: Email,
  phone: Phone.optional(),
  password: Password,
  captcha: z.string().optional(),
});

export const Register = z.discriminatedUnion('kind', [RegisterCitizen, RegisterOrganisation], {
  error: 'Loại tài khoản phải là "citizen" (công dân) hoặc "organisation" (tổ chức)',
});
export type Register = z.infer<typeof Register>;

export const SignIn = z.object({
  username: z.string({ error: 'Tên đăng nhập là bắt buộc' }).trim().min(1, 'Tên đăng nhập là bắt buộc').max(254),
  password: z.string({ error: 'Mật khẩu là bắt buộc' }).min(1, 'Mật khẩu là bắt buộc').max(128),
  captcha: z.string().optional(),
});
export type SignIn = z.infer<typeof SignIn>;

export const Token = z.object({ token: z.string().min(10, 'Mã xác nhận không hợp lệ').max(200) });

export const RequestReset = z.object({ email: Email, captcha: z.string().optional() });
export const ResetPassword = z.object({ token: z.string().min(10).max(200), password: Password });
export const ChangePassword = z.object({ currentPassword: z.string().min(1).max(128), newPassword: Password });

export const Me = z.object({
  id: z.uuid(),
  kind: z.enum(['official', 'citizen', 'organisation']),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  grants: z.array(
    z.object({ roleCode: z.string(), agencyId: z.uuid(), includeSubtree: z.boolean(), permissions: z.array(z.string()) }),
  ),
});

export const SessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const AccountSearch = z.object({
  q: z.string().max(100).optional(),
  kind: z.enum(['official', 'citizen', 'organisation']).optional(),
  status: z.enum(['pending', 'active', 'disabled']).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountSearch = z.infer<typeof AccountSearch>;

export const AccountRow = z.object({
  id: z.uuid(),
  kind: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  orgName: z.string().nullable(),
  taxCode: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type AccountRow = z.infer<typeof AccountRow>;

/** One account in full (administration): its row, then identity details, sign-in state and agency. */
export const AccountDetail = AccountRow.extend({
  idType: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  address: z.string().nullable(),
  communeCode: z.string().nullable(),
  emailVerifiedAt: z.string().nullable(),
  failedLogins: z.number(),
  lockedUntil: z.string().nullable(),
  updatedAt: z.string(),
  activeSessions: z.number(),
  official: z.object({ agencyId: z.string(), agencyName: z.string(), title: z.string().nullable() }).nullable(),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

export const AccessStats = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(z.object({ day: z.string(), kind: z.string(), count: z.number() })),
  totals: z.record(z.string(), z.number()),
});
export type AccessStats = z.infer<typeof AccessStats>;

export const SetAccountStatus = z.object({ status: z.enum(['active', 'disabled']) });
