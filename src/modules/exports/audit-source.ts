import type { z } from 'zod';
import { AuditQuery } from '../audit/service.ts';
import type { AuditService } from '../audit/service.ts';
import type { Column } from './columns.ts';
import { dateOf, EXPORT_BATCH, keysetBatches } from './keyset.ts';
import { exportKind } from './kinds.ts';

/** The audit log of /mot-cua/nhat-ky with its filters, newest first, within the caller's agencies. */

export const AuditExportFilter = AuditQuery.omit({ before: true, limit: true });
export type AuditExportFilter = z.infer<typeof AuditExportFilter>;

const AUDIT_COLUMNS: readonly Column[] = [
  { key: 'seq', header: 'Số thứ tự', type: 'number' },
  { key: 'at', header: 'Thời điểm', type: 'date' },
  { key: 'actorName', header: 'Người thực hiện', type: 'text' },
  { key: 'actorId', header: 'Mã người thực hiện', type: 'text' },
  { key: 'ip', header: 'Địa chỉ IP', type: 'text' },
  { key: 'action', header: 'Hành động', type: 'text' },
  { key: 'entityType', header: 'Loại đối tượng', type: 'text' },
  { key: 'entityId', header: 'Mã đối tượng', type: 'text' },
  { key: 'agencyName', header: 'Cơ quan, đơn vị', type: 'text' },
  { key: 'summary', header: 'Nội dung', type: 'text' },
  { key: 'hash', header: 'Mã băm', type: 'text' },
];

export const auditExports = (audit: AuditService) =>
  exportKind({
    title: 'Nhật ký hệ thống',
    fileStem: 'nhat-ky-he-thong',
    xmlRoot: 'auditLog',
    filter: AuditExportFilter,
    columns: () => AUDIT_COLUMNS,
    check: async (auth, filter) => {
      await audit.list(auth, { ...filter, limit: 1 });
    },
    batches: (auth, filter) =>
      keysetBatches(
        (before: number | undefined) =>
          audit.list(auth, { ...filter, limit: EXPORT_BATCH, ...(before ? { before } : {}) }),
        (e) => ({
          seq: e.seq,
          at: dateOf(e.at),
          actorName: e.actorName,
          actorId: e.actorId,
          ip: e.ip,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          agencyName: e.agencyName,
          summary: JSON.stringify(e.summary),
          hash: e.hash,
        }),
      ),
  });
