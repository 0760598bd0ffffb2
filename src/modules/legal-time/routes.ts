import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import { ValidationError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { estimateAppointment } from './estimate.ts';
import {
  AppointmentRequest,
  AppointmentView,
  PublicAppointmentQuery,
  PublicAppointmentView,
  SaveWorkHours,
  StepDueRequest,
  StepDueView,
  WorkHoursQuery,
  WorkHoursView,
} from './schema.ts';

const tags = ['Thời hạn và ngày hẹn trả / Legal time'];

/**
 * The legal-time engine over HTTP: the public "if I apply now" estimate of a procedure, the
 * computations other systems need (appointment, step due time), and the working hours per agency.
 */
export function legalTimeRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { legalTime, publicCatalog } = services;

    app.get(
      '/api/public/procedures/:code/appointment',
      {
        schema: {
          tags,
          summary:
            'Ngày hẹn trả dự kiến nếu nộp hồ sơ lúc receivedAt (mặc định: bây giờ) tại một cơ quan thực hiện, theo thời hạn công bố của cách nộp (channel), kèm giải thích / Expected result date',
          params: z.object({ code: z.string().min(1).max(200) }),
          querystring: PublicAppointmentQuery,
          response: { 200: PublicAppointmentView },
        },
      },
      async (req, reply) => {
        const procedure = await publicCatalog.get(req.params.code);
        void reply.header('cache-control', 'no-store');
        return estimateAppointment(legalTime, procedure, req.query);
      },
    );

    app.post(
      '/api/legal-time/appointment',
      {
        schema: {
          tags,
          summary:
            'Tính ngày hẹn trả: thời điểm tiếp nhận, thời hạn, tạm dừng, gia hạn, theo lịch của một cơ quan (không lưu gì) / Compute an appointment',
          body: AppointmentRequest,
          response: { 200: AppointmentView },
        },
      },
      async (req) => {
        const r = await inBody(legalTime.appointment(req.body));
        return {
          receivedAt: r.receivedAt.toISOString(),
          startsAt: r.startsAt.toISOString(),
          appointmentAt: r.dueAt.toISOString(),
          deadline: req.body.deadline,
          explanation: r.explanation,
        };
      },
    );

    app.post(
      '/api/legal-time/step-due',
      {
        schema: {
          tags,
          summary:
            'Hạn xử lý của một bước: thời điểm bắt đầu và thời hạn tính bằng phút làm việc (không lưu gì) / Compute a step due time',
          body: StepDueRequest,
          response: { 200: StepDueView },
        },
      },
      async (req) => {
        const r = await inBody(legalTime.stepDue(req.body));
        return { dueAt: r.dueAt.toISOString(), explanation: r.explanation };
      },
    );

    app.get(
      '/api/legal-time/work-hours',
      {
        schema: {
          tags,
          summary:
            'Giờ làm việc và giờ chốt đang áp dụng cho một cơ quan (riêng, kế thừa cấp trên, hoặc mặc định) / Working hours in force',
          querystring: WorkHoursQuery,
          response: { 200: WorkHoursView },
        },
      },
      async (req) => legalTime.workHours(req.query.agencyId),
    );

    app.put(
      '/api/legal-time/work-hours',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Đặt giờ làm việc, giờ tiếp nhận sáng thứ Bảy và giờ chốt: mặc định (quản trị cấp cao nhất) hoặc riêng một cơ quan (quyền calendar.manage) / Set working hours',
          body: SaveWorkHours,
          response: { 200: WorkHoursView },
        },
      },
      async (req) => legalTime.saveWorkHours(req.auth, actorOf(req), req.body),
    );

    app.delete(
      '/api/legal-time/work-hours/:agencyId',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Bỏ giờ làm việc riêng của một cơ quan: dùng lại giờ của cấp trên hoặc mặc định / Remove an agency’s own hours',
          params: z.object({ agencyId: z.uuid('Mã cơ quan (agencyId) không hợp lệ') }),
          response: { 200: WorkHoursView },
        },
      },
      async (req) => legalTime.removeWorkHours(req.auth, actorOf(req), req.params.agencyId),
    );
  };
}

/** The engine names fields of its input; over HTTP they are fields of the body. */
async function inBody<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof ValidationError)
      throw new ValidationError(err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message })));
    throw err;
  }
}
