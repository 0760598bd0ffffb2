import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { AccessStats, AccountDetail, AccountRow, AccountSearch, SetAccountStatus } from './schema.ts';

const tags = ['Quản trị tài khoản / Account administration'];

const Day = z.iso.date('Ngày không hợp lệ, định dạng YYYY-MM-DD (ví dụ 2025-09-05)');
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
