import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatusCatalog } from './schema.ts';
import { readStatusCatalog } from './service.ts';

const tags = ['Trạng thái hồ sơ / Dossier statuses'];

/** The dossier status catalogue and transition chart (TT 22/2019 II.4.1–4.2), read-only: fixed by Annex I. */
export function statusRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/dossier-statuses',
      {
        schema: {
          tags,
          security: [{ session: [] }],
          summary:
            'Danh mục trạng thái xử lý hồ sơ và lưu đồ chuyển đổi (Phụ lục I) / Dossier statuses and their transition chart',
          description:
            'Needs procedures.edit or procedures.review somewhere. `transitions[].from` null is where a new dossier enters.',
          response: { 200: StatusCatalog },
        },
      },
      async (req) => readStatusCatalog(req.auth),
    );
  };
}
