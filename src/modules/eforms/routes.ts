import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { EformDefinitionSchema, EformView } from './schema.ts';

const tags = ['Tờ khai điện tử / E-forms'];
const Code = z.object({ code: z.string().min(1).max(40) });

/** The e-form of a procedure: public read (the portal renders it), and saving a version (editors). */
export function eformRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { eforms } = services;
    app.get(
      '/api/public/procedures/:code/eform',
      {
        schema: {
          tags,
          summary: 'Tờ khai điện tử đang dùng của thủ tục / Current e-form',
          params: Code,
          response: { 200: EformView },
        },
      },
      async (req) => eforms.current(req.params.code),
    );
    app.put(
      '/api/admin/procedures/:code/eform',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Lưu phiên bản mới của tờ khai (baseVersion: phiên bản đang sửa) / Save a new version',
          params: Code,
          body: z.object({ definition: EformDefinitionSchema, baseVersion: z.number().int().min(0) }),
          response: { 200: EformView },
        },
      },
      async (req) => eforms.save({ auth: req.auth, actor: actorOf(req) }, req.params.code, req.body),
    );
  };
}
