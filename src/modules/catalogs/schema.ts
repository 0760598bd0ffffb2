import { z } from 'zod';

/** Contracts of the shared catalogs (II.16): one schema per request and response. */

export const CatalogParam = z.object({
  catalog: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Mã danh mục (catalog) không hợp lệ'),
});

export const ItemCode = z
  .string({ error: 'Mã mục (code) là bắt buộc' })
  .trim()
  .min(1, 'Mã mục (code) là bắt buộc')
  .max(40, 'Mã mục (code) tối đa 40 ký tự')
  .regex(
    /^[0-9A-Za-z][0-9A-Za-z._-]*$/,
    'Mã mục (code) chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới',
  );

export const ItemParams = CatalogParam.extend({ code: ItemCode });

const ItemName = z
  .string({ error: 'Tên mục (name) là bắt buộc' })
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Tên mục (name) là bắt buộc').max(250, 'Tên mục (name) tối đa 250 ký tự'));

const ParentCode = z
  .string({ error: 'Mã mục cha (parentCode) phải là chuỗi ký tự' })
  .trim()
  .min(1, 'Mã mục cha (parentCode) không được để trống')
  .max(40, 'Mã mục cha (parentCode) tối đa 40 ký tự');

const Extra = z
  .record(z.string(), z.unknown(), { error: 'Thông tin thêm (extra) phải là một đối tượng JSON' })
  .refine((v) => JSON.stringify(v).length <= 4000, 'Thông tin thêm (extra) tối đa 4.000 ký tự');

const SortOrder = z
  .number({ error: 'Thứ tự (sortOrder) phải là số nguyên' })
  .int('Thứ tự (sortOrder) phải là số nguyên')
  .min(0, 'Thứ tự (sortOrder) không được âm')
  .max(1_000_000_000, 'Thứ tự (sortOrder) quá lớn');

export const CreateItem = z.object({
  code: ItemCode,
  name: ItemName,
  parentCode: ParentCode.nullable().optional(),
  extra: Extra.optional(),
  sortOrder: SortOrder.optional(),
});
export type CreateItem = z.infer<typeof CreateItem>;

export const UpdateItem = z
  .object({
    name: ItemName.optional(),
    parentCode: ParentCode.nullable().optional(),
    extra: Extra.optional(),
    sortOrder: SortOrder.optional(),
    active: z.boolean({ error: 'Trạng thái sử dụng (active) phải là true hoặc false' }).optional(),
  })
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    'Cần ít nhất một trường để cập nhật (name, parentCode, extra, sortOrder, active)',
  );
export type UpdateItem = z.infer<typeof UpdateItem>;

export const ListItemsQuery = z.object({
  parent: z.string().trim().max(40, 'Mã mục cha (parent) tối đa 40 ký tự').optional(),
  q: z.string().max(100, 'Từ khóa tìm kiếm (q) tối đa 100 ký tự').optional(),
  after: z.string().max(200, 'Con trỏ phân trang (after) không hợp lệ').optional(),
  limit: z.coerce
    .number({ error: 'Số mục mỗi trang (limit) phải là số' })
    .int('Số mục mỗi trang (limit) phải là số nguyên')
    .min(1, 'Số mục mỗi trang (limit) tối thiểu là 1')
    .max(500, 'Số mục mỗi trang (limit) tối đa là 500')
    .default(50),
  includeInactive: z.enum(['true', 'false'], { error: 'includeInactive phải là true hoặc false' }).optional(),
});
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const ExportQuery = z.object({
  format: z.enum(['json', 'xml'], { error: 'Định dạng (format) phải là json hoặc xml' }).optional(),
  updatedSince: z.iso
    .datetime({
      offset: true,
      error: 'Mốc thời gian (updatedSince) phải theo ISO 8601, ví dụ 2025-07-01T00:00:00Z',
    })
    .optional(),
});

export const CatalogItemView = z.object({
  catalog: z.string(),
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  extra: z.record(z.string(), z.unknown()),
  sortOrder: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type CatalogItemView = z.infer<typeof CatalogItemView>;

export const CatalogView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  source: z.string(),
  parentCatalog: z.string().nullable(),
  codePattern: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type CatalogView = z.infer<typeof CatalogView>;

export const CatalogSummary = CatalogView.extend({
  /** Items in use. */
  count: z.number(),
  /** Items including retired ones. */
  total: z.number(),
});
export type CatalogSummary = z.infer<typeof CatalogSummary>;

export const ItemPage = z.object({
  catalog: CatalogView,
  items: z.array(CatalogItemView),
  /** Cursor for the next page (pass as `after`), null on the last page. */
  next: z.string().nullable(),
});

export const CatalogExport = z.object({
  catalog: CatalogView,
  exportedAt: z.string(),
  updatedSince: z.string().nullable(),
  items: z.array(CatalogItemView),
});
export type CatalogExport = z.infer<typeof CatalogExport>;
