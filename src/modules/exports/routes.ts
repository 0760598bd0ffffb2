import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { ExportRequest, ExportView } from './schema.ts';

const tags = ['Xuất dữ liệu / Exports'];
const Id = z.object({ id: z.uuid({ error: 'Mã tệp xuất (id) không hợp lệ' }) });

/** Background exports of lists and reports in open formats (V.20): request, follow, download. */
export function exportRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { exports } = services;

    app.post(
      '/api/exports',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Yêu cầu xuất danh sách (kind dossiers: bộ lọc như GET /api/dossiers) ra csv, json, xml, xlsx, ods, docx, odt hoặc pdf; chạy nền / Request an export',
          body: ExportRequest,
          response: { 202: ExportView },
        },
      },
      async (req, reply) => reply.code(202).send(await exports.request(req.auth, actorOf(req), req.body)),
    );

    app.get(
      '/api/exports',
      {
        schema: {
          tags,
          summary: 'Các lần xuất dữ liệu của tôi: trạng thái, tiến độ / My exports',
          response: { 200: z.object({ items: z.array(ExportView) }) },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return { items: await exports.list(req.auth) };
      },
    );

    app.get(
      '/api/exports/:id/file',
      { schema: { tags, summary: 'Tải tệp đã xuất (chỉ người yêu cầu) / Download', params: Id } },
      async (req, reply) => {
        const file = await exports.download(req.auth, actorOf(req), req.params.id);
        return reply
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .type(file.mediaType)
          .send(Buffer.from(file.bytes));
      },
    );
  };
}
