import bwipjs from 'bwip-js';
import type { Content } from 'pdfmake/interfaces.d.ts';

/**
 * The codes a receipt carries (II.5.3, V.16): the dossier code as Code 128, which the counter's
 * scanner types into the search box, and a QR code of the signed tracking link, which the applicant's
 * phone opens. Code 128 is drawn by bwip-js as a PNG (embedded as a data URL: pdfmake reads no file and
 * no URL); the QR code is pdfmake's own vector drawing.
 */
export async function code128Png(text: string): Promise<string> {
  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 12,
    // Quiet zones on both sides: scanners need them to find the code.
    paddingwidth: 10,
    paddingheight: 2,
    includetext: false,
  });
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The barcode with the code under it, and the QR code with what it does, side by side. */
export async function receiptCodes(code: string, trackingUrl: string): Promise<Content> {
  return {
    columns: [
      {
        width: '*',
        // The code itself is printed above (the title's line), for the human reader.
        stack: [{ image: await code128Png(code), width: 220, height: 36, margin: [0, 10, 0, 0] }],
      },
      {
        width: 'auto',
        stack: [
          { qr: trackingUrl, fit: 64, eccLevel: 'M' },
          { text: 'Quét mã để tra cứu hồ sơ', fontSize: 8, margin: [0, 1, 0, 0] },
        ],
        alignment: 'center',
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 6],
    unbreakable: true,
  };
}
