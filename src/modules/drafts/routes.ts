import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { DraftInput, DraftSummary, DraftUpdate, DraftView } from './schema.ts';

const tags = ['Bản nháp hồ sơ trực tuyến / Application drafts'];
const Id = z.object({ id: z.uuid({ error: 'Mã bản nháp (id) không hợp lệ' }) });

/** The signed-in applicant's drafts of online applications (III.1.3): save, resume, delete. */
export function draftRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { drafts } = services;
    app.get(
      '/api/me/drafts',
      {
        schema: {
          tags,
          summary: 'Bản nháp của tôi, lưu gần nhất trước / My drafts, newest first',
          response: { 200: z.object({ items: z.array(DraftSummary) }) },
        },
      },
      async (req) => ({ items: await drafts.list(req.auth) }),
    );
    app.get(
      '/api/me/drafts/:id',
      {
        schema: {
          tags,
          summary: 'Một bản nháp với các giá trị đã nhập / One draft',
          params: Id,
          response: { 200: DraftView },
        },
      },
      async (req) => drafts.get(req.auth, req.params.id),
    );
    app.post(
      '/api/me/drafts',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Lưu bản nháp mới / Save a new draft',
          body: DraftInput,
          response: { 201: DraftView },
        },
      },
      async (req, reply) => reply.code(201).send(await drafts.create(req.auth, actorOf(req), req.body)),
    );
    app.put(
      '/api/me/drafts/:id',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Lưu lại bản nháp (nêu phiên bản đã đọc) / Save over a draft',
          params: Id,
          body: DraftUpdate,
          response: { 200: DraftView },
        },
      },
      async (req) => drafts.update(req.auth, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/me/drafts/:id',
      {
        preHandler: csrfGuard,
        schema: { tags, summary: 'Xóa bản nháp / Delete a draft', params: Id, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await drafts.remove(req.auth, actorOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
