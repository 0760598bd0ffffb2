import type { z } from 'zod';
import { hasAnywhere } from '../../domain/permissions.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { CatalogParam, ListItemsQuery } from '../catalogs/schema.ts';
import type { CatalogsService } from '../catalogs/service.ts';
import type { Column } from './columns.ts';
import { dateOf, EXPORT_BATCH, keysetBatches } from './keyset.ts';
import { exportKind } from './kinds.ts';

/** The items of one shared catalog, as /mot-cua/danh-muc/:catalog lists them (catalogs.manage). */

export const CatalogExportFilter = ListItemsQuery.omit({ after: true, limit: true }).extend(
  CatalogParam.shape,
);
export type CatalogExportFilter = z.infer<typeof CatalogExportFilter>;

const CATALOG_COLUMNS: readonly Column[] = [
  { key: 'catalog', header: 'Mã danh mục', type: 'text' },
  { key: 'code', header: 'Mã', type: 'text' },
  { key: 'name', header: 'Tên', type: 'text' },
  { key: 'parentCode', header: 'Mã mục cha', type: 'text' },
  { key: 'sortOrder', header: 'Thứ tự', type: 'number' },
  { key: 'active', header: 'Trạng thái', type: 'text' },
  { key: 'updatedAt', header: 'Cập nhật lần cuối', type: 'date' },
];

/** The catalog screens are for catalogs.manage (the items themselves are public data). */
function assertManager(auth: AuthContext): void {
  if (auth.account.kind !== 'official') throw new UnauthenticatedError();
  if (!hasAnywhere(auth.grants, 'catalogs.manage')) throw new ForbiddenError();
}

export const catalogItemExports = (catalogs: CatalogsService) =>
  exportKind({
    title: 'Danh mục dùng chung',
    fileStem: 'danh-muc',
    xmlRoot: 'catalogItems',
    filter: CatalogExportFilter,
    columns: () => CATALOG_COLUMNS,
    check: async (auth, filter) => {
      assertManager(auth);
      await catalogs.getCatalog(filter.catalog);
    },
    batches: async function* (auth, { catalog, ...query }) {
      assertManager(auth);
      yield* keysetBatches(
        (after: string | undefined) =>
          catalogs.listItems(catalog, { ...query, limit: EXPORT_BATCH, ...(after ? { after } : {}) }),
        (i) => ({
          catalog: i.catalog,
          code: i.code,
          name: i.name,
          parentCode: i.parentCode,
          sortOrder: i.sortOrder,
          active: i.active ? 'Đang dùng' : 'Ngừng dùng',
          updatedAt: dateOf(i.updatedAt),
        }),
      );
    },
  });
