import type { Content, TableCell } from 'pdfmake/interfaces.d.ts';
import { formatDate } from '../../domain/datetime.ts';

/**
 * Building blocks of printed administrative documents (the filled e-form; the standard forms Mẫu 01–06
 * of Circular 01/2018/TT-VPCP reuse them): heading, title, "label: value" lines, tables, the place and
 * date line, the signature block. Page numbers ("Trang x/y") are added by the renderer.
 */

/** What a paper form leaves for the hand: an unfilled value. */
export const BLANK = '……';

const rule = (width: number): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5 }],
  alignment: 'center',
  margin: [0, 2, 0, 0],
});

function motto(): Content {
  return {
    stack: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 12 },
      rule(150),
    ],
    alignment: 'center',
  };
}

/**
 * The national heading ("quốc hiệu, tiêu ngữ"), centred; with `issuer` (the agency's lines, "Số: …"),
 * the issuer on the left and the heading on the right, as on documents an agency issues.
 */
export function nationalHeading(issuer?: readonly string[]): Content {
  if (!issuer?.length) return { stack: [motto()], margin: [0, 0, 0, 16] };
  return {
    columns: [
      {
        width: '40%',
        stack: issuer.map((line, i) => ({ text: line, bold: i === 0, fontSize: 11 })),
        alignment: 'center',
      },
      { width: '60%', stack: [motto()] },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 16],
  };
}

/** The document's title, centred and bold, with an optional line under it. */
export function documentTitle(title: string, subtitle?: string | null): Content {
  return {
    stack: [
      { text: title, bold: true, fontSize: 14 },
      ...(subtitle ? [{ text: subtitle, italics: true, margin: [0, 4, 0, 0] } as Content] : []),
    ],
    alignment: 'center',
    margin: [0, 0, 0, 12],
  };
}

export function sectionHeading(text: string): Content {
  return { text, bold: true, margin: [0, 10, 0, 4] };
}

export interface LabelValue {
  label: string;
  /** Empty or null: left blank for the hand (BLANK). */
  value: string | null;
}

/** "Label: value" lines; a multi-line value keeps its lines. */
export function labelValues(rows: readonly LabelValue[], indent = 0): Content {
  return {
    stack: rows.map((r) => ({
      text: [{ text: `${r.label}: ` }, { text: r.value?.trim() ? r.value : BLANK }],
      margin: [indent, 0, 0, 3],
    })),
  };
}

/** A table with a bold header row repeated on every page; rows never split across pages. */
export function dataTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly (number | string)[],
): Content {
  const cell = (text: string, bold = false): TableCell => ({ text: text || BLANK, bold, fontSize: 10 });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths ? [...widths] : headers.map(() => '*'),
      body: [headers.map((h) => cell(h, true)), ...rows.map((r) => r.map((v) => cell(v)))],
    },
    margin: [0, 2, 0, 6],
  };
}

/** "Place, ngày dd tháng mm năm yyyy", right-aligned; unknown parts are left blank for the hand. */
export function placeAndDate(place: string | null, date: Date | null): Content {
  const [d, m, y] = date ? formatDate(date).split('/') : [BLANK, BLANK, BLANK];
  return {
    text: `${place?.trim() || BLANK}, ngày ${d} tháng ${m} năm ${y}`,
    italics: true,
    alignment: 'right',
    margin: [0, 16, 0, 4],
  };
}

/** The signature block on the right: the signer's role, the hint, room to sign, and the name if known. */
export function signatureBlock(role: string, hint: string, name?: string | null): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 220,
        stack: [
          { text: role, bold: true },
          { text: hint, italics: true, fontSize: 11 },
          { text: name ?? '', bold: true, margin: [0, 56, 0, 0] },
        ],
        alignment: 'center',
      },
    ],
    unbreakable: true,
  };
}
