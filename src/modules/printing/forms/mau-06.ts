import type { Content, TableCell } from 'pdfmake/interfaces.d.ts';
import { formatDate, formatDateTime } from '../../../domain/datetime.ts';
import { documentTitle, placeAndDate } from '../blocks.ts';
import type { PdfDocument } from '../render.ts';
import type { AgencyFacts } from './common.ts';
import { agencyHeading } from './common.ts';

export const MAU_06_TITLE = 'SỔ THEO DÕI HỒ SƠ';

/** One dossier of the register, as the agency received it. */
export interface RegisterRow {
  code: string;
  procedureName: string;
  applicant: string;
  address: string | null;
  phone: string | null;
  /** The agency (department) settling it. */
  settledBy: string;
  receivedAt: Date;
  appointmentAt: Date | null;
  /** Sent to the settling body: the first forward after receipt. */
  forwardedAt: Date | null;
  /** The result back from the settling body. */
  completedAt: Date | null;
  returnedAt: Date | null;
  note: string;
}

export interface RegisterFacts {
  agency: AgencyFacts;
  /** The period, days in Vietnam (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  rows: readonly RegisterRow[];
  now: Date;
}

const HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Tên TTHC',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
  'Ký nhận',
  'Ghi chú',
];
// Landscape A4 leaves 700 pt: the code on one line (a scanner-typed key), the dates as date over time.
const WIDTHS = [16, 100, '*', 24, 56, 60, 56, 40, 40, 40, 40, 40, 26, 40];

/** Date above time, so a narrow column keeps each whole. */
const when = (at: Date | null) => (at ? formatDateTime(at).replace(' ', '\n') : '');

function registerTable(rows: readonly RegisterRow[]): Content {
  const cell = (text: string, bold = false): TableCell => ({ text, bold, fontSize: 7 });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: WIDTHS,
      body: [
        HEADERS.map((h) => cell(h, true)),
        ...rows.map((r, i) => [
          cell(String(i + 1)),
          { text: r.code, fontSize: 7, noWrap: true },
          cell(r.procedureName),
          cell('01'),
          cell(r.applicant),
          cell([r.address, r.phone].filter(Boolean).join(', ')),
          cell(r.settledBy),
          cell(when(r.receivedAt)),
          cell(when(r.appointmentAt)),
          cell(when(r.forwardedAt)),
          cell(when(r.completedAt)),
          cell(when(r.returnedAt)),
          cell(''),
          cell(r.note),
        ]),
      ],
    },
    layout: { paddingLeft: () => 2, paddingRight: () => 2 },
  };
}

/**
 * Mẫu 06, Sổ theo dõi hồ sơ: the dossiers an agency received over a period, one row each in the order
 * received, landscape. An empty period is a valid register that says so.
 */
export function mau06(r: RegisterFacts): PdfDocument {
  const period = `Từ ngày ${formatDate(r.from)} đến ngày ${formatDate(r.to)}`;
  return {
    title: `Sổ theo dõi hồ sơ — ${r.agency.name} — ${period}`,
    orientation: 'landscape',
    content: [
      agencyHeading(r.agency),
      documentTitle(MAU_06_TITLE, period),
      r.rows.length
        ? registerTable(r.rows)
        : { text: 'Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.', margin: [0, 8, 0, 0] },
      { text: `Tổng số hồ sơ: ${r.rows.length}`, bold: true, margin: [0, 8, 0, 0] },
      placeAndDate(r.agency.place, r.now),
    ],
  };
}
