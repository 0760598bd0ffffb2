import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';

/**
 * Structured JSON logs (pino) without personal data: no cookies, no bodies, no query strings
 * (tracking lookups carry phone and ID numbers there), no authorization headers.
 */
export function logOptions(config: Config): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: config.env === 'test' ? 'silent' : config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string | undefined } }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  };
}
