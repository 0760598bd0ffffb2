import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { AccessStats, AccountDetail, AccountRow, AccountSearch, SetAccountStatus } from './schema.ts';

const tags = ['Quản trị tài khoản / Account administration'];

const Day = z.iso.date('Ngày không hợp lệ, định dạng YYYY-MM-DD (ví dụ 2025-09-05)');
const ExportQuery = AccountSearch.omit({ after: true, limit: true }).extend({
  format: z.enum(['csv', 'json', 'xml'], 'Định dạng xuất phải là csv, json hoặc xml').default('csv'),
});
const IdParams = z.object({ id: z.uuid('Mã tài khoản không hợp lệ') });

/** Administration of registered accounts (II.17.3) and access statistics (III.14); authorised in the service. */
export function accountAdminRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { accountsAdmin } = services;

    app.get(
      '/api/admin/accounts',
      {
        schema: {
          tags,
          summary: 'Search registered accounts (q without diacritics), newest first',
          description: 'Needs accounts.manage. Keyset pagination: pass `next` back as `after`.',
          querystring: AccountSearch,
          response: { 200: z.object({ items: z.array(AccountRow), next: z.string().nullable() }) },
        },
      },
      async (req) => accountsAdmin.search(req.auth, req.query),
    );

    app.get(
      '/api/admin/accounts/export',
      {
        schema: {
          tags,
          summary: 'Export every matching account as CSV (UTF-8 with BOM), JSON or XML',
          description: 'Streamed in batches; never contains password hashes. The export is audited.',
          querystring: ExportQuery,
        },
      },
      async (req, reply) => {
        const { format, ...filter } = req.query;
        const out = await accountsAdmin.export(req.auth, filter, format, actorOf(req));
        return reply
          .header('content-type', out.contentType)
          .header('content-disposition', `attachment; filename="${out.filename}"`)
          .header('cache-control', 'no-store')
          .send(Readable.from(out.chunks));
      },
    );

    app.get(
      '/api/admin/accounts/:id',
      { schema: { tags, summary: 'One account with its sessions count and agency', params: IdParams, response: { 200: AccountDetail } } },
      async (req) => accountsAdmin.get(req.auth, req.params.id),
    );

    app.post(
      '/api/admin/accounts/:id/status',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Activate or disable an account',
          description: 'Activation e-mails the holder; disabling signs the account out everywhere. Not for your own account.',
          params: IdParams,
          body: SetAccountStatus,
          response: { 200: AccountRow },
        },
      },
      async (req) => accountsAdmin.setStatus(req.auth, req.params.id, req.body.status, actorOf(req)),
    );

    app.get(
      '/api/admin/access-stats',
      {
        schema: {
          tags,
          summary: 'Requests per day (Vietnam time) and kind, from the access log',
          description: 'Days are inclusive; default: the last 30 days; at most 366 days.',
          querystring: z.object({ from: Day.optional(), to: Day.optional() }),
          response: { 200: AccessStats },
        },
      },
      async (req) => accountsAdmin.accessStats(req.auth, req.query),
    );
    return Promise.resolve();
  };
}
