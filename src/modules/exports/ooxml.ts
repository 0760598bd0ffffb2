import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { esc } from '../../domain/xml.ts';
import type { ExportSource } from './columns.ts';
import { displayCell, numericCell } from './columns.ts';
import { zipInWorker } from './zip.ts';

/**
 * Office Open XML: .xlsx through exceljs (numbers stay numbers), .docx written directly (a document
 * with a heading and one table; the three parts Word needs and nothing more).
 */

export async function xlsx(src: ExportSource): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cổng Dịch vụ công';
  const sheet = book.addWorksheet(src.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(src.columns.map((c) => c.header)).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for await (const batch of src.batches)
    for (const row of batch)
      sheet.addRow(
        src.columns.map((c) => {
          const n = c.type === 'number' ? numericCell(row[c.key]) : null;
          return n ?? displayCell(c, row[c.key]);
        }),
      );
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const run = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const tableRow = (cells: readonly string[], header = false) =>
  `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c) => `<w:tc>${run(c, header)}</w:tc>`).join('')}</w:tr>`;
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('');

export async function docx(src: ExportSource): Promise<Uint8Array> {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>`,
    run(src.title, true),
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr>`,
    `<w:tblGrid>${src.columns.map(() => '<w:gridCol/>').join('')}</w:tblGrid>`,
    tableRow(
      src.columns.map((c) => c.header),
      true,
    ),
  ];
  for await (const batch of src.batches)
    for (const row of batch) parts.push(tableRow(src.columns.map((c) => displayCell(c, row[c.key]))));
  parts.push(
    '</w:tbl><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>',
  );
  return zipInWorker({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(parts.join('')),
  });
}
