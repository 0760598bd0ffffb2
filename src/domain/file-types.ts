/**
 * File types recognised by their first bytes, not only by their names: what a form template or a
 * dossier attachment may be. Formats are those TT 39/2017/TT-BTTTT lists for documents and images.
 */
export interface FileType {
  media: string;
  magic: (b: Uint8Array) => boolean;
}

export function startsWith(b: Uint8Array, text: string): boolean {
  return Buffer.from(b.subarray(0, text.length)).toString('latin1') === text;
}
export function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
export function isOle(b: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);
}

export const DOCUMENT_TYPES: Readonly<Record<string, FileType>> = {
  pdf: { media: 'application/pdf', magic: (b) => startsWith(b, '%PDF-') },
  doc: { media: 'application/msword', magic: isOle },
  xls: { media: 'application/vnd.ms-excel', magic: isOle },
  docx: { media: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  xlsx: { media: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  odt: { media: 'application/vnd.oasis.opendocument.text', magic: isZip },
  ods: { media: 'application/vnd.oasis.opendocument.spreadsheet', magic: isZip },
  rtf: { media: 'application/rtf', magic: (b) => startsWith(b, '{\\rtf') },
};

export const IMAGE_TYPES: Readonly<Record<string, FileType>> = {
  jpg: { media: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { media: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: {
    media: 'image/png',
    magic: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  },
  tif: { media: 'image/tiff', magic: (b) => startsWith(b, 'II*\u0000') || startsWith(b, 'MM\u0000*') },
  tiff: { media: 'image/tiff', magic: (b) => startsWith(b, 'II*\u0000') || startsWith(b, 'MM\u0000*') },
};

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name);
  return m?.[1]?.toLowerCase() ?? '';
}
