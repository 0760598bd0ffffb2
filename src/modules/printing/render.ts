import pdfmake from 'pdfmake';
import type { Content, Style } from 'pdfmake/interfaces.d.ts';
import { FONT_FAMILY } from './fonts.ts';
import type { FontFiles } from './fonts.ts';

/** What a printed document says; the page, font and metadata are the same for every one. */
export interface PdfDocument {
  /** The document's title in its metadata (what a PDF reader shows in its title bar). */
  title: string;
  content: Content;
  /** Defaults to now. */
  createdAt?: Date | undefined;
  /** Defaults to portrait; a register with many columns is printed landscape. */
  orientation?: 'portrait' | 'landscape' | undefined;
}

const MM = 72 / 25.4;
/** A4 portrait with the margins of administrative documents (left 30 mm for binding, others 20 mm). */
const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 20 * MM, 20 * MM];

// fontkit's `ccmp` decomposes "ị" into i + dot below, and pdfkit's text layer then reads every plain
// "i" of the font as "ị" (copy, search, screen readers): the page looks right but the text does not.
const DEFAULT_STYLE = {
  font: FONT_FAMILY,
  fontSize: 12,
  lineHeight: 1.2,
  fontFeatures: { ccmp: false },
} as unknown as Style;

/**
 * Renders PDFs (pdfmake, in process). pdfmake is one module-wide instance: the fonts are its only
 * state, set here from files `checkFonts` has already vetted; documents may read no other local file
 * and no URL (nothing a form value could smuggle in).
 */
export class PdfRenderer {
  constructor(fonts: FontFiles) {
    const allowed = new Set(Object.values(fonts));
    pdfmake.setFonts({ [FONT_FAMILY]: { ...fonts } });
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
    pdfmake.setUrlAccessPolicy(() => false);
  }

  async render(doc: PdfDocument): Promise<Uint8Array<ArrayBuffer>> {
    const pdf = pdfmake.createPdf({
      info: {
        title: doc.title,
        author: 'Cổng Dịch vụ công',
        creator: 'Cổng Dịch vụ công',
        producer: 'Cổng Dịch vụ công',
        creationDate: doc.createdAt ?? new Date(),
      },
      language: 'vi-VN',
      pageSize: 'A4',
      pageOrientation: doc.orientation ?? 'portrait',
      pageMargins: PAGE_MARGINS,
      defaultStyle: DEFAULT_STYLE,
      content: doc.content,
      footer: (current, count) => ({
        text: `Trang ${current}/${count}`,
        alignment: 'center',
        fontSize: 9,
        margin: [0, 8 * MM, 0, 0],
      }),
    });
    return new Uint8Array(await pdf.getBuffer());
  }
}
