import type { PdfFile } from '../../src/modules/printing/service.ts';

/** A rendered PDF as a download: private to the signed-in user, never cached, never sniffed. */
export function pdfDownload(file: PdfFile): Response {
  return new Response(file.bytes, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'content-length': String(file.bytes.byteLength),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
