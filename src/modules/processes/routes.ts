import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../errors.ts';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import {
  CreateDraftBody,
  IdParam,
  ImportQuery,
  ListQuery,
  ProcessFile,
  ProcessProblemSchema,
  ProcessVersion,
  ProcessView,
  PublicProcess,
  PublishBody,
  SaveDraftBody,
} from './schema.ts';
import type { PublishedProcess } from './schema.ts';
import type { ProcessCaller } from './store.ts';
import { assertReader } from './store.ts';

const adminTags = ['Quy trình xử lý (quản trị) / Process definitions'];
const publicTags = ['Thủ tục hành chính (công khai) / Public procedure catalog'];

function callerOf(req: FastifyRequest): ProcessCaller {
  return { auth: req.auth, actor: actorOf(req) };
}

/** Named officials are not disclosed on the public API: their step shows "officials" without ids. */
function publicView(p: PublishedProcess): PublishedProcess {
  return {
    ...p,
    definition: {
      ...p.definition,
      steps: p.definition.steps.map((s) =>
        s.actor?.kind === 'officials' ? { ...s, actor: { kind: 'officials', officialIds: [] } } : s,
      ),
    },
  };
}

/** Administration API of process definitions (II.3.1–3.4) and the public read-only process. */
export function processRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { processes } = services;

    app.get(
      '/api/public/procedures/:code/process',
      {
        schema: {
          tags: publicTags,
          summary:
            'Quy trình xử lý đang áp dụng của một thủ tục đã công bố: của cơ quan (agency = mã định danh hoặc mã cơ quan) nếu có, nếu không là quy trình chung / Published process',
          params: z.object({ code: z.string().min(1).max(200) }),
          querystring: z.object({ agency: z.string().max(100).optional() }),
          response: { 200: PublicProcess },
        },
      },
      async (req, reply) => {
        const found = await processes.publishedFor(req.params.code, req.query.agency ?? null);
        if (!found)
          throw new NotFoundError(`Thủ tục "${req.params.code}" chưa có quy trình xử lý được công bố`);
        void reply.header('cache-control', 'public, max-age=60');
        return publicView(found);
      },
    );

    const Unit = z.object({ id: z.uuid(), name: z.string() });
    app.get(
      '/api/admin/processes/actor-choices',
      {
        schema: {
          tags: adminTags,
          summary:
            'Phòng ban và nhóm của một cơ quan có thể giao làm một bước, cho người được sửa quy trình của cơ quan đó / Actor choices',
          querystring: z.object({ agency: z.uuid({ error: 'Mã cơ quan (agency) không hợp lệ' }) }),
          response: { 200: z.object({ departments: z.array(Unit), groups: z.array(Unit) }) },
        },
      },
      async (req) => processes.actorChoices(callerOf(req), req.query.agency),
    );

    app.get(
      '/api/admin/processes',
      {
        schema: {
          tags: adminTags,
          summary: 'Các phiên bản quy trình của một thủ tục (chung và của từng cơ quan) / Versions',
          querystring: ListQuery,
          response: { 200: z.object({ items: z.array(ProcessVersion) }) },
        },
      },
      async (req) => ({ items: await processes.listForProcedure(callerOf(req), req.query.procedure) }),
    );

    app.post(
      '/api/admin/processes',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary:
            'Tạo bản nháp: sao từ fromId, hoặc từ quy trình đang áp dụng, hoặc quy trình mẫu vừa thời hạn giải quyết / Create a draft',
          body: CreateDraftBody,
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (req, reply) => {
        const { procedureCode, agencyId, fromId } = req.body;
        const id = await processes.createDraft(callerOf(req), procedureCode, {
          agencyId: agencyId ?? null,
          ...(fromId ? { fromId } : {}),
        });
        return reply.code(201).send({ id });
      },
    );

    app.get(
      '/api/admin/processes/:id',
      {
        schema: {
          tags: adminTags,
          summary: 'Một phiên bản, các vấn đề còn lại và thời hạn giải quyết / One version',
          params: IdParam,
          response: { 200: ProcessView },
        },
      },
      async (req) => processes.get(callerOf(req), req.params.id),
    );

    app.put(
      '/api/admin/processes/:id',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary:
            'Lưu bản nháp (gửi kèm rowVersion đã đọc; lưu cả khi còn vấn đề, trả về danh sách vấn đề) / Save a draft',
          params: IdParam,
          body: SaveDraftBody,
          response: {
            200: z.object({ rowVersion: z.number().int(), problems: z.array(ProcessProblemSchema) }),
          },
        },
      },
      async (req) => processes.saveDraft(callerOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/admin/processes/:id/publish',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary:
            'Công bố (áp dụng) bản nháp; phiên bản đang áp dụng chuyển sang ngừng áp dụng. Còn vấn đề thì trả 400 process_invalid liệt kê từng vấn đề / Publish',
          params: IdParam,
          body: PublishBody,
          response: { 200: ProcessView },
        },
      },
      async (req) => processes.publish(callerOf(req), req.params.id, req.body),
    );

    app.delete(
      '/api/admin/processes/:id',
      {
        preHandler: csrfGuard,
        schema: { tags: adminTags, summary: 'Hủy bản nháp / Discard a draft', params: IdParam },
      },
      async (req, reply) => {
        await processes.discardDraft(callerOf(req), req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/admin/processes/:id/export',
      {
        schema: {
          tags: adminTags,
          summary: 'Xuất quy trình ra tệp JSON / Export',
          params: IdParam,
          response: { 200: ProcessFile },
        },
      },
      async (req, reply) => {
        const file = await processes.exportJson(callerOf(req), req.params.id);
        void reply.header(
          'content-disposition',
          `attachment; filename="quy-trinh-${file.procedureCode}-v${file.version}.json"`,
        );
        return file;
      },
    );

    app.post(
      '/api/admin/processes/import',
      {
        preHandler: csrfGuard,
        schema: {
          tags: adminTags,
          summary:
            'Nhập quy trình từ tệp JSON đã xuất (hoặc một định nghĩa quy trình) thành bản nháp; sai định dạng thì trả 400 liệt kê từng lỗi / Import',
          querystring: ImportQuery,
          body: z
            .unknown()
            .describe('Tệp ProcessFile (format "dichvucong.quy-trinh/1") hoặc ProcessDefinition'),
          response: { 201: z.object({ id: z.uuid(), problems: z.array(ProcessProblemSchema) }) },
        },
      },
      async (req, reply) => {
        const caller = callerOf(req);
        const id = await processes.importJson(caller, req.query.procedure, req.body, {
          agencyId: req.query.agency ?? null,
        });
        const { problems } = await processes.get(caller, id);
        return reply.code(201).send({ id, problems });
      },
    );

    app.get(
      '/api/admin/processes/:id/step-counts',
      {
        schema: {
          tags: adminTags,
          summary: 'Số hồ sơ đang ở từng bước (0 cho đến khi có hồ sơ) / Dossiers per step',
          params: IdParam,
          response: { 200: z.object({ counts: z.record(z.string(), z.number().int()) }) },
        },
      },
      async (req) => {
        assertReader(req.auth);
        return { counts: await processes.stepCounts(req.params.id) };
      },
    );
  };
}
