import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CalendarDay } from './calendar.ts';
import {
  appointment,
  clockStart,
  DEFAULT_SCHEDULE,
  lateness,
  legalCalendar,
  LegalTimeError,
  parseClock,
  scheduleIssues,
  stepDue,
  workingMinutesBetween,
} from './legal-time.ts';
import type { LegalDeadline, WorkSchedule } from './legal-time.ts';

/**
 * Hand-checked dates of the legal-time engine on the real national calendar 2025–2026 (the seed's
 * src/seed/data/lich-nghi-le.json): Tết, 30/4–1/5, 2/9, the 15:00 cut-off, make-up Saturdays.
 */
const NATIONAL: CalendarDay[] = (
  JSON.parse(readFileSync(new URL('../seed/data/lich-nghi-le.json', import.meta.url), 'utf8')) as {
    days: [string, CalendarDay['kind'], string][];
  }
).days.map(([day, kind, name]) => ({ day, kind, name }));

const cal = legalCalendar(DEFAULT_SCHEDULE, NATIONAL);
/** A local time in Vietnam: vn('2025-08-29 16:20'). */
const vn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const iso = (d: Date) => d.toISOString();
const due = (received: string, deadline: LegalDeadline, c = cal) =>
  appointment({ receivedAt: vn(received), deadline }, c);
const days = (value: number): LegalDeadline => ({ value, unit: 'working_days' });

describe('the 15:00 cut-off and the start of the clock', () => {
  it('explains a Friday-afternoon receipt before the National Day break (2025)', () => {
    const a = due('2025-08-29 16:20', days(3));
    assert.equal(iso(a.startsAt), iso(vn('2025-09-03 07:30')));
    assert.equal(iso(a.dueAt), iso(vn('2025-09-05 17:00')));
    assert.deepEqual(a.explanation, [
      'Tiếp nhận lúc 16:20 thứ Sáu 29/08/2025, sau giờ chốt 15:00: bắt đầu tính từ 07:30 thứ Tư 03/09/2025, ngày làm việc đầu tiên sau kỳ nghỉ Quốc khánh 2/9 (30/08–02/09)',
      'Thời hạn 3 ngày làm việc (mỗi ngày 8 giờ làm việc: 07:30–11:30 và 13:00–17:00) = 24 giờ làm việc, tính từ 07:30 thứ Tư 03/09/2025: hết hạn lúc 17:00 thứ Sáu 05/09/2025',
      'Ngày hẹn trả: 17:00 thứ Sáu 05/09/2025',
    ]);
  });

  it('counts from the receipt before 15:00, from the next working day at 15:00 and after', () => {
    assert.equal(clockStart(vn('2025-09-04 14:59'), cal).reason, 'immediate');
    // 14:59 Thursday + 3 working days: the same clock time on the 4th working day (Tuesday).
    assert.equal(iso(due('2025-09-04 14:59', days(3)).dueAt), iso(vn('2025-09-09 14:59')));
    const at3 = clockStart(vn('2025-09-04 15:00'), cal);
    assert.deepEqual([at3.reason, iso(at3.startsAt)], ['after_cutoff', iso(vn('2025-09-05 07:30'))]);
    assert.equal(iso(due('2025-09-04 15:00', days(3)).dueAt), iso(vn('2025-09-09 17:00')));
    assert.match(
      due('2025-09-04 15:00', days(1)).explanation[0]!,
      /đúng giờ chốt 15:00: .*đầu ngày làm việc tiếp theo/,
    );
    // Friday after the cut-off: Monday, after the weekend.
    assert.match(
      due('2025-09-05 15:30', days(1)).explanation[0]!,
      /bắt đầu tính từ 07:30 thứ Hai 08\/09\/2025, ngày làm việc đầu tiên sau ngày nghỉ cuối tuần$/,
    );
  });

  it('waits for opening time and for the end of the midday break', () => {
    const early = clockStart(vn('2025-09-04 06:45'), cal);
    assert.deepEqual([early.reason, iso(early.startsAt)], ['before_hours', iso(vn('2025-09-04 07:30'))]);
    const lunch = clockStart(vn('2025-09-04 12:10'), cal);
    assert.deepEqual([lunch.reason, iso(lunch.startsAt)], ['midday_break', iso(vn('2025-09-04 13:00'))]);
    assert.equal(
      iso(due('2025-09-04 12:10', { value: 4, unit: 'working_hours' }).dueAt),
      iso(vn('2025-09-04 17:00')),
    );
    const night = clockStart(vn('2025-09-04 21:00'), cal);
    assert.equal(night.reason, 'after_hours');
    assert.equal(iso(night.startsAt), iso(vn('2025-09-05 07:30')));
  });

  it('receives on Saturday mornings where an agency does, counting from Monday', () => {
    const saturday: WorkSchedule = { ...DEFAULT_SCHEDULE, saturdayReception: [{ start: 450, end: 690 }] };
    const withSaturday = legalCalendar(saturday, NATIONAL);
    const a = due('2025-09-06 09:00', days(1), withSaturday);
    assert.equal(iso(a.startsAt), iso(vn('2025-09-08 07:30')));
    assert.match(a.explanation[0]!, /buổi tiếp nhận sáng thứ Bảy \(không phải ngày làm việc\)/);
    assert.equal(clockStart(vn('2025-09-06 09:00'), cal).reason, 'non_working');
  });

  it('applies an agency cut-off and working hours', () => {
    const summer: WorkSchedule = {
      periods: [
        { start: 420, end: 690 },
        { start: 810, end: 1020 },
      ],
      saturdayReception: [],
      cutoff: 960,
    };
    const c = legalCalendar(summer, NATIONAL);
    assert.equal(clockStart(vn('2025-09-04 15:30'), c).reason, 'immediate');
    // 1 working day = 8 hours: 1.5 hours on Thursday, 4.5 in Friday's morning, 2 from 13:30.
    assert.equal(iso(due('2025-09-04 15:30', days(1), c).dueAt), iso(vn('2025-09-05 15:30')));
    assert.equal(clockStart(vn('2025-09-04 16:00'), c).reason, 'after_cutoff');
  });
});

