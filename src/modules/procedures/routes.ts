import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonToXml, wantsXml } from '../../domain/xml.ts';
import { sendKeptJson } from '../../http/kept-json.ts';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { FORM_MAX_BYTES, formTooLarge } from './forms.ts';
import {
  AdminListQuery,
  AdminProcedure,
  AdminProcedureRow,
  CodeParam,
  CreateField,
  CreateProcedure,
  FieldCode,
  FieldView,
  HistoryEntry,
  ImportQuery,
  ImportReport,
  PublicProcedure,
  PublicSearchQuery,
  PublishProcedure,
  SearchPage,
  SetAgencies,
  UpdateProcedure,
  UpsertField,
} from './schema.ts';

const adminTags = ['Thủ tục hành chính (quản trị) / Procedure catalog administration'];
const publicTags = ['Thủ tục hành chính (công khai) / Public procedure catalog'];
/** A whole national export (1,601 procedures) is about 12 MB of JSON. */
const IMPORT_LIMIT = 64 * 1024 * 1024;

const FormatQuery = z.object({ format: z.enum(['json', 'xml']).optional() });

/** Administration API of the catalog (II.1–II.2) and the public API (V.20). */
export function procedureRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { procedures, procedureSync, procedureFields, formTemplates, publicCatalog } = services;

    // ───────────── public ─────────────
    app.get(
      '/api/public/procedures',
      {
        schema: {
          tags: publicTags,
          summary:
            'Tìm thủ tục (không dấu, từ chưa đủ, lỗi gõ nhỏ), lọc theo lĩnh vực, cơ quan, mức độ, đối tượng; JSON hoặc XML (Accept: application/xml) / Search procedures',
          querystring: PublicSearchQuery.extend(FormatQuery.shape),
          response: { 200: SearchPage },
        },
      },
      async (req, reply) => {
        const page = await publicCatalog.search(req.query);
        void reply.header('vary', 'accept').header('cache-control', 'public, max-age=60');
        if (wantsXml(req.headers.accept, req.query.format))
          return reply.type('application/xml; charset=utf-8').send(jsonToXml('KetQuaTraCuu', page) as never);
        return sendKeptJson(reply, SearchPage, page);
      },
    );

    app.get(
      '/api/public/procedures/:code',
      {
        schema: {
          tags: publicTags,
          summary:
            'Thông tin đầy đủ của một thủ tục đã công bố, theo mã hoặc đường dẫn; JSON hoặc XML / Published procedure',
          params: z.object({ code: z.string().min(1).max(200) }),
          querystring: FormatQuery,
          response: { 200: PublicProcedure },
        },
      },
      async (req, reply) => {
        const proc = await publicCatalog.get(req.params.code);
        void reply.header('vary', 'accept').header('cache-control', 'public, max-age=60');
        if (wantsXml(req.headers.accept, req.query.format))
          return reply.type('application/xml; charset=utf-8').send(jsonToXml('ThuTuc', proc) as never);
        return sendKeptJson(reply, PublicProcedure, proc);
      },
    );

    app.get(
      '/api/public/procedure-fields',
      {
        schema: {
          tags: publicTags,
          summary: 'Lĩnh vực và số thủ tục đã công bố / Fields with procedure counts',
          response: {
            200: z.object({
              items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
            }),
          },
        },
      },
      async () => ({ items: await publicCatalog.fields() }),
    );

    app.get(
      '/bieu-mau/:code/:fileName',
      {
        schema: {
          tags: publicTags,
          summary: 'Tải tệp biểu mẫu / Download a form template',
          params: z.object({ code: z.string().max(80), fileName: z.string().max(300) }),
        },
      },
      async (req, reply) => {
        const file = await formTemplates.file(req.params.code);
        const etag = `"${file.sha256}"`;
        void reply
          .header('etag', etag)
          .header('cache-control', 'public, max-age=3600')
          .header('x-content-type-options', 'nosniff');
        if (req.headers['if-none-match'] === etag) return reply.code(304).send();
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(Buffer.from(file.bytes));
      },
    );

    // ───────────── administration ─────────────
    app.get(
      '/api/admin/procedures',
      {
        schema: {
          tags: adminTags,
          summary: 'Danh mục thủ tục (bản làm việc), phân trang theo con trỏ / Catalog for editors',
          querystring: AdminListQuery,
          response: { 200: z.object({ items: z.array(AdminProcedureRow), next: z.string().nullable() }) },
        },
      },
      async (req) => procedures.list(req.auth, req.query),
    );

    app.post(
      '/api/admin/procedures',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Thêm thủ tục (bản nháp; quyền procedures.edit) / Create a draft',
          body: CreateProcedure,
          response: { 201: AdminProcedure },
        },
      },
      async (req, reply) => reply.code(201).send(await procedures.create(req.auth, actorOf(req), req.body)),
    );

    app.get(
      '/api/admin/procedures/:code',
      {
        schema: {
          tags: adminTags,
          summary: 'Bản làm việc, bản công bố, cảnh báo và cơ quan thực hiện / One procedure',
          params: CodeParam,
          response: { 200: AdminProcedure },
        },
      },
      async (req) => procedures.get(req.auth, req.params.code),
    );

    app.put(
      '/api/admin/procedures/:code',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Lưu bản làm việc (gửi kèm version đã đọc) / Save the draft',
          params: CodeParam,
          body: UpdateProcedure,
          response: { 200: AdminProcedure },
        },
      },
      async (req) => procedures.update(req.auth, actorOf(req), req.params.code, req.body),
    );

    app.post(
      '/api/admin/procedures/:code/publish',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Công bố bản làm việc (quyền procedures.review) / Publish',
          params: CodeParam,
          body: PublishProcedure,
          response: { 200: AdminProcedure },
        },
      },
      async (req) => procedures.publish(req.auth, actorOf(req), req.params.code, req.body),
    );

    app.post(
      '/api/admin/procedures/:code/withdraw',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Ngừng công bố, nêu lý do (quyền procedures.review) / Withdraw',
          params: CodeParam,
          body: PublishProcedure,
          response: { 200: AdminProcedure },
        },
      },
      async (req) => procedures.withdraw(req.auth, actorOf(req), req.params.code, req.body),
    );

    app.put(
      '/api/admin/procedures/:code/agencies',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Cơ quan thực hiện và cách thức mỗi cơ quan nhận hồ sơ / Implementing agencies',
          params: CodeParam,
          body: SetAgencies,
          response: { 200: AdminProcedure },
        },
      },
      async (req) => procedures.setAgencies(req.auth, actorOf(req), req.params.code, req.body),
    );

    app.get(
      '/api/admin/procedures/:code/history',
      {
        schema: {
          tags: adminTags,
          summary: 'Lịch sử thay đổi: ai, khi nào, vì sao / Change history',
          params: CodeParam,
          response: { 200: z.object({ items: z.array(HistoryEntry) }) },
        },
      },
      async (req) => ({ items: await procedures.history(req.auth, req.params.code) }),
    );

    app.get(
      '/api/admin/procedures/:code/history/:id',
      {
        schema: {
          tags: adminTags,
          summary: 'Nội dung của một phiên bản / One version',
          params: CodeParam.extend({ id: z.coerce.number().int().min(1) }),
          response: { 200: HistoryEntry },
        },
      },
      async (req) => procedures.historyEntry(req.auth, req.params.code, req.params.id),
    );

    app.post(
      '/api/admin/procedures/import',
      {
        bodyLimit: IMPORT_LIMIT,
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary:
            'Nhập thủ tục từ tệp của CSDL quốc gia (dạng LayThuTuc: {"result": [...]}); lỗi ở bất kỳ bản ghi nào thì không nhập gì / Import national records',
          querystring: ImportQuery,
          body: z.unknown(),
          response: { 200: ImportReport },
        },
      },
      async (req) =>
        procedureSync.importFile(req.auth, actorOf(req), req.body, { publish: req.query.publish === 'true' }),
    );

    app.get(
      '/api/admin/procedures/export',
      {
        schema: {
          tags: adminTags,
          summary:
            'Kết xuất danh mục theo cấu trúc LayThuTuc của CSDL quốc gia (drafts=true: bản làm việc) / Export',
          querystring: z.object({ drafts: z.enum(['true', 'false']).default('false') }),
        },
      },
      async (req, reply) => {
        const data = await procedureSync.exportNational(req.auth, { drafts: req.query.drafts === 'true' });
        return reply
          .type('application/json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="thu-tuc-${new Date().toISOString().slice(0, 10)}.json"`,
          )
          .send(JSON.stringify(data));
      },
    );

    app.get(
      '/api/admin/procedure-fields',
      {
        schema: {
          tags: adminTags,
          summary: 'Lĩnh vực (kể cả ngừng dùng) / Fields',
          response: { 200: z.object({ items: z.array(FieldView) }) },
        },
      },
      async (req) => ({ items: await procedureFields.list(req.auth) }),
    );

    app.post(
      '/api/admin/procedure-fields',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Thêm lĩnh vực / Create a field',
          body: CreateField,
          response: { 201: FieldView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await procedureFields.create(req.auth, actorOf(req), req.body)),
    );

    app.put(
      '/api/admin/procedure-fields/:code',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Sửa lĩnh vực / Update a field',
          params: z.object({ code: FieldCode }),
          body: UpsertField,
          response: { 200: FieldView },
        },
      },
      async (req) => procedureFields.update(req.auth, actorOf(req), req.params.code, req.body),
    );

    const FormView = z.object({
      code: z.string(),
      name: z.string(),
      legalBasis: z.string().nullable(),
      fileName: z.string().nullable(),
      mediaType: z.string().nullable(),
      size: z.number().int().nullable(),
      sha256: z.string().nullable(),
      updatedAt: z.string(),
    });

    app.get(
      '/api/admin/forms',
      {
        schema: {
          tags: adminTags,
          summary: 'Biểu mẫu / Form templates',
          querystring: z.object({
            q: z.string().max(200).optional(),
            after: z.string().max(80).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
          }),
          response: { 200: z.object({ items: z.array(FormView), next: z.string().nullable() }) },
        },
      },
      async (req) => formTemplates.list(req.auth, req.query),
    );

    app.put(
      '/api/admin/forms/:code',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary: 'Thêm hoặc sửa biểu mẫu và căn cứ pháp lý / Save a form template',
          params: z.object({ code: z.string().max(80) }),
          body: z.object({
            name: z
              .string({ error: 'Tên biểu mẫu (name) là bắt buộc' })
              .trim()
              .min(1, 'Tên biểu mẫu (name) là bắt buộc')
              .max(500, 'Tên biểu mẫu (name) tối đa 500 ký tự'),
            legalBasis: z
              .string()
              .trim()
              .max(1000, 'Căn cứ pháp lý (legalBasis) tối đa 1.000 ký tự')
              .nullable()
              .default(null),
          }),
          response: { 200: FormView },
        },
      },
      async (req) =>
        formTemplates.save(req.auth, actorOf(req), {
          code: req.params.code,
          name: req.body.name,
          legalBasis: req.body.legalBasis || null,
        }),
    );

    await app.register(async (raw) => {
      raw.addContentTypeParser(
        'application/octet-stream',
        { parseAs: 'buffer', bodyLimit: FORM_MAX_BYTES + 1 },
        (_req, body, done) => done(null, body),
      );
      // A body over the limit is refused before it is read: say which field and what the limit is.
      raw.setErrorHandler((err: FastifyError) => {
        throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? formTooLarge() : err;
      });
      raw.put(
        '/api/admin/forms/:code/file',
        {
          bodyLimit: FORM_MAX_BYTES + 1,
          preHandler: csrfGuard,
          schema: {
            tags: adminTags,
            summary: `Tải lên tệp biểu mẫu (application/octet-stream, tên tệp trong ?fileName=; .doc, .docx, .pdf, .odt, .rtf, .xls, .xlsx, .ods; tối đa ${FORM_MAX_BYTES / 1024 / 1024} MB) / Upload the file`,
            params: z.object({ code: z.string().max(80) }),
            querystring: z.object({
              fileName: z.string({ error: 'Tên tệp (fileName) là bắt buộc' }).min(1).max(200),
            }),
          },
        },
        async (req) => {
          const body = req.body as Buffer;
          return formTemplates.upload(req.auth, actorOf(req), (req.params as { code: string }).code, {
            name: (req.query as { fileName: string }).fileName,
            bytes: new Uint8Array(body),
          });
        },
      );
    });
  };
}
