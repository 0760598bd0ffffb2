import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoDay } from '../../domain/calendar.ts';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import { CalendarDayView, CalendarQuery, CalendarYear, CreateCalendarDay } from './schema.ts';

const tags = ['Lịch làm việc / Working calendar'];

/** The working calendar: public reading, administration of national days and agency overrides. */
export function calendarRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { calendar } = services;

    app.get(
      '/api/calendar',
      {
        schema: {
          tags,
          summary:
            'Ngày nghỉ lễ, nghỉ bù và làm bù của một năm (chung hoặc của một cơ quan) / Holidays, days off and make-up days of a year',
          querystring: CalendarQuery,
          response: { 200: CalendarYear },
        },
      },
      async (req) =>
        calendar.year(req.query.year ?? Number(toIsoDay(new Date()).slice(0, 4)), req.query.agencyId),
    );

    app.post(
      '/api/calendar',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Thêm ngày vào lịch: chung (quản trị cấp cao nhất) hoặc riêng một cơ quan (quyền calendar.manage) / Add a day',
          body: CreateCalendarDay,
          response: { 201: CalendarDayView },
        },
      },
      async (req, reply) => reply.code(201).send(await calendar.create(req.auth, actorOf(req), req.body)),
    );

    app.delete(
      '/api/calendar/:id',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Xóa một ngày khỏi lịch / Remove a day',
          params: z.object({ id: z.uuid('Mã ngày (id) không hợp lệ') }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await calendar.remove(req.auth, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
