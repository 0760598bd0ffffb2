import { ValidationError } from '../../errors.ts';
import { documentTitle, dataTable } from '../printing/blocks.ts';
import type { PdfRenderer } from '../printing/render.ts';
import type { ExportFormat, ExportSource } from './columns.ts';
import { displayCell } from './columns.ts';
import { ods, odt } from './opendocument.ts';
import { docx, xlsx } from './ooxml.ts';
import { csv, json, xml } from './text.ts';

/**
 * The export engine: columns and rows in batches in, one file out, in any of the open formats. The
 * rows are read once, batch by batch; the caller decides what happens between batches (progress,
 * yielding to other requests).
 */

/** A PDF is for reading and printing: beyond this many rows the other formats are the right choice. */
export const PDF_MAX_ROWS = 5000;
const PDF_TOO_LONG = `Định dạng (format) PDF chỉ dùng cho tối đa ${PDF_MAX_ROWS} dòng; hãy chọn .xlsx, .ods hoặc .csv`;

async function collect(parts: AsyncIterable<string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const p of parts) chunks.push(Buffer.from(p, 'utf8'));
  return new Uint8Array(Buffer.concat(chunks));
}

async function pdf(src: ExportSource, renderer: PdfRenderer): Promise<Uint8Array> {
  const rows: string[][] = [];
  for await (const batch of src.batches) {
    for (const row of batch) rows.push(src.columns.map((c) => displayCell(c, row[c.key])));
    if (rows.length > PDF_MAX_ROWS)
      throw new ValidationError(
        [
          {
            field: 'format',
            message: PDF_TOO_LONG,
          },
        ],
        PDF_TOO_LONG,
      );
  }
  return renderer.render({
    title: src.title,
    orientation: 'landscape',
    content: [
      documentTitle(src.title),
      dataTable(
        src.columns.map((c) => c.header),
        rows,
      ),
    ],
  });
}

export async function writeExport(
  format: ExportFormat,
  src: ExportSource,
  deps: { renderer: PdfRenderer; xmlRoot?: string },
): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return collect(csv(src));
    case 'json':
      return collect(json(src));
    case 'xml':
      return collect(xml(src, deps.xmlRoot ?? 'export'));
    case 'xlsx':
      return xlsx(src);
    case 'ods':
      return ods(src);
    case 'docx':
      return docx(src);
    case 'odt':
      return odt(src);
    case 'pdf':
      return pdf(src, deps.renderer);
  }
}