describe('holidays and make-up days', () => {
  it('skips Tết Bính Ngọ 2026 (14/02–22/02)', () => {
    // Friday 13/02 10:00: 5.5 hours that day, then Monday 23/02 to Thursday 26/02, 2.5 hours on Friday.
    const a = due('2026-02-13 10:00', days(5));
    assert.equal(iso(a.dueAt), iso(vn('2026-02-27 10:00')));
    assert.ok(
      a.explanation.includes('Không tính kỳ nghỉ Tết Âm lịch Bính Ngọ (14/02–22/02)'),
      a.explanation.join('\n'),
    );
    const late = due('2026-02-13 15:30', days(2));
    assert.equal(iso(late.startsAt), iso(vn('2026-02-23 07:30')));
    assert.match(
      late.explanation[0]!,
      /ngày làm việc đầu tiên sau kỳ nghỉ Tết Âm lịch Bính Ngọ \(14\/02–22\/02\)$/,
    );
    assert.equal(iso(late.dueAt), iso(vn('2026-02-24 17:00')));
    assert.equal(iso(due('2026-02-12 16:00', days(2)).dueAt), iso(vn('2026-02-23 17:00')));
  });

  it('skips 30/4–1/5 and counts the make-up Saturday of 2025', () => {
    const a = due('2025-04-29 15:30', days(1));
    assert.equal(iso(a.startsAt), iso(vn('2025-05-05 07:30')));
    assert.match(
      a.explanation[0]!,
      /sau kỳ nghỉ Ngày Chiến thắng 30\/4 và Quốc tế Lao động 1\/5 \(30\/04–04\/05\)$/,
    );
    // Friday 25/04 10:00 + 2 days: 5.5 hours Friday, Saturday 26/04 (worked), 2.5 hours Monday.
    const b = due('2025-04-25 10:00', days(2));
    assert.equal(iso(b.dueAt), iso(vn('2025-04-28 10:00')));
    assert.ok(b.explanation.includes('Có tính ngày làm bù: thứ Bảy 26/04/2025'), b.explanation.join('\n'));
    assert.equal(iso(due('2026-04-29 16:00', days(1)).startsAt), iso(vn('2026-05-04 07:30')));
  });

  it('skips the National Day break of 2026 and works the make-up Saturday 22/08', () => {
    assert.equal(iso(due('2026-08-28 15:10', days(1)).startsAt), iso(vn('2026-09-03 07:30')));
    const saturday = due('2026-08-22 09:00', { value: 4, unit: 'working_hours' });
    assert.equal(saturday.startsAt.getTime(), vn('2026-08-22 09:00').getTime());
    assert.equal(iso(saturday.dueAt), iso(vn('2026-08-22 14:30')));
    // From Friday 21/08 14:00, 2 days: 3 hours Friday, Saturday, 5 hours Monday 24/08.
    assert.equal(iso(due('2026-08-21 14:00', days(2)).dueAt), iso(vn('2026-08-24 14:00')));
  });

  it('lets an agency override the national calendar', () => {
    const local = legalCalendar(DEFAULT_SCHEDULE, [
      ...NATIONAL,
      { day: '2025-09-03', kind: 'day_off', name: 'Lễ hội địa phương', agencyId: 'xa', level: 1 },
    ]);
    const a = due('2025-08-29 16:20', days(3), local);
    assert.equal(iso(a.dueAt), iso(vn('2025-09-08 17:00')));
    assert.match(a.explanation[0]!, /sau kỳ nghỉ Quốc khánh 2\/9 và Lễ hội địa phương \(30\/08–03\/09\)$/);
  });
});

