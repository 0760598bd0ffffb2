import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AuditPage, AuditQuery } from './service.ts';

const tags = ['Nhật ký / Audit'];

const ChainBreak = z.object({
  seq: z.number(),
  reason: z.enum(['gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_mismatch']),
  expectedSeq: z.number().optional(),
  lastSeq: z.number().optional(),
});
const VerifyResult = z.object({ ok: z.boolean(), checked: z.number(), broken: ChainBreak.optional() });

export function auditRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/audit',
      {
        schema: {
          tags,
          summary: 'Browse the audit log, newest first (keyset pagination on seq)',
          description: 'Needs audit.read; officials scoped to agencies see only entries of those agencies.',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (req) => services.audit.list(req.auth, req.query),
    );

    app.get(
      '/api/admin/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the hash chain of the whole audit log (system.admin)',
          response: { 200: VerifyResult },
        },
      },
      async (req) => {
        const r = await services.audit.verify(req.auth);
        return r.ok ? { ok: true, checked: r.checked } : { ok: false, checked: r.checked, broken: r.broken };
      },
    );
    return Promise.resolve();
  };
}
