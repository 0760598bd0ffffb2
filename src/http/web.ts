import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';

/** Mounts the React Router app; filled in by the web-shell work. */
export async function webPlugin(_app: FastifyInstance, _opts: { buildDir: string; services: Services }): Promise<void> {
  return Promise.resolve();
}
