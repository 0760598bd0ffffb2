import { formatDate } from '../../../domain/datetime.ts';
import { BLANK, documentTitle, placeAndDate, signatureBlock } from '../blocks.ts';
import type { PdfDocument } from '../render.ts';
import type { FormFacts } from './common.ts';
import { agencyHeading, dayText, lastEvent, lines, paragraph, timeOfDayText } from './common.ts';

export const MAU_04_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

/** Late: the result was (or still is not) ready after the appointment. */
function late(f: FormFacts): boolean {
  const due = f.dossier.appointmentAt;
  if (!due) return false;
  const done = f.dossier.completedAt ? Date.parse(f.dossier.completedAt) : f.now.getTime();
  return done > Date.parse(due);
}

/**
 * Mẫu 04 arises when the processing time was extended (the extension carries the reason and the new
 * appointment), or when the dossier is late without one (the new date is then left to the hand).
 */
export const apologyApplies = (f: FormFacts) => lastEvent(f, 'extend') !== null || late(f);

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Mẫu 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả, signed by the head of the agency. */
export function mau04(f: FormFacts): PdfDocument {
  const d = f.dossier;
  const extension = lastEvent(f, 'extend');
  const before = extension ? str(extension.details.previousAppointment) : d.appointmentAt;
  const after = extension ? str(extension.details.appointmentAt) : null;
  const agency = f.agency.name;
  return {
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả — ${d.code}`,
    content: [
      agencyHeading(f.agency),
      placeAndDate(f.agency.place, extension?.at ?? f.now),
      documentTitle(MAU_04_TITLE),
      lines([
        { label: 'Kính gửi', value: d.applicant.orgName ?? d.applicant.fullName },
        { label: 'Địa chỉ', value: d.applicant.address },
        { label: 'Số điện thoại', value: d.applicant.phone },
      ]),
      paragraph(
        `Ngày ${d.receivedAt ? formatDate(d.receivedAt) : BLANK}, ${agency} tiếp nhận hồ sơ đề nghị ` +
          `giải quyết thủ tục ${d.procedureName} của Ông/Bà ${d.applicant.fullName}.`,
        { margin: [0, 8, 0, 4] },
      ),
      lines([
        { label: 'Mã hồ sơ / Số biên nhận hồ sơ', value: d.code },
        { label: 'Thời gian hẹn trả kết quả giải quyết hồ sơ', value: timeOfDayText(before) },
      ]),
      paragraph(
        `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn quy định ` +
          'ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
      ),
      lines([{ label: 'Lý do', value: extension?.reason ?? null }]),
      paragraph(
        `${agency} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả giải quyết hồ sơ.`,
      ),
      lines([{ label: 'Thời gian hẹn trả kết quả lại', value: dayText(after) }]),
      {
        columns: [
          {
            width: '45%',
            stack: [
              { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11 },
              { text: '- Như trên;', fontSize: 10 },
              { text: '- Lưu: VT.', fontSize: 10 },
            ],
            margin: [0, 16, 0, 0],
          },
          {
            width: '55%',
            stack: [signatureBlock('THỦ TRƯỞNG CƠ QUAN', '(Ký, ghi rõ họ tên và đóng dấu)')],
            margin: [0, 16, 0, 0],
          },
        ],
        unbreakable: true,
      },
    ],
  };
}
