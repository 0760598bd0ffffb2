import { z } from 'zod';
import { CALENDAR_DAY_KINDS, toIsoDay } from '../../domain/calendar.ts';

/** Contracts of the working calendar: holidays, days off and make-up working days, national or per agency. */

const IsoDay = z
  .string({ error: 'Ngày (day) là bắt buộc' })
  .trim()
  .refine((s) => {
    try {
      toIsoDay(s);
      return true;
    } catch {
      return false;
    }
  }, 'Ngày (day) phải là ngày có thật, dạng YYYY-MM-DD, ví dụ 2025-09-02')
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', 'Ngày (day) phải trong khoảng năm 2000 đến 2100');

export const CalendarQuery = z.object({
  year: z.coerce
    .number({ error: 'Năm (year) phải là số' })
    .int('Năm (year) phải là số nguyên')
    .min(2000, 'Năm (year) phải từ 2000 đến 2100')
    .max(2100, 'Năm (year) phải từ 2000 đến 2100')
    .optional(),
  agencyId: z.uuid('Mã cơ quan (agencyId) không hợp lệ').optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CreateCalendarDay = z.object({
  day: IsoDay,
  kind: z.enum(CALENDAR_DAY_KINDS, {
    error:
      'Loại ngày (kind) phải là holiday (nghỉ lễ), day_off (nghỉ bù, hoán đổi) hoặc makeup_workday (làm bù)',
  }),
  name: z
    .string({ error: 'Tên ngày (name) là bắt buộc' })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(2, 'Tên ngày (name) phải có ít nhất 2 ký tự')
        .max(200, 'Tên ngày (name) tối đa 200 ký tự'),
    ),
  note: z.string().trim().max(500, 'Căn cứ, ghi chú (note) tối đa 500 ký tự').optional(),
  provisional: z.boolean({ error: 'Tạm tính (provisional) phải là true hoặc false' }).optional(),
  /** Absent or null: a national day. */
  agencyId: z.uuid('Mã cơ quan (agencyId) không hợp lệ').nullable().optional(),
});
export type CreateCalendarDay = z.infer<typeof CreateCalendarDay>;

export const CalendarDayView = z.object({
  id: z.uuid(),
  day: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  note: z.string(),
  provisional: z.boolean(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarYear = z.object({
  year: z.number(),
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** National entries, then the overrides of the agency and of its ancestors. */
  days: z.array(CalendarDayView),
  summary: z.object({
    /** Working days in the year once overrides are applied. */
    workingDays: z.number(),
    holidays: z.number(),
    daysOff: z.number(),
    makeupWorkdays: z.number(),
    /** Some entries are computed from the Labour Code and await the official announcement. */
    provisional: z.boolean(),
  }),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