describe('calendar days and months', () => {
  it('does not count the first day and moves an end on a day off to the next working day', () => {
    // Thursday 28/08/2025 + 5 days = Tuesday 02/09, a holiday: the end of Wednesday 03/09.
    const a = due('2025-08-28 10:00', { value: 5, unit: 'calendar_days' });
    assert.equal(iso(a.dueAt), iso(vn('2025-09-03 17:00')));
    assert.match(
      a.explanation[2]!,
      /Ngày đó là ngày nghỉ Quốc khánh 2\/9 nên thời hạn kết thúc vào cuối ngày làm việc tiếp theo/,
    );
    // Thursday 12/02/2026 + 10 days = Sunday 22/02, the last day of Tết: Monday 23/02.
    assert.equal(
      iso(due('2026-02-12 14:00', { value: 10, unit: 'calendar_days' }).dueAt),
      iso(vn('2026-02-23 17:00')),
    );
    assert.equal(
      iso(due('2025-09-03 07:30', { value: 2, unit: 'calendar_days' }).dueAt),
      iso(vn('2025-09-05 17:00')),
    );
  });

  it('ends months on the corresponding day, or the last day of a shorter month', () => {
    assert.equal(
      iso(due('2025-10-15 09:00', { value: 1, unit: 'months' }).dueAt),
      iso(vn('2025-11-17 17:00')),
    );
    const jan = due('2026-01-30 10:00', { value: 1, unit: 'months' });
    assert.equal(iso(jan.dueAt), iso(vn('2026-03-02 17:00')));
    assert.match(
      jan.explanation[1]!,
      /thứ Bảy 28\/02\/2026 \(tháng 02\/2026 không có ngày 30 nên là ngày cuối tháng\)/,
    );
  });

  it('refuses fractions of days and months, and negative numbers', () => {
    assert.throws(() => due('2025-09-04 09:00', { value: 1.5, unit: 'calendar_days' }), LegalTimeError);
    assert.throws(
      () => due('2025-09-04 09:00', { value: -1, unit: 'working_days' }),
      (e: LegalTimeError) => e.field === 'deadline.value',
    );
    assert.throws(() => due('2025-09-04 09:00', { value: 1e9, unit: 'working_days' }), /quá dài/);
    assert.equal(
      iso(due('2025-09-04 09:00', { value: 0.5, unit: 'working_days' }).dueAt),
      iso(vn('2025-09-04 14:30')),
    );
  });
});

