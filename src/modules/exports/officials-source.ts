import { z } from 'zod';
import type { CatalogsService } from '../catalogs/service.ts';
import type { OrgService } from '../org/service.ts';
import type { Column } from './columns.ts';
import { ACCOUNT_STATUS_VI } from './accounts-source.ts';
import { dateOf, EXPORT_BATCH, keysetBatches } from './keyset.ts';
import { exportKind } from './kinds.ts';

/** The officials of /mot-cua/nguoi-dung, with its filters, within the caller's partition (users.manage). */

const Id = z.uuid('Mã cơ quan, phòng ban không hợp lệ');
export const OfficialExportFilter = z.object({
  agencyId: Id.optional(),
  /** With agencyId: also the officials of the agencies below it. */
  subtree: z.boolean('Trực thuộc (subtree) phải là true hoặc false').optional(),
  departmentId: Id.optional(),
  status: z.enum(['pending', 'active', 'disabled'], 'Trạng thái (status) không hợp lệ').optional(),
  q: z.string().max(100, 'Từ khóa (q) tối đa 100 ký tự').optional(),
});
export type OfficialExportFilter = z.infer<typeof OfficialExportFilter>;

const OFFICIAL_COLUMNS: readonly Column[] = [
  { key: 'fullName', header: 'Họ và tên', type: 'text' },
  { key: 'username', header: 'Tên đăng nhập', type: 'text' },
  { key: 'email', header: 'Thư điện tử', type: 'text' },
  { key: 'phone', header: 'Số điện thoại', type: 'text' },
  { key: 'agencyName', header: 'Cơ quan, đơn vị', type: 'text' },
  { key: 'departmentName', header: 'Phòng ban', type: 'text' },
  { key: 'position', header: 'Chức vụ', type: 'text' },
  { key: 'title', header: 'Chức danh', type: 'text' },
  { key: 'status', header: 'Trạng thái', type: 'text' },
  { key: 'lastLoginAt', header: 'Đăng nhập gần nhất', type: 'date' },
  { key: 'createdAt', header: 'Ngày tạo', type: 'date' },
];

export const officialExports = (org: OrgService, catalogs: CatalogsService) =>
  exportKind({
    title: 'Danh sách cán bộ, công chức',
    fileStem: 'danh-sach-can-bo',
    xmlRoot: 'officials',
    filter: OfficialExportFilter,
    columns: () => OFFICIAL_COLUMNS,
    check: async (auth, filter) => {
      await org.listOfficials(auth, { ...filter, limit: 1 });
    },
    batches: async function* (auth, filter) {
      // Position names as the page shows them, retired positions included.
      const { items } = await catalogs.listItems('position', { limit: 500, includeInactive: 'true' });
      const positions = new Map(items.map((i) => [i.code, i.name]));
      yield* keysetBatches(
        async (after: string | undefined) => {
          const page = await org.listOfficials(auth, {
            ...filter,
            limit: EXPORT_BATCH,
            ...(after ? { after } : {}),
          });
          return { items: page.items, next: page.nextCursor };
        },
        (o) => ({
          fullName: o.fullName,
          username: o.username,
          email: o.email,
          phone: o.phone,
          agencyName: o.agencyName,
          departmentName: o.departmentName,
          position: o.positionCode ? (positions.get(o.positionCode) ?? o.positionCode) : null,
          title: o.title,
          status: ACCOUNT_STATUS_VI[o.status] ?? o.status,
          lastLoginAt: dateOf(o.lastLoginAt),
          createdAt: dateOf(o.createdAt),
        }),
      );
    },
  });
