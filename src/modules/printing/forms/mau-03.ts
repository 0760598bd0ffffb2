import { documentTitle, placeAndDate } from '../blocks.ts';
import type { PdfDocument } from '../render.ts';
import type { FormFacts } from './common.ts';
import {
  agencyHeading,
  applicantLines,
  helpLine,
  lastEvent,
  lines,
  paragraph,
  requestText,
  twoSignatures,
} from './common.ts';

export const MAU_03_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

/** Mẫu 03 arises when the counter refused to receive the dossier (not when processing rejects it later). */
export const refusalApplies = (f: FormFacts) => lastEvent(f, 'refuse') !== null;

/**
 * Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the refusal and its reason, signed by both sides,
 * from the refusal's own history entry; the latest by default.
 */
export function mau03(f: FormFacts, refusal = lastEvent(f, 'refuse')): PdfDocument {
  const d = f.dossier;
  return {
    title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ — ${d.code}`,
    content: [
      agencyHeading(f.agency),
      placeAndDate(f.agency.place, refusal?.at ?? null),
      documentTitle(MAU_03_TITLE),
      lines([
        { label: 'Bộ phận tiếp nhận và trả kết quả', value: f.agency.name },
        { label: 'Mã hồ sơ', value: d.code },
        ...applicantLines(d, 'Tiếp nhận hồ sơ của'),
        { label: 'Nội dung yêu cầu giải quyết', value: requestText(d) },
      ]),
      paragraph(
        `Qua xem xét, Bộ phận tiếp nhận hồ sơ ${f.agency.name} thông báo không tiếp nhận, giải quyết ` +
          'hồ sơ này với lý do cụ thể như sau:',
        { margin: [0, 8, 0, 2] },
      ),
      paragraph(refusal?.reason ?? ''),
      paragraph('Xin thông báo cho Ông/Bà được biết và thực hiện./.'),
      helpLine(f, refusal?.actorName ?? null),
      twoSignatures(
        { role: 'NGƯỜI NỘP HỒ SƠ', name: d.applicant.fullName },
        { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: refusal?.actorName ?? null },
      ),
    ],
  };
}
