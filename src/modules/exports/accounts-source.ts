import { z } from 'zod';
import type { AccountsAdminService } from '../accounts/admin.ts';
import { AccountSearch } from '../accounts/schema.ts';
import type { Column } from './columns.ts';
import { dateOf, EXPORT_BATCH, keysetBatches } from './keyset.ts';
import { exportKind } from './kinds.ts';

/** The account search of /mot-cua/tai-khoan-cong-dan (II.17.3) as an export: never a password hash. */

export const AccountExportFilter = AccountSearch.omit({ after: true, limit: true });
export type AccountExportFilter = z.infer<typeof AccountExportFilter>;

export const ACCOUNT_COLUMNS: readonly Column[] = [
  { key: 'id', header: 'Mã tài khoản', type: 'text' },
  { key: 'kind', header: 'Loại tài khoản', type: 'text' },
  { key: 'username', header: 'Tên đăng nhập', type: 'text' },
  { key: 'fullName', header: 'Họ và tên', type: 'text' },
  { key: 'email', header: 'Thư điện tử', type: 'text' },
  { key: 'phone', header: 'Số điện thoại', type: 'text' },
  { key: 'idNumber', header: 'Số định danh cá nhân', type: 'text' },
  { key: 'orgName', header: 'Tên tổ chức', type: 'text' },
  { key: 'taxCode', header: 'Mã số thuế', type: 'text' },
  { key: 'status', header: 'Trạng thái', type: 'text' },
  { key: 'createdAt', header: 'Ngày đăng ký', type: 'date' },
  { key: 'lastLoginAt', header: 'Đăng nhập gần nhất', type: 'date' },
];

export const ACCOUNT_KIND_VI: Readonly<Record<string, string>> = {
  citizen: 'Công dân',
  organisation: 'Tổ chức, doanh nghiệp',
  official: 'Cán bộ, công chức',
};
export const ACCOUNT_STATUS_VI: Readonly<Record<string, string>> = {
  pending: 'Chờ kích hoạt',
  active: 'Đang hoạt động',
  disabled: 'Đã khóa',
};

export const accountExports = (accounts: AccountsAdminService) =>
  exportKind({
    title: 'Danh sách tài khoản',
    fileStem: 'danh-sach-tai-khoan',
    xmlRoot: 'accounts',
    filter: AccountExportFilter,
    columns: () => ACCOUNT_COLUMNS,
    // accounts.manage, and officials only within the caller's agencies: the search's own checks.
    check: async (auth, filter) => {
      await accounts.search(auth, { ...filter, limit: 1 });
    },
    batches: (auth, filter) =>
      keysetBatches(
        (after: string | undefined) =>
          accounts.search(auth, { ...filter, limit: EXPORT_BATCH, ...(after ? { after } : {}) }),
        (a) => ({
          id: a.id,
          kind: ACCOUNT_KIND_VI[a.kind] ?? a.kind,
          username: a.username,
          fullName: a.fullName,
          email: a.email,
          phone: a.phone,
          idNumber: a.idNumber,
          orgName: a.orgName,
          taxCode: a.taxCode,
          status: ACCOUNT_STATUS_VI[a.status] ?? a.status,
          createdAt: dateOf(a.createdAt),
          lastLoginAt: dateOf(a.lastLoginAt),
        }),
      ),
  });

const Day = z.iso.date('Ngày không hợp lệ, định dạng YYYY-MM-DD (ví dụ 2025-09-05)');

/** The period of /mot-cua/tai-khoan-cong-dan/thong-ke; empty: the last 30 days. */
export const AccessStatsExportFilter = z.object({
  from: Day.optional(),
  to: Day.optional(),
});

/** The access log's kinds, in the page's column order, with the page's Vietnamese names. */
const ACCESS_KINDS = [
  ['page', 'Xem trang'],
  ['api', 'Gọi API'],
  ['signin', 'Đăng nhập'],
  ['signin_failed', 'Đăng nhập sai'],
  ['signout', 'Đăng xuất'],
] as const;

const ACCESS_COLUMNS: readonly Column[] = [
  { key: 'day', header: 'Ngày', type: 'day' },
  ...ACCESS_KINDS.map(([key, header]): Column => ({ key, header, type: 'number' })),
  { key: 'total', header: 'Tổng', type: 'number' },
];

/** Every day of the period, days without traffic as zeros, as the page shows them (III.14.2). */
export const accessStatsExports = (accounts: AccountsAdminService) =>
  exportKind({
    title: 'Thống kê truy cập',
    fileStem: 'thong-ke-truy-cap',
    xmlRoot: 'accessStatistics',
    filter: AccessStatsExportFilter,
    columns: () => ACCESS_COLUMNS,
    check: async (auth, filter) => {
      await accounts.accessStats(auth, filter);
    },
    batches: async function* (auth, filter) {
      const stats = await accounts.accessStats(auth, filter);
      const rows = [];
      for (
        let d = Date.parse(`${stats.from}T00:00:00Z`);
        d <= Date.parse(`${stats.to}T00:00:00Z`);
        d += 86_400_000
      ) {
        const day = new Date(d).toISOString().slice(0, 10);
        const counts = ACCESS_KINDS.map(
          ([k]) => [k, stats.items.find((i) => i.day === day && i.kind === k)?.count ?? 0] as const,
        );
        rows.push({ day, ...Object.fromEntries(counts), total: counts.reduce((n, [, c]) => n + c, 0) });
      }
      yield rows;
    },
  });