describe('pauses, extensions, steps and lateness', () => {
  it('adds the paused working time and the extension, and says so', () => {
    const a = appointment(
      {
        receivedAt: vn('2026-01-07 10:00'),
        deadline: days(5),
        pauses: [{ from: vn('2026-01-08 09:00'), to: vn('2026-01-09 10:00'), reason: 'supplement' }],
        extensionMinutes: 960,
      },
      cal,
    );
    // 40 + 9 paused + 16 extended hours from Wednesday 10:00, Saturday 10/01 worked.
    assert.equal(iso(a.dueAt), iso(vn('2026-01-16 11:00')));
    assert.ok(
      a.explanation.includes(
        'Tạm dừng từ 09:00 thứ Năm 08/01/2026 đến 10:00 thứ Sáu 09/01/2026 (chờ bổ sung, hoàn thiện hồ sơ): không tính 9 giờ làm việc',
      ),
    );
    assert.ok(a.explanation.includes('Gia hạn thêm 2 ngày làm việc (16 giờ)'));
    assert.ok(a.explanation.includes('Có tính ngày làm bù: thứ Bảy 10/01/2026'));
  });

  it('gives a step its budget in working minutes, without a cut-off', () => {
    const s = stepDue({ startAt: vn('2025-08-29 16:20'), budgetMinutes: 240 }, cal);
    assert.equal(iso(s.dueAt), iso(vn('2025-09-03 10:50')));
    assert.deepEqual(s.explanation, [
      'Bước bắt đầu lúc 16:20 thứ Sáu 29/08/2025',
      'Thời hạn của bước: 4 giờ làm việc',
      'Không tính kỳ nghỉ Quốc khánh 2/9 (30/08–02/09)',
      'Hạn xử lý của bước: 10:50 thứ Tư 03/09/2025',
    ]);
    const sunday = stepDue({ startAt: vn('2025-08-31 09:00'), budgetMinutes: 30 }, cal);
    assert.match(sunday.explanation[0]!, /ngoài giờ làm việc: bắt đầu tính từ 07:30 thứ Tư 03\/09\/2025$/);
    assert.equal(iso(sunday.dueAt), iso(vn('2025-09-03 08:00')));
    const zero = stepDue({ startAt: vn('2025-08-31 09:00'), budgetMinutes: 0 }, cal);
    assert.equal(iso(zero.dueAt), iso(vn('2025-08-31 09:00')));
  });

  it('measures working time and lateness ("Quá hạn 3 ngày")', () => {
    assert.equal(workingMinutesBetween(vn('2025-08-29 16:00'), vn('2025-09-03 08:00'), cal), 90);
    const l = lateness(vn('2025-09-05 17:00'), vn('2025-09-10 09:00'), cal);
    assert.deepEqual(l, { minutes: 1050, days: 3, text: 'Quá hạn 3 ngày' });
    assert.deepEqual(lateness(vn('2025-09-05 17:00'), vn('2025-09-06 09:00'), cal), {
      minutes: 0,
      days: 0,
      text: null,
    });
    assert.equal(lateness(vn('2025-09-05 17:00'), vn('2025-09-09 17:00'), cal).text, 'Quá hạn 2 ngày');
  });
});

describe('working hours', () => {
  it('reads clock times and names what is wrong with a schedule', () => {
    assert.deepEqual(['07:30', '7:30', '7h30', '24:00', '24:01', '12:60', 'x'].map(parseClock), [
      450,
      450,
      450,
      1440,
      undefined,
      undefined,
      undefined,
    ]);
    assert.deepEqual(scheduleIssues(DEFAULT_SCHEDULE), []);
    const bad = scheduleIssues({
      periods: [
        { start: 780, end: 1020 },
        { start: 450, end: 690 },
      ],
      saturdayReception: [{ start: 700, end: 600 }],
      cutoff: 1100,
    });
    assert.deepEqual(
      bad.map((i) => i.field),
      ['periods[1]', 'saturdayReception[0]', 'cutoff'],
    );
    assert.match(bad[2]!.message, /Giờ chốt tiếp nhận \(cutoff\)/);
    assert.deepEqual(
      scheduleIssues({ periods: [], saturdayReception: [], cutoff: 900 }).map((i) => i.field),
      ['periods'],
    );
  });
});
