import { z } from 'zod';
import { CHANNELS, DEADLINE_UNITS } from '../../domain/procedure.ts';
import { PAUSE_REASONS, parseClock, scheduleIssues } from '../../domain/legal-time.ts';
import { parseInstant } from '../../domain/legal-time-clock.ts';

/** Contracts of the legal-time engine: working hours per agency, appointments, step due times. */

const clock = (label: string) =>
  z
    .string({ error: `${label} là bắt buộc, dạng HH:MM` })
    .trim()
    .refine((s) => parseClock(s) !== undefined, `${label} phải là giờ dạng HH:MM, ví dụ 07:30`)
    .transform((s) => {
      const m = parseClock(s) ?? 0;
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    });

const period = (label: string) =>
  z.object({
    start: clock(`Giờ bắt đầu của ${label} (start)`),
    end: clock(`Giờ kết thúc của ${label} (end)`),
  });

const toMinutes = (p: { start: string; end: string }) => ({
  start: parseClock(p.start) ?? 0,
  end: parseClock(p.end) ?? 0,
});

export const SaveWorkHours = z
  .object({
    /** Null or absent: the national default. */
    agencyId: z.uuid('Mã cơ quan (agencyId) không hợp lệ').nullable().optional(),
    periods: z
      .array(period('buổi làm việc'), { error: 'Giờ làm việc (periods) phải là danh sách các buổi' })
      .min(1, 'Giờ làm việc (periods) phải có ít nhất một buổi')
      .max(4, 'Giờ làm việc (periods) có tối đa 4 buổi'),
    saturdayReception: z
      .array(period('buổi tiếp nhận sáng thứ Bảy'), {
        error: 'Giờ tiếp nhận sáng thứ Bảy (saturdayReception) phải là danh sách các buổi',
      })
      .max(2, 'Giờ tiếp nhận sáng thứ Bảy (saturdayReception) có tối đa 2 buổi')
      .default([]),
    cutoff: clock('Giờ chốt tiếp nhận (cutoff)'),
    note: z.string().trim().max(500, 'Căn cứ, ghi chú (note) tối đa 500 ký tự').optional(),
  })
  .superRefine((v, ctx) => {
    const issues = scheduleIssues({
      periods: v.periods.map(toMinutes),
      saturdayReception: v.saturdayReception.map(toMinutes),
      cutoff: parseClock(v.cutoff) ?? 0,
    });
    for (const i of issues) {
      const path = i.field.replace(/\[(\d+)\]/g, '.$1').split('.');
      ctx.addIssue({
        code: 'custom',
        message: i.message,
        path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      });
    }
  });
export type SaveWorkHours = z.infer<typeof SaveWorkHours>;

const Period = z.object({ start: z.string(), end: z.string() });

export const WorkHoursView = z.object({
  /** The agency asked about; null for the national default. */
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Where the settings in force come from: the agency itself, an ancestor, or the national default (null). */
  source: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** True when the agency (or, for the national default, the default row) has its own settings. */
  own: z.boolean(),
  periods: z.array(Period),
  saturdayReception: z.array(Period),
  cutoff: z.string(),
  /** Working minutes of a working day (480 for 07:30–11:30 and 13:00–17:00). */
  dayMinutes: z.number().int(),
  note: z.string(),
  updatedAt: z.string().nullable(),
});
export type WorkHoursView = z.infer<typeof WorkHoursView>;

export const WorkHoursQuery = z.object({
  agencyId: z.uuid('Mã cơ quan (agencyId) không hợp lệ').optional(),
});

/** An instant in ISO 8601 (offset optional: Vietnam's time when absent). */
export const Instant = (label: string) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .refine(
      (s) => parseInstant(s) !== undefined,
      `${label} phải là thời điểm có thật dạng ISO 8601 trong khoảng 2000–2100, ví dụ 2025-08-29T16:20:00+07:00`,
    )
    .transform((s) => parseInstant(s) ?? new Date(Number.NaN));

