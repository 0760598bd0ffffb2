import type { z } from 'zod';
import type { ProcedureFields } from '../procedures/fields.ts';
import { AdminListQuery } from '../procedures/schema.ts';
import type { ProceduresService } from '../procedures/service.ts';
import type { Column } from './columns.ts';
import { dateOf, EXPORT_BATCH, keysetBatches } from './keyset.ts';
import { exportKind } from './kinds.ts';

/**
 * The procedure list of /mot-cua/thu-tuc (editors and reviewers) with its filters, as a list of
 * rows; the national interchange format (LayThuTuc JSON) stays a separate download.
 */

export const ProcedureExportFilter = AdminListQuery.omit({ after: true, limit: true });
export type ProcedureExportFilter = z.infer<typeof ProcedureExportFilter>;

const PROCEDURE_COLUMNS: readonly Column[] = [
  { key: 'code', header: 'Mã thủ tục', type: 'text' },
  { key: 'name', header: 'Tên thủ tục', type: 'text' },
  { key: 'field', header: 'Lĩnh vực', type: 'text' },
  { key: 'status', header: 'Trạng thái', type: 'text' },
  { key: 'hasChanges', header: 'Có thay đổi chưa công bố', type: 'text' },
  { key: 'flagCount', header: 'Số điểm cần xem lại', type: 'number' },
  { key: 'version', header: 'Phiên bản', type: 'number' },
  { key: 'updatedAt', header: 'Cập nhật lần cuối', type: 'date' },
];

const STATUS_VI: Readonly<Record<string, string>> = {
  draft: 'Bản nháp',
  published: 'Đã công bố',
  withdrawn: 'Ngừng công bố',
};

export const procedureExports = (procedures: ProceduresService, fields: ProcedureFields) =>
  exportKind({
    title: 'Danh sách thủ tục hành chính',
    fileStem: 'danh-sach-thu-tuc',
    xmlRoot: 'procedures',
    filter: ProcedureExportFilter,
    columns: () => PROCEDURE_COLUMNS,
    check: async (auth, filter) => {
      await procedures.list(auth, { ...filter, limit: 1 });
    },
    batches: async function* (auth, filter) {
      const names = new Map((await fields.list(auth)).map((f) => [f.code, f.name]));
      yield* keysetBatches(
        (after: string | undefined) =>
          procedures.list(auth, { ...filter, limit: EXPORT_BATCH, ...(after ? { after } : {}) }),
        (p) => ({
          code: p.code,
          name: p.name,
          field: names.get(p.fieldCode) ?? p.fieldCode,
          status: STATUS_VI[p.status] ?? p.status,
          hasChanges: p.hasChanges ? 'Có' : 'Không',
          flagCount: p.flagCount,
          version: p.version,
          updatedAt: dateOf(p.updatedAt),
        }),
      );
    },
  });
