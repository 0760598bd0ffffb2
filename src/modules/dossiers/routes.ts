import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../errors.ts';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { AmendBody } from './amend-schema.ts';
import { DOSSIER_FILE_LIMITS, DOSSIER_FILE_MAX_BYTES, fileTooLarge } from './files.ts';
import {
  ActionBody,
  ApplicantView,
  DossierDetail,
  DossierPage,
  ListQuery,
  OfficialChoice,
  PublicDossier,
  ReceiveBody,
  SubmitBody,
  TrackQuery,
  UploadView,
  WorklistCounts,
} from './schema.ts';
import type { DossierCaller } from './store.ts';

const tags = ['Hồ sơ (một cửa) / Dossiers'];
const publicTags = ['Tra cứu hồ sơ (công khai) / Dossier tracking'];
const Id = z.object({ id: z.uuid({ error: 'Mã hồ sơ (id) không hợp lệ' }) });

const callerOf = (req: FastifyRequest): DossierCaller => ({
  auth: req.auth,
  actor: { ...actorOf(req), name: req.auth?.account.fullName ?? null },
});

/** The dossier API of the back office, the applicant's submission and the public tracking (II.19). */
export function dossierRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { dossiers } = services;
    // The tracking budget per address is the service's, shared with the portal's tracking page.
    const trackLimit = async (req: { ip: string }) => {
      dossiers.spendTrackingLookup(req.ip);
      return Promise.resolve();
    };

    app.get(
      '/api/public/dossiers/:code',
      {
        preHandler: trackLimit,
        schema: {
          tags: publicTags,
          summary:
            'Tra cứu tình trạng hồ sơ theo mã số và số điện thoại hoặc số giấy tờ của người nộp / Track a dossier',
          params: z.object({ code: z.string().min(1).max(40) }),
          querystring: TrackQuery,
          response: { 200: PublicDossier },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return dossiers.track(req.params.code, req.query);
      },
    );

    app.get(
      '/api/dossiers',
      {
        schema: {
          tags,
          summary:
            'Danh sách hồ sơ theo danh mục công việc và tìm kiếm (II.8.1, II.23) / Worklists and search',
          querystring: ListQuery,
          response: { 200: DossierPage },
        },
      },
      async (req) => dossiers.list(req.auth, req.query),
    );

    app.get(
      '/api/dossiers/counts',
      {
        schema: {
          tags,
          summary: 'Số hồ sơ của từng danh mục công việc theo vai trò (II.22) / Counts',
          response: { 200: WorklistCounts },
        },
      },
      async (req) => dossiers.counts(req.auth),
    );

    app.get(
      '/api/dossiers/by-code/:code',
      {
        schema: {
          tags,
          summary: 'Mã hồ sơ → id (đầu đọc mã vạch) / Find by code',
          params: z.object({ code: z.string().min(1).max(40) }),
          response: { 200: z.object({ id: z.uuid() }) },
        },
      },
      async (req) => {
        const id = await dossiers.idByCode(req.auth, req.params.code);
        if (!id) throw new NotFoundError('Không tìm thấy hồ sơ có mã này');
        return { id };
      },
    );

    app.get(
      '/api/dossiers/:id',
      {
        schema: {
          tags,
          summary:
            'Toàn bộ thông tin hồ sơ, tệp, lịch sử và các thao tác được phép (II.8.2, II.18.1) / Dossier',
          params: Id,
          response: { 200: DossierDetail },
        },
      },
      async (req) => dossiers.detail(req.auth, req.params.id),
    );

    app.get(
      '/api/dossiers/:id/assignees',
      {
        schema: {
          tags,
          summary:
            'Cán bộ có thể nhận hồ sơ theo một bước chuyển, hoặc nhận phân công lại ở bước hiện tại / Assignee choices',
          params: Id,
          querystring: z.object({ transitionId: z.string().max(100).optional() }),
          response: { 200: z.object({ items: z.array(OfficialChoice) }) },
        },
      },
      async (req) => ({
        items: await dossiers.assignees(req.auth, req.params.id, req.query.transitionId ?? null),
      }),
    );

    app.post(
      '/api/dossiers',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Tiếp nhận hồ sơ tại Bộ phận một cửa: tiếp nhận, yêu cầu bổ sung hoặc từ chối (II.5) / Receive',
          body: ReceiveBody,
          response: { 201: DossierDetail },
        },
      },
      async (req, reply) => {
        const id = await dossiers.receive(callerOf(req), req.body);
        return reply.code(201).send(await dossiers.detail(req.auth, id));
      },
    );

    app.post(
      '/api/portal/dossiers',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Nộp hồ sơ trực tuyến (tài khoản công dân, tổ chức) / Submit online',
          body: SubmitBody,
          response: { 201: DossierDetail },
        },
      },
      async (req, reply) => {
        const id = await dossiers.submit(callerOf(req), req.body);
        return reply.code(201).send(await dossiers.detail(req.auth, id));
      },
    );

    app.post(
      '/api/portal/dossiers/:id/amend',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Người nộp sửa hồ sơ trực tuyến trước khi tiếp nhận (Mới đăng ký) / Change before receipt',
          params: Id,
          body: AmendBody,
          response: { 200: DossierDetail },
        },
      },
      async (req) => {
        await dossiers.amend(callerOf(req), req.params.id, req.body);
        return dossiers.detail(req.auth, req.params.id);
      },
    );

    app.post(
      '/api/dossiers/:id/actions',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Một thao tác trên hồ sơ (tiếp nhận, chuyển, phân công, bổ sung, duyệt, trả kết quả…) / Act',
          params: Id,
          body: ActionBody,
          response: { 200: DossierDetail },
        },
      },
      async (req) => {
        await dossiers.act(callerOf(req), req.params.id, req.body);
        return dossiers.detail(req.auth, req.params.id);
      },
    );

    app.get(
      '/api/applicants',
      {
        schema: {
          tags,
          summary: 'Tra cứu tổ chức, cá nhân đã có trong hệ thống (II.5.9) / Applicant lookup',
          querystring: z.object({ q: z.string().max(200) }),
          response: { 200: z.object({ items: z.array(ApplicantView) }) },
        },
      },
      async (req) => ({ items: await dossiers.applicants(req.auth, req.query.q) }),
    );

    app.get(
      '/api/dossier-files/:id',
      {
        schema: {
          tags,
          summary: 'Nội dung một tệp của hồ sơ / File content',
          params: z.object({ id: z.uuid() }),
        },
      },
      async (req, reply) => {
        const file = await dossiers.file(req.auth, req.params.id);
        return reply
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=300')
          .type(file.mediaType)
          .send(Buffer.from(file.bytes));
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
        '/api/dossier-files',
        {
          bodyLimit: DOSSIER_FILE_MAX_BYTES + 1,
          preHandler: csrfGuard,
          schema: {
            tags,
            summary: `Tải lên tệp đính kèm (application/octet-stream, tên tệp trong ?fileName=). ${DOSSIER_FILE_LIMITS} / Upload`,
            querystring: z.object({
              fileName: z
                .string({ error: 'Tên tệp (fileName) là bắt buộc' })
                .min(1, 'Tên tệp (fileName) là bắt buộc')
                .max(200),
              component: z.string().max(1000).optional(),
            }),
            response: { 201: UploadView },
          },
        },
        async (req, reply) => {
          const q = req.query as { fileName: string; component?: string };
          const saved = await dossiers.upload(req.auth, {
            name: q.fileName,
            bytes: new Uint8Array(req.body as Buffer),
            component: q.component ?? null,
          });
          return reply.code(201).send(saved);
        },
      );
    });
  };
}
