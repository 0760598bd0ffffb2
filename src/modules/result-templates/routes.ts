import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { ResultTemplateSchema, ResultTemplateView } from './schema.ts';

const tags = ['Mẫu kết quả / Result templates'];
const Code = z.object({ code: z.string().min(1).max(40) });

/** The result template of a procedure: reading it (catalog officials) and saving a version (editors). */
export function resultTemplateRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { resultTemplates } = services;
    app.get(
      '/api/admin/procedures/:code/result-template',
      {
        schema: {
          tags,
          summary: 'Mẫu kết quả đang dùng của thủ tục, với các trường được dùng / Current result template',
          params: Code,
          response: { 200: ResultTemplateView },
        },
      },
      async (req) => resultTemplates.current(req.auth, req.params.code),
    );
    app.put(
      '/api/admin/procedures/:code/result-template',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Lưu phiên bản mới của mẫu kết quả (baseVersion: phiên bản đang sửa) / Save a new version',
          params: Code,
          body: z.object({ template: ResultTemplateSchema, baseVersion: z.number().int().min(0) }),
          response: { 200: ResultTemplateView },
        },
      },
      async (req) => resultTemplates.save({ auth: req.auth, actor: actorOf(req) }, req.params.code, req.body),
    );
  };
}
