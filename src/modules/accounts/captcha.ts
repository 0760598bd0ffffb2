import { randomInt } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { hmac, randomToken, safeEqual } from './tokens.ts';
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
  /** For browsers without JavaScript: a short sum in Vietnamese words, answered in a text field. */
  question: { text: string; textEn: string; token: string };
}

/** Prefix of a payload that answers the question instead of solving the proof of work. */
export const QUESTION_PREFIX = 'q:';

const WORDS_VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const WORDS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

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
    return {
      algorithm: c.algorithm,
      challenge: c.challenge,
      maxnumber: c.maxnumber ?? this.maxNumber,
      salt: c.salt,
      signature: c.signature,
      question: this.question(),
    };
  }

  /**
   * The fallback without JavaScript (the portal must work without it): a sum of two numbers written
   * in words, signed so the server keeps no state. Weaker than the proof of work, so it is only what
   * a browser without JavaScript gets; each answer is spent once like any solution.
   */
  private question(): CaptchaChallenge['question'] {
    const a = randomInt(1, 11);
    const b = randomInt(1, 11);
    const body = Buffer.from(JSON.stringify({ a, b, exp: Date.now() + TTL_MS, n: randomToken(8) })).toString('base64url');
    const token = `${body}.${hmac(this.hmacKey, `captcha-q:${body}`)}`;
    return {
      text: `${WORDS_VI[a] ?? a} cộng ${WORDS_VI[b] ?? b} bằng bao nhiêu? (trả lời bằng chữ số)`,
      textEn: `What is ${WORDS_EN[a] ?? a} plus ${WORDS_EN[b] ?? b}? (answer in digits)`,
      token,
    };
  }

  /** The signature to spend when `payload` is a correct, unexpired answer to a question; else undefined. */
  private checkAnswer(payload: string): string | undefined {
    const [, token = '', answer = ''] = payload.split(':');
    const [body = '', mac = ''] = token.split('.');
    if (!safeEqual(mac, hmac(this.hmacKey, `captcha-q:${body}`))) return undefined;
    const q = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a: number; b: number; exp: number };
    if (q.exp < Date.now() || answer.trim() !== String(q.a + q.b)) return undefined;
    return mac;
  }

  /** Throws CaptchaRequiredError unless `payload` is a fresh, unspent solution. */
  async verify(db: Executor, payload: string | undefined): Promise<void> {
    if (!payload) throw new CaptchaRequiredError();
    let signature: string | undefined;
    try {
      if (payload.startsWith(QUESTION_PREFIX)) signature = this.checkAnswer(payload);
      else if (await verifySolution(payload, this.hmacKey, true)) {
        signature = (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string }).signature;
      }
    } catch {
      signature = undefined;
    }
    if (!signature) throw new CaptchaRequiredError('Mã xác thực chống spam không đúng hoặc đã hết hạn, vui lòng thử lại');
    const spent = await db
      .insertInto('captcha_spent')
      .values({ signature, expires_at: new Date(Date.now() + TTL_MS) })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    if (!spent) throw new CaptchaRequiredError('Mã xác thực chống spam đã được dùng, vui lòng thử lại');
  }
}
