import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.ts';

export function auditRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => Promise.resolve();
}
