import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** JSON of values kept by a cache, by identity: encoded once, however often they are sent. */
const encoded = new WeakMap<object, string>();

/**
 * Sends a value that a cache keeps and shares between requests (frozen, so its JSON cannot change)
 * as the route's response schema would: checked and encoded by `schema` the first time, then the
 * same bytes again without the per-request validation (bench/catalog.ts: a sixth of a cached search).
 */
export function sendKeptJson<S extends z.ZodType>(
  reply: FastifyReply,
  schema: S,
  value: z.output<S> & object,
) {
  let body = encoded.get(value);
  if (body === undefined) {
    body = JSON.stringify(z.encode(schema, value));
    if (Object.isFrozen(value)) encoded.set(value, body);
  }
  return reply
    .type('application/json; charset=utf-8')
    .serializer((payload: unknown) => payload as string)
    .send(body);
}
