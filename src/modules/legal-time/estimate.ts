import type { Channel } from '../../domain/procedure.ts';
import { AppError, ValidationError } from '../../errors.ts';
import type { FieldProblem } from '../../errors.ts';
import type { PublicProcedure } from '../procedures/schema.ts';
import type { PublicAppointmentQuery, PublicAppointmentView } from './schema.ts';
import type { AgencyCalendar, LegalTimeService } from './service.ts';

/** The procedure publishes no deadline the engine can count (none, no unit, or a fraction of a day). */
export class DeadlineUnknownError extends AppError {
  readonly status = 404;
  readonly code = 'deadline_unknown';
  readonly fields: FieldProblem[];
  constructor(message: string, field: string) {
    super(message, 'The procedure has no deadline that can be counted');
    this.fields = [{ field, message }];
  }
}

/** Channels tried when none is asked for: online first, as the portal offers it first. */
const DEFAULT_ORDER: readonly Channel[] = ['online', 'counter', 'postal'];
const CHANNEL_TEXT: Record<Channel, string> = {
  online: 'trực tuyến',
  counter: 'trực tiếp',
  postal: 'qua bưu chính',
};

/**
 * "If I apply now, when is my result due?": the published deadline of the procedure for a channel,
 * counted on the calendar of one of its implementing agencies (the first by default; the national
 * calendar when the procedure has none in the platform).
 */
export async function estimateAppointment(
  legalTime: LegalTimeService,
  procedure: PublicProcedure,
  query: PublicAppointmentQuery,
  /** The calendar of the agency `query.agency` (or the first), when already loaded for other channels. */
  calendar?: AgencyCalendar,
): Promise<PublicAppointmentView> {
  const agencies = procedure.agencies;
  const agency = query.agency ? agencies.find((a) => a.id === query.agency) : agencies[0];
  if (query.agency && !agency) {
    throw new ValidationError([
      {
        field: 'querystring.agency',
        message: `Cơ quan (agency) không có hoặc không thực hiện thủ tục ${procedure.code}; chọn một trong các cơ quan thực hiện thủ tục`,
      },
    ]);
  }
  const channels = procedure.content.channels;
  const terms = query.channel
    ? channels.find((c) => c.channel === query.channel)
    : (DEFAULT_ORDER.map((ch) => channels.find((c) => c.channel === ch && c.deadline?.unit)).find(Boolean) ??
      channels[0]);
  if (!terms) {
    throw new ValidationError([
      {
        field: 'querystring.channel',
        message: query.channel
          ? `Thủ tục ${procedure.code} không nhận hồ sơ ${CHANNEL_TEXT[query.channel]} (channel)`
          : `Thủ tục ${procedure.code} chưa có cách thức thực hiện (channel)`,
      },
    ]);
  }
  const d = terms.deadline;
  const field = `channels[${channels.indexOf(terms)}].deadline`;
  if (!d?.unit) {
    throw new DeadlineUnknownError(
      `Thủ tục ${procedure.code} chưa công bố thời hạn giải quyết bằng số kèm đơn vị cho cách nộp ${CHANNEL_TEXT[terms.channel]} (${field})${terms.deadlineNote ? `: ${terms.deadlineNote}` : ''}`,
      field,
    );
  }
  const deadline = { value: d.value, unit: d.unit };
  const result = await legalTime
    .appointment({ agencyId: agency?.id ?? null, receivedAt: query.receivedAt, deadline, calendar })
    .catch((err: unknown) => {
      // By shape, not instanceof: the web build bundles its own copy of errors.ts.
      const e = err as { code?: unknown; fields?: { message: string }[] };
      if (e.code === 'validation_failed')
        throw new DeadlineUnknownError(
          `Không tính được ngày hẹn trả từ thời hạn ${d.value} của thủ tục ${procedure.code} (${field}): ${e.fields?.[0]?.message ?? ''}`,
          field,
        );
      throw err;
    });
  return {
    procedure: { code: procedure.code, name: procedure.content.name },
    agency: agency ? { id: agency.id, name: agency.name } : null,
    channel: terms.channel,
    receivedAt: result.receivedAt.toISOString(),
    startsAt: result.startsAt.toISOString(),
    appointmentAt: result.dueAt.toISOString(),
    deadline,
    explanation: result.explanation,
  };
}
