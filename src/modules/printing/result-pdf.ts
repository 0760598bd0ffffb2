import type { Content } from 'pdfmake/interfaces.d.ts';
import { bodyBlocks, fillText } from '../../domain/result-template.ts';
import type { ResultTemplate } from '../../domain/result-template.ts';
import {
  BLANK,
  documentTitle,
  labelValues,
  nationalHeading,
  placeAndDate,
  signatureBlock,
} from './blocks.ts';
import type { PdfDocument } from './render.ts';

/**
 * A result (licence, certificate, decision) drafted from the procedure's result template: the issuing
 * agency and the national heading, the filled title, the body's paragraphs and "label: value" lines,
 * the place and date, and the signer. Pure: the values come resolved (result-templates service).
 */
export function resultDocument(input: {
  template: ResultTemplate;
  values: ReadonlyMap<string, string>;
  agencyName: string | null;
  /** The date by the signature; null leaves it for the hand. */
  date: Date | null;
  /** For the metadata title: the dossier's code, or "(mẫu)" for a preview with sample data. */
  reference: string;
}): PdfDocument {
  const { template: t, values } = input;
  const title = fillText(t.title, values, BLANK);
  const content: Content[] = [
    nationalHeading([input.agencyName?.trim() || BLANK, `Số: ${BLANK}`]),
    documentTitle(title.toLocaleUpperCase('vi')),
  ];
  for (const b of bodyBlocks(t.body, values, BLANK))
    content.push(
      b.kind === 'line'
        ? labelValues([{ label: b.label, value: b.value }])
        : { text: b.text, margin: [0, 0, 0, 6] },
    );
  content.push({
    stack: [
      placeAndDate(null, input.date),
      signatureBlock(t.signerTitle.toLocaleUpperCase('vi'), '(Ký, ghi rõ họ tên, đóng dấu)', t.signerName),
    ],
    unbreakable: true,
  });
  return { title: `${title} — ${input.reference}`, content };
}
