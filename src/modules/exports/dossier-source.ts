import type { AuthContext } from '../accounts/sessions.ts';
import type { DossiersService } from '../dossiers/service.ts';
import type { Column, Row } from './columns.ts';
import { exportKind } from './kinds.ts';
import { DossierExportFilter } from './schema.ts';

/** The dossier worklist or search as an export: the same service call, so the same filters and rights. */

export const DOSSIER_COLUMNS: readonly Column[] = [
  { key: 'code', header: 'Mã hồ sơ', type: 'text' },
  { key: 'procedureCode', header: 'Mã thủ tục', type: 'text' },
  { key: 'procedureName', header: 'Tên thủ tục', type: 'text' },
  { key: 'applicantName', header: 'Người nộp', type: 'text' },
  { key: 'applicantOrg', header: 'Tổ chức', type: 'text' },
  { key: 'summary', header: 'Trích yếu', type: 'text' },
  { key: 'channel', header: 'Hình thức nộp', type: 'text' },
  { key: 'status', header: 'Trạng thái', type: 'text' },
  { key: 'stepName', header: 'Bước xử lý', type: 'text' },
  { key: 'holderName', header: 'Người đang xử lý', type: 'text' },
  { key: 'submittedAt', header: 'Ngày nộp', type: 'date' },
  { key: 'receivedAt', header: 'Ngày tiếp nhận', type: 'date' },
  { key: 'appointmentAt', header: 'Ngày hẹn trả', type: 'date' },
  { key: 'due', header: 'Tình trạng hạn', type: 'text' },
];

const CHANNELS: Readonly<Record<string, string>> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
  interagency: 'Liên thông',
};
const DUE: Readonly<Record<string, string>> = {
  overdue: 'Quá hạn',
  near_due: 'Sắp đến hạn',
  on_time: 'Còn hạn',
};

/**
 * Rows a page: five times the screen's largest. A search over a closed receipt period sorts the whole
 * period for every page (worklists.ts), so the number of pages is what an export of 100,000 rows costs.
 */
const EXPORT_PAGE = 500;

/** The list page after page, one batch each, following the keyset cursor to the end. */
export async function* dossierBatches(
  dossiers: DossiersService,
  auth: AuthContext,
  filter: DossierExportFilter,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<Row[]> {
  let cursor: string | null = null;
  do {
    const page = await dossiers.list(auth, { ...filter, limit: pageSize, ...(cursor ? { cursor } : {}) });
    yield page.items.map((d) => ({
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      applicantName: d.applicantName,
      applicantOrg: d.applicantOrg,
      summary: d.summary,
      channel: CHANNELS[d.channel] ?? d.channel,
      status: d.statusLabel,
      stepName: d.stepName,
      holderName: d.holderName,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      appointmentAt: d.appointmentAt,
      due: DUE[d.due] ?? d.due,
    }));
    cursor = page.nextCursor;
  } while (cursor);
}

/** A cheap estimate of the total: the list's own count when no search criterion narrows it (else unknown). */
export async function dossierEstimate(
  dossiers: DossiersService,
  auth: AuthContext,
  filter: DossierExportFilter,
): Promise<number | null> {
  const { list, ...criteria } = filter;
  if (Object.values(criteria).some((v) => v !== undefined)) return null;
  const counts = await dossiers.counts(auth);
  const count = counts.lists.find((l) => l.list === list)?.count;
  // A capped count is no estimate of a larger list.
  return count && !count.capped ? count.total : null;
}

/** The worklists and the dossier search (GET /api/dossiers): same filters, same rights. */
export const dossierExports = (dossiers: DossiersService) =>
  exportKind({
    title: 'Danh sách hồ sơ',
    fileStem: 'danh-sach-ho-so',
    xmlRoot: 'dossiers',
    filter: DossierExportFilter,
    columns: () => DOSSIER_COLUMNS,
    // The first page: a filter the caller may not use fails here, not later in the background.
    check: async (auth, filter) => {
      await dossiers.list(auth, { ...filter, limit: 1 });
    },
    batches: (auth, filter) => dossierBatches(dossiers, auth, filter),
    estimate: (auth, filter) => dossierEstimate(dossiers, auth, filter),
  });
