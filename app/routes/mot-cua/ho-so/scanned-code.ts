/** The tracking link a receipt's QR code holds: …/tra-cuu-ho-so/<code>/<token>. */
const TRACKING_LINK = /\/tra-cuu-ho-so\/([^/?#\s]+)\/[^/?#\s]+\/?(?:[?#].*)?$/;

/**
 * What the scanner box was given, as a dossier code (V.16): the Code 128 of a receipt types the code
 * itself; its QR code types the signed tracking link, whose path carries the code.
 */
export function scannedCode(input: string): string {
  const text = input.trim();
  const link = TRACKING_LINK.exec(text.slice(0, 500));
  if (link?.[1]) {
    try {
      return decodeURIComponent(link[1]).slice(0, 40);
    } catch {
      return text.slice(0, 40);
    }
  }
  return text.slice(0, 40);
}
