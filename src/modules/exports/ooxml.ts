import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { esc } from '../../domain/xml.ts';
import type { Cell, Column, ExportSource } from './columns.ts';
import { displayCell, numericCell } from './columns.ts';
import { zipInWorker } from './zip.ts';

/**
 * Office Open XML: .xlsx through exceljs's streaming writer (rows committed batch by batch, never the
 * whole workbook in memory; numbers and dates as real cells), .docx written directly (a document
 * with a heading and one table; the three parts Word needs and nothing more).
 */

/** Vietnam is UTC+7 all year (no daylight saving). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** How a spreadsheet shows dates: as the list pages do (Annex V.15). */
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
export const DAY_FORMAT = 'dd/mm/yyyy';

/**
 * A spreadsheet date has no time zone: it is the wall-clock time people read. exceljs writes a Date's
 * UTC fields, so an instant is shifted to the time shown in Vietnam; a calendar day is its midnight.
 */
function sheetDate(column: Column, value: Cell | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'day') {
    const day =
      value instanceof Date ? new Date(value.getTime() + VN_OFFSET_MS).toISOString() : String(value);
    const at = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(at) ? null : new Date(at);
  }
  const at = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(at) ? null : new Date(at + VN_OFFSET_MS);
}

/** A cell's value as exceljs takes it: numbers and dates typed, empty cells left empty. */
function sheetValue(column: Column, value: Cell | undefined): string | number | Date | null {
  if (column.type === 'number') return numericCell(value);
  if (column.type === 'date' || column.type === 'day') return sheetDate(column, value);
  const text = displayCell(column, value);
  return text === '' ? null : text;
}

const SHEET_NAME = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';

export async function xlsx(src: ExportSource): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Cổng Dịch vụ công';
  const sheet = book.addWorksheet(SHEET_NAME(src.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = src.columns.map((c) => ({
    key: c.key,
    width: c.type === 'date' ? 20 : c.type === 'day' ? 12 : c.type === 'number' ? 12 : 24,
    ...(c.type === 'date' || c.type === 'day'
      ? { style: { numFmt: c.type === 'date' ? DATE_TIME_FORMAT : DAY_FORMAT } }
      : {}),
  }));
  const header = sheet.getRow(1);
  header.values = src.columns.map((c) => c.header);
  header.font = { bold: true };
  header.commit();
  // Each row is written out as soon as it is added: memory holds one batch, not the sheet.
  for await (const batch of src.batches)
    for (const row of batch) sheet.addRow(src.columns.map((c) => sheetValue(c, row[c.key]))).commit();
  sheet.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
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