export const DeadlineInput = z.object({
  value: z
    .number({ error: 'Thời hạn (deadline.value) phải là số' })
    .min(0, 'Thời hạn (deadline.value) không được âm')
    .max(10_000, 'Thời hạn (deadline.value) quá lớn'),
  unit: z.enum(DEADLINE_UNITS, {
    error:
      'Đơn vị thời hạn (deadline.unit) phải là working_hours (giờ làm việc), working_days (ngày làm việc), calendar_days (ngày) hoặc months (tháng)',
  }),
});

const PauseInput = z.object({
  from: Instant('Bắt đầu tạm dừng (pauses[].from)'),
  to: Instant('Kết thúc tạm dừng (pauses[].to)'),
  reason: z
    .enum(PAUSE_REASONS, {
      error:
        'Lý do tạm dừng (pauses[].reason) phải là supplement (bổ sung hồ sơ), fees (nghĩa vụ tài chính) hoặc other',
    })
    .optional(),
});

const Pauses = z.array(PauseInput).max(100, 'Tối đa 100 lần tạm dừng (pauses)').optional();
const AgencyId = z.uuid('Mã cơ quan (agencyId) không hợp lệ').nullable().optional();

export const AppointmentRequest = z.object({
  agencyId: AgencyId,
  /** Absent: now. */
  receivedAt: Instant('Thời điểm tiếp nhận (receivedAt)').optional(),
  deadline: DeadlineInput,
  pauses: Pauses,
  extensionMinutes: z
    .number({ error: 'Thời gian gia hạn (extensionMinutes) phải là số phút' })
    .min(0, 'Thời gian gia hạn (extensionMinutes) không được âm')
    .max(1_000_000, 'Thời gian gia hạn (extensionMinutes) quá lớn')
    .optional(),
});

export const StepDueRequest = z.object({
  agencyId: AgencyId,
  startAt: Instant('Thời điểm bắt đầu bước (startAt)'),
  budgetMinutes: z
    .number({ error: 'Thời hạn của bước (budgetMinutes) phải là số phút' })
    .int('Thời hạn của bước (budgetMinutes) phải là số phút nguyên')
    .min(0, 'Thời hạn của bước (budgetMinutes) không được âm')
    .max(10_000_000, 'Thời hạn của bước (budgetMinutes) quá lớn'),
  pauses: Pauses,
});

export const AppointmentView = z.object({
  receivedAt: z.string(),
  startsAt: z.string(),
  appointmentAt: z.string(),
  deadline: z.object({ value: z.number(), unit: z.enum(DEADLINE_UNITS) }),
  explanation: z.array(z.string()),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const StepDueView = z.object({ dueAt: z.string(), explanation: z.array(z.string()) });

export const PublicAppointmentQuery = z.object({
  agency: z
    .uuid('Cơ quan (agency) phải là mã định danh (uuid) của cơ quan thực hiện')
    .optional()
    .describe(
      'Cơ quan thực hiện thủ tục (mặc định: cơ quan đầu tiên) / Implementing agency (default: the first)',
    ),
  receivedAt: Instant('Thời điểm nộp (receivedAt)')
    .optional()
    .describe(
      'ISO 8601, ví dụ 2025-08-29T16:20:00+07:00; không ghi múi giờ thì là giờ Việt Nam; mặc định: bây giờ / Default: now',
    ),
  channel: z
    .enum(CHANNELS, {
      error:
        'Cách thức nộp (channel) phải là counter (trực tiếp), online (trực tuyến) hoặc postal (bưu chính)',
    })
    .optional()
    .describe(
      'Mặc định: online nếu có thời hạn bằng số, rồi counter, postal / Default: online, then counter, postal',
    ),
});
export type PublicAppointmentQuery = z.infer<typeof PublicAppointmentQuery>;

export const PublicAppointmentView = AppointmentView.extend({
  procedure: z.object({ code: z.string(), name: z.string() }),
  /** The implementing agency whose calendar was used; null: the national calendar. */
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  channel: z.enum(CHANNELS),
});
export type PublicAppointmentView = z.infer<typeof PublicAppointmentView>;
