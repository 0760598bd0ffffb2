import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { DOSSIER_FILE_LIMITS, DOSSIER_FILE_MAX_BYTES, fileTooLarge } from '../dossiers/files.ts';
import { UploadView } from '../dossiers/schema.ts';
import { DocumentUploadQuery, DocumentView, ReuseBody } from './schema.ts';

const tags = ['Kho dữ liệu cá nhân / My documents'];
const Id = z.object({ id: z.uuid({ error: 'Mã giấy tờ (id) không hợp lệ' }) });

/** The signed-in citizen's or organisation's document store (V.8, III.1.1). */
export function documentRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { documents } = services;

    app.get(
      '/api/me/documents',
      {
        schema: {
          tags,
          summary: 'Giấy tờ trong kho dữ liệu: kết quả, giấy tờ đã xác minh, tệp tự tải lên / List',
          response: { 200: z.object({ items: z.array(DocumentView) }) },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return { items: await documents.list(req.auth) };
      },
    );

    app.get(
      '/api/me/documents/:id',
      { schema: { tags, summary: 'Nội dung một giấy tờ / Download', params: Id } },
      async (req, reply) => {
        const file = await documents.read(req.auth, req.params.id);
        return reply
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .type(file.mediaType)
          .send(Buffer.from(file.bytes));
      },
    );

    app.delete(
      '/api/me/documents/:id',
      { preHandler: csrfGuard, schema: { tags, summary: 'Xóa giấy tờ khỏi kho / Delete', params: Id } },
      async (req, reply) => {
        await documents.remove({ auth: req.auth, actor: actorOf(req) }, req.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/me/documents/:id/reuse',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Dùng lại giấy tờ cho hồ sơ mới: tạo tệp đính kèm chưa gắn hồ sơ từ nội dung đã lưu (id dùng trong fileIds hoặc formData) / Reuse',
          params: Id,
          body: ReuseBody.default({}),
          response: { 201: UploadView },
        },
      },
      async (req, reply) => {
        const saved = await documents.reuse({ auth: req.auth, actor: actorOf(req) }, req.params.id, req.body);
        return reply.code(201).send(saved);
      },
    );

    await app.register(async (raw) => {
      raw.addContentTypeParser(
        'application/octet-stream',
        { parseAs: 'buffer', bodyLimit: DOSSIER_FILE_MAX_BYTES + 1 },
        (_req, body, done) => done(null, body),
      );
      raw.setErrorHandler((err: FastifyError) => {
        throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? fileTooLarge() : err;
      });
      raw.post(
        '/api/me/documents',
        {
          bodyLimit: DOSSIER_FILE_MAX_BYTES + 1,
          preHandler: csrfGuard,
          schema: {
            tags,
            summary: `Tải lên giấy tờ của mình (application/octet-stream, tên tệp trong ?fileName=). ${DOSSIER_FILE_LIMITS} / Upload`,
            querystring: DocumentUploadQuery,
            response: { 201: DocumentView },
          },
        },
        async (req, reply) => {
          const q = req.query as z.infer<typeof DocumentUploadQuery>;
          const saved = await documents.upload(
            { auth: req.auth, actor: actorOf(req) },
            { name: q.fileName, bytes: new Uint8Array(req.body as Buffer), title: q.title },
          );
          return reply.code(201).send(saved);
        },
      );
    });
  };
}
