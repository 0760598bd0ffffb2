import type { Content } from 'pdfmake/interfaces.d.ts';
import type { DossierDetail } from '../../dossiers/schema.ts';
import { BLANK, dataTable, documentTitle, placeAndDate, sectionHeading } from '../blocks.ts';
import type { PdfDocument } from '../render.ts';
import { receiptCodes } from './barcodes.ts';
import type { FormFacts } from './common.ts';
import {
  agencyHeading,
  applicantLines,
  lastEvent,
  lines,
  requestText,
  timeOfDayText,
  twoSignatures,
} from './common.ts';

export const MAU_01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

const COPY_TYPE: Record<string, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
  electronic: 'Bản điện tử',
};

const RECEIPT_ACTIONS = ['receive', 'accept'];

/** Mẫu 01 arises when the dossier is received (at the counter, or an online one accepted). */
export const receiptApplies = (f: FormFacts) =>
  f.dossier.receivedAt !== null || lastEvent(f, ...RECEIPT_ACTIONS) !== null;

/**
 * What was handed in: the components the counter recorded, or for a dossier submitted online (which
 * records none) the files the applicant uploaded as components, electronic copies.
 */
function componentsTable(d: DossierDetail): Content {
  const given = d.components.length
    ? d.components
    : d.files
        .filter((f) => f.kind === 'component')
        .map((f) => ({ name: f.component ?? f.fileName, copyType: 'electronic', count: 1 }));
  const rows = given.map((c, i) => [
    String(i + 1),
    c.name,
    COPY_TYPE[c.copyType] ?? c.copyType,
    String(c.count).padStart(2, '0'),
  ]);
  return dataTable(
    ['STT', 'Tên giấy tờ', 'Loại giấy tờ', 'Số lượng'],
    rows.length ? rows : [['1', '', '', '']],
    [30, '*', 110, 55],
  );
}

function deliveryText(d: DossierDetail): string {
  if (d.resultDelivery !== 'postal') return 'Bộ phận tiếp nhận và trả kết quả';
  const address = typeof d.postal?.address === 'string' ? d.postal.address : '';
  return `Qua dịch vụ bưu chính công ích${address ? `, ${address}` : ''}`;
}

/**
 * Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the receipt, with the appointment made at receipt
 * (a later extension is Mẫu 04's business, not a rewrite of the receipt), the dossier code as Code 128
 * and the QR code of the signed tracking link.
 */
export async function mau01(f: FormFacts): Promise<PdfDocument> {
  const d = f.dossier;
  const receipt = lastEvent(f, ...RECEIPT_ACTIONS);
  const receivedAt = d.receivedAt ?? receipt?.at ?? null;
  const promised = receipt?.details.appointmentAt;
  const appointment = typeof promised === 'string' ? promised : d.appointmentAt;
  return {
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${d.code}`,
    // One page, as the form is handed over: 11 pt for the body (the heading keeps its sizes).
    content: {
      fontSize: 11,
      stack: [
        agencyHeading(f.agency),
        placeAndDate(f.agency.place, receivedAt ? new Date(receivedAt) : null),
        documentTitle(MAU_01_TITLE, `Mã hồ sơ: ${d.code}`),
        await receiptCodes(d.code, f.trackingUrl),
        lines([
          { label: 'Bộ phận tiếp nhận và trả kết quả', value: f.agency.name },
          ...applicantLines(d, 'Tiếp nhận hồ sơ của'),
          { label: 'Nội dung yêu cầu giải quyết', value: requestText(d) },
          { label: 'Thủ tục hành chính cần giải quyết', value: d.procedureName },
        ]),
        sectionHeading('1. Thành phần hồ sơ, yêu cầu và số lượng mỗi loại giấy tờ gồm:'),
        componentsTable(d),
        lines([
          { label: '2. Số lượng hồ sơ', value: '01 (bộ)' },
          { label: '3. Thời gian giải quyết hồ sơ theo quy định là', value: f.deadline },
          { label: '4. Thời gian nhận hồ sơ', value: timeOfDayText(receivedAt) },
          { label: '5. Thời gian trả kết quả giải quyết hồ sơ', value: timeOfDayText(appointment) },
          { label: '6. Đăng ký nhận kết quả tại', value: deliveryText(d) },
        ]),
        { text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${BLANK} Số thứ tự: ${BLANK}`, margin: [0, 4, 0, 0] },
        twoSignatures(
          { role: 'NGƯỜI NỘP HỒ SƠ', name: d.applicant.fullName },
          { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: receipt?.actorName ?? null },
        ),
      ],
    },
  };
}
