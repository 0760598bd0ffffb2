import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../errors.ts';

/**
 * Fixed-window rate limiter per client address and route, in memory. Each app process limits on its
 * own; behind a load balancer the effective limit is per process, which is acceptable for abuse
 * control (the account lockout, which matters for security, lives in the database).
 */
export function rateLimit(opts: { max: number; windowMs: number }) {
  const hit = keyedRateLimit(opts);
  return async (req: FastifyRequest): Promise<void> => {
    hit(`${req.ip}|${req.routeOptions.url ?? req.url}`);
    return Promise.resolve();
  };
}

/**
 * The same fixed window for any key (a web page's loader limits by the client address it is given):
 * counts one hit of `key` and throws RateLimitedError once the window's budget is spent.
 */
export function keyedRateLimit(opts: { max: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): void => {
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= opts.windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (now - v.start >= opts.windowMs) windows.delete(k);
      }
    }
    w.count += 1;
    if (w.count > opts.max) throw new RateLimitedError(Math.ceil((w.start + opts.windowMs - now) / 1000));
  };
}
