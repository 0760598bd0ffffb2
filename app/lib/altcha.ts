import type { CaptchaChallenge } from '../../src/modules/accounts/captcha.ts';

const hex = (buf: ArrayBuffer) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Solves an ALTCHA v1 proof-of-work challenge in the browser: finds n in [0, maxnumber] with
 * hash(salt + n) === challenge, and returns the base64 payload the server verifies. Needs
 * crypto.subtle, i.e. a secure context (https, or http://localhost). Undefined when unsolvable.
 */
export async function solveAltcha(c: CaptchaChallenge, signal?: AbortSignal): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const encoder = new TextEncoder();
  const batch = 256;
  for (let start = 0; start <= c.maxnumber; start += batch) {
    if (signal?.aborted) return undefined;
    const end = Math.min(start + batch - 1, c.maxnumber);
    const work: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= end; n++)
      work.push(subtle.digest(c.algorithm, encoder.encode(c.salt + String(n))));
    const hashes = await Promise.all(work);
    const found = hashes.findIndex((h) => hex(h) === c.challenge);
    if (found >= 0) {
      const solution = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: start + found,
        salt: c.salt,
        signature: c.signature,
      };
      return btoa(JSON.stringify(solution));
    }
  }
  return undefined;
}
