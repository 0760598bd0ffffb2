import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed tracking link of a dossier (II.19.2): the receipt's QR code carries
 * /tra-cuu-ho-so/<code>/<token>, which shows the dossier's public tracking answer without asking for
 * the applicant's phone or identity number. The token is an HMAC-SHA256 of the code under the
 * server's secret (with its own prefix, so that it never equals another token the secret signs),
 * truncated to 16 bytes (128 bits, 22 base64url characters): short enough for a small QR code, far
 * too long to guess.
 */

const TOKEN_BYTES = 16;

/** Codes are compared as stored: trimmed, in capitals. */
const normalise = (code: string) => code.trim().toUpperCase();

export function trackingToken(secret: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`dossier-tracking:${normalise(code)}`)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

/** True when `token` is the tracking token of `code`; compared in constant time. */
export function verifyTrackingToken(secret: string, code: string, token: string): boolean {
  const expected = Buffer.from(trackingToken(secret, code));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path of the signed tracking link (the portal page), the code and token URL-encoded. */
export function trackingPath(secret: string, code: string): string {
  const c = normalise(code);
  return `/tra-cuu-ho-so/${encodeURIComponent(c)}/${trackingToken(secret, c)}`;
}
