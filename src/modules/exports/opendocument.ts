import { strToU8 } from 'fflate';
import type { AsyncZippable } from 'fflate';
import { esc } from '../../domain/xml.ts';
import type { Cell, Column, ExportSource, Row } from './columns.ts';
import { displayCell, numericCell } from './columns.ts';
import { zipInWorker } from './zip.ts';

/**
 * OpenDocument spreadsheet (.ods) and text (.odt), written directly: a zip whose first entry is the
 * uncompressed `mimetype` (what identifies the format), a manifest and content.xml. Nothing else is
 * required by ODF 1.3, and LibreOffice opens and converts these files.
 */

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
].join(' ');

function manifest(mime: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
}

/** A zip in ODF's layout: `mimetype` first and stored, the rest deflated. */
export function odfPackage(mime: string, content: Uint8Array): Promise<Uint8Array> {
  const files: AsyncZippable = {
    mimetype: [strToU8(mime), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifest(mime)),
    'content.xml': content,
  };
  // consume: the content is handed to the worker, not copied.
  return zipInWorker(files, { level: 6, consume: true });
}

const textCell = (text: string, bold = false) =>
  `<table:table-cell office:value-type="string"${bold ? ' table:style-name="H"' : ''}><text:p>${esc(text)}</text:p></table:table-cell>`;

/** Vietnam's wall-clock time of an instant (UTC+7 all year), as ODF's zone-less date-value. */
function vnDateValue(value: Cell | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const at = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(at) ? null : new Date(at + 7 * 3_600_000).toISOString().slice(0, 19);
}

function sheetCell(column: Column, row: Row): string {
  const value = row[column.key];
  const n = column.type === 'number' ? numericCell(value) : null;
  if (n !== null)
    return `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
  // Dates as real date cells (sortable, computable) shown as DD/MM/YYYY HH:mm:ss or DD/MM/YYYY.
  const date =
    column.type === 'date'
      ? vnDateValue(value)
      : column.type === 'day' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? value
        : null;
  if (date !== null)
    return `<table:table-cell office:value-type="date" office:date-value="${date}" table:style-name="${column.type === 'day' ? 'DD' : 'DT'}"><text:p>${esc(displayCell(column, value))}</text:p></table:table-cell>`;
  return textCell(displayCell(column, value));
}

/**
 * The table as UTF-8 chunks, one a batch: encoding a 100,000-row table (hundreds of megabytes of XML)
 * in one piece would hold the event loop for seconds.
 */
async function tableXml(src: ExportSource, numeric: boolean): Promise<Buffer[]> {
  const chunks = [
    Buffer.from(
      `<table:table table:name="${esc(src.title.slice(0, 31))}">` +
        `<table:table-column table:number-columns-repeated="${src.columns.length}"/>` +
        `<table:table-header-rows><table:table-row>${src.columns.map((c) => textCell(c.header, true)).join('')}</table:table-row></table:table-header-rows>`,
    ),
  ];
  for await (const batch of src.batches)
    chunks.push(
      Buffer.from(
        batch
          .map(
            (row) =>
              `<table:table-row>${src.columns.map((c) => (numeric ? sheetCell(c, row) : textCell(displayCell(c, row[c.key])))).join('')}</table:table-row>`,
          )
          .join(''),
      ),
    );
  chunks.push(Buffer.from('</table:table>'));
  return chunks;
}

/**
 * The chunks in one array with its own memory (never Node's shared Buffer pool), which the zip
 * worker may take over.
 */
function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const part = (name: string) => `<number:${name} number:style="long"/>`;
const sep = (text: string) => `<number:text>${text}</number:text>`;
const DAY_PARTS = [part('day'), sep('/'), part('month'), sep('/'), part('year')].join('');
const TIME_PARTS = [sep(' '), part('hours'), sep(':'), part('minutes'), sep(':'), part('seconds')].join('');

/** Bold headers; date cells shown DD/MM/YYYY HH:mm:ss (DT) and days DD/MM/YYYY (DD). */
const STYLES =
  '<office:automatic-styles>' +
  '<style:style style:name="H" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>' +
  `<number:date-style style:name="NDT">${DAY_PARTS}${TIME_PARTS}</number:date-style>` +
  `<number:date-style style:name="NDD">${DAY_PARTS}</number:date-style>` +
  '<style:style style:name="DT" style:family="table-cell" style:data-style-name="NDT"/>' +
  '<style:style style:name="DD" style:family="table-cell" style:data-style-name="NDD"/>' +
  '</office:automatic-styles>';

export async function ods(src: ExportSource): Promise<Uint8Array> {
  const body = await tableXml(src, true);
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">${STYLES}<office:body><office:spreadsheet>`;
  const tail = '</office:spreadsheet></office:body></office:document-content>';
  const content = joined([Buffer.from(head), ...body, Buffer.from(tail)]);
  return odfPackage('application/vnd.oasis.opendocument.spreadsheet', content);
}

export async function odt(src: ExportSource): Promise<Uint8Array> {
  const body = await tableXml(src, false);
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">${STYLES}<office:body><office:text><text:h text:outline-level="1">${esc(src.title)}</text:h>`;
  const tail = '</office:text></office:body></office:document-content>';
  const content = joined([Buffer.from(head), ...body, Buffer.from(tail)]);
  return odfPackage('application/vnd.oasis.opendocument.text', content);
}
