import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { Executor } from '../../db/tx.ts';
import { CaptchaRequiredError } from '../../errors.ts';

/**
 * Self-hosted proof-of-work captcha (ALTCHA, Annex V.25): the browser finds a number whose SHA-256
 * with the salt matches the challenge. No third party, no tracking, no picture puzzles.
 */
export interface CaptchaChallenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const TTL_MS = 10 * 60_000;

export class Captcha {
  private readonly hmacKey: string;
  private readonly maxNumber: number;

  constructor(hmacKey: string, maxNumber: number) {
    this.hmacKey = hmacKey;
    this.maxNumber = maxNumber;
  }

  async challenge(): Promise<CaptchaChallenge> {
    const c = await createChallenge({
      hmacKey: this.hmacKey,
      maxNumber: this.maxNumber,
      expires: new Date(Date.now() + TTL_MS),
    });
    return { algorithm: c.algorithm, challenge: c.challenge, maxnumber: c.maxnumber ?? this.maxNumber, salt: c.salt, signature: c.signature };
  }

  /** Throws CaptchaRequiredError unless `payload` is a fresh, unspent solution. */
  async verify(db: Executor, payload: string | undefined): Promise<void> {
    if (!payload) throw new CaptchaRequiredError();
    let ok: boolean;
    try {
      ok = await verifySolution(payload, this.hmacKey, true);
    } catch {
      ok = false;
    }
    if (!ok) throw new CaptchaRequiredError('Mã xác thực chống spam không đúng hoặc đã hết hạn, vui lòng thử lại');
    const signature = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string };
    const spent = await db
      .insertInto('captcha_spent')
      .values({ signature: signature.signature, expires_at: new Date(Date.now() + TTL_MS) })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    if (!spent) throw new CaptchaRequiredError('Mã xác thực chống spam đã được dùng, vui lòng thử lại');
  }
}
