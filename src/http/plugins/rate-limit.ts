import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../errors.ts';

/**
 * Fixed-window rate limiter per client address and route, in memory. Each app process limits on its
 * own; behind a load balancer the effective limit is per process, which is acceptable for abuse
 * control (the account lockout, which matters for security, lives in the database).
 */
export function rateLimit(opts: { max: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (req: FastifyRequest): Promise<void> => {
    const now = Date.now();
    const key = `${req.ip}|${req.routeOptions.url ?? req.url}`;
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
    return Promise.resolve();
  };
}
