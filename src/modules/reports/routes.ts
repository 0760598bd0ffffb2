import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.ts';
import { ProcessingQuery, ProcessingReport, PublicStats } from './schema.ts';

const tags = ['Báo cáo, thống kê / Reports'];

/** Statistics of dossier handling: the officials' report (II.13.1) and the portal's public figures (III.8.1). */
export function reportRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/reports/processing',
      {
        schema: {
          tags,
          summary:
            'Báo cáo tình hình, kết quả giải quyết TTHC theo kỳ, nhóm theo cơ quan, lĩnh vực, thủ tục, tháng hoặc kênh / Dossier handling report',
          description:
            'Needs reports.read; only the agencies of the caller’s grants. Days are inclusive, Vietnam time; the default period is the current month.',
          querystring: ProcessingQuery,
          response: { 200: ProcessingReport },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'private, no-store');
        return services.reports.processing(req.auth, req.query);
      },
    );

    app.get(
      '/api/public/statistics',
      {
        schema: {
          tags,
          summary:
            'Thống kê công khai kết quả giải quyết hồ sơ từ đầu năm, theo tháng và lĩnh vực / Public year-to-date statistics',
          response: { 200: PublicStats },
        },
      },
      async (_req, reply) => {
        void reply.header('cache-control', 'public, max-age=300');
        return services.reports.publicStats();
      },
    );
    return Promise.resolve();
  };
}
