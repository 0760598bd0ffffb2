import { dataTable, documentTitle, placeAndDate, signatureBlock } from '../blocks.ts';
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
} from './common.ts';

export const MAU_02_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

/** Mẫu 02 arises when a supplement was asked (at the counter or while processing), once per request. */
export const supplementApplies = (f: FormFacts) => lastEvent(f, 'request_supplement') !== null;

const itemsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

/**
 * Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what is missing, why and when, from the request's
 * own history entry (an earlier request reprints as it was asked); the latest by default.
 */
export function mau02(f: FormFacts, request = lastEvent(f, 'request_supplement')): PdfDocument {
  const d = f.dossier;
  const items = itemsOf(request?.details.missingItems);
  return {
    title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — ${d.code}`,
    content: [
      agencyHeading(f.agency, '/HDHS'),
      placeAndDate(f.agency.place, request?.at ?? null),
      documentTitle(MAU_02_TITLE),
      lines([
        { label: 'Bộ phận tiếp nhận và trả kết quả', value: f.agency.name },
        { label: 'Mã hồ sơ', value: d.code },
        ...applicantLines(d, 'Tiếp nhận hồ sơ của Ông/Bà'),
        { label: 'Nội dung yêu cầu giải quyết', value: requestText(d) },
      ]),
      paragraph('Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:', { margin: [0, 8, 0, 2] }),
      dataTable(
        ['TT', 'Thành phần hồ sơ', 'Số lượng (Bản chính / Bản chứng thực / Bản photo)'],
        (items.length ? items : ['']).map((item, i) => [String(i + 1), item, '']),
        [30, '*', 150],
      ),
      lines([{ label: 'Lý do', value: request?.reason ?? null }]),
      helpLine(f, request?.actorName ?? null),
      signatureBlock('NGƯỜI HƯỚNG DẪN', '(Ký và ghi rõ họ tên)', request?.actorName ?? null),
    ],
  };
}
