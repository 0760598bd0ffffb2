import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { GuideInput, GuideKind, GuideView } from './schema.ts';

const tags = ['Hướng dẫn, hỏi đáp / Guides and FAQs'];

/** Guides, FAQs and life events: public reading (III.7) and editing (content.edit). */
export function guideRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { guides } = services;
    const Id = z.object({ id: z.uuid({ error: 'Mã bài (id) không hợp lệ' }) });

    app.get(
      '/api/public/guides',
      {
        schema: {
          tags,
          summary: 'Hướng dẫn, câu hỏi thường gặp, sự kiện đã đăng / Published guides',
          querystring: z.object({ kind: GuideKind.optional() }),
          response: { 200: z.object({ items: z.array(GuideView) }) },
        },
      },
      async (req) => ({ items: await guides.listPublished(req.query.kind) }),
    );
    app.get(
      '/api/admin/guides',
      {
        schema: {
          tags,
          summary: 'Mọi bài (kể cả chưa đăng) / All guides',
          response: { 200: z.object({ items: z.array(GuideView) }) },
        },
      },
      async (req) => ({ items: await guides.list(req.auth) }),
    );
    app.post(
      '/api/admin/guides',
      {
        preHandler: csrfGuard,
        schema: { tags, summary: 'Thêm bài / Create', body: GuideInput, response: { 201: GuideView } },
      },
      async (req, reply) => reply.code(201).send(await guides.create(req.auth, actorOf(req), req.body)),
    );
    app.put(
      '/api/admin/guides/:id',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Sửa bài / Update',
          params: Id,
          body: GuideInput,
          response: { 200: GuideView },
        },
      },
      async (req) => guides.update(req.auth, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/admin/guides/:id',
      {
        preHandler: csrfGuard,
        schema: { tags, summary: 'Xóa bài / Delete', params: Id, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await guides.remove(req.auth, actorOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
