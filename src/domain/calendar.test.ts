import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  countWorkingDays,
  dayOfWeek,
  indexCalendar,
  isWeekend,
  isWorkingDay,
  toIsoDay,
} from './calendar.ts';
import type { CalendarDay } from './calendar.ts';

// The 2025 schedule for civil servants (Văn bản 8726/VPCP-KGVX): the entries that fall on weekdays or
// move work to a Saturday.
const Y2025: CalendarDay[] = [
  { day: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  ...['27', '28', '29', '30', '31'].map((d): CalendarDay => ({
    day: `2025-01-${d}`,
    kind: 'holiday',
    name: 'Tết Âm lịch',
  })),
  { day: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
  { day: '2025-04-26', kind: 'makeup_workday', name: 'Làm bù' },
  { day: '2025-04-30', kind: 'holiday', name: '30/4' },
  { day: '2025-05-01', kind: 'holiday', name: '1/5' },
  { day: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
  { day: '2025-09-01', kind: 'holiday', name: 'Quốc khánh' },
  { day: '2025-09-02', kind: 'holiday', name: 'Quốc khánh' },
];

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests at weekends when nothing is listed', () => {
    assert.equal(isWorkingDay('2025-03-10', []), true); // Monday
    assert.equal(isWorkingDay('2025-03-14', []), true); // Friday
    assert.equal(isWorkingDay('2025-03-15', []), false); // Saturday
    assert.equal(isWorkingDay('2025-03-16', []), false); // Sunday
  });

  it('rests on holidays and days off, works on make-up Saturdays', () => {
    assert.equal(isWorkingDay('2025-01-29', Y2025), false); // Mùng 1 Tết, Wednesday
    assert.equal(isWorkingDay('2025-05-02', Y2025), false); // swapped Friday
    assert.equal(isWorkingDay('2025-04-26', Y2025), true); // Saturday worked instead
    assert.equal(isWorkingDay('2025-04-25', Y2025), true);
    assert.equal(isWorkingDay('2025-04-27', Y2025), false); // ordinary Sunday
  });

  it('keeps a holiday that falls on a weekend non-working', () => {
    assert.equal(isWorkingDay('2026-04-26', [{ day: '2026-04-26', kind: 'holiday' }]), false); // Sunday
  });

  it('lets an agency override the national calendar, the most specific entry winning', () => {
    const days: CalendarDay[] = [
      { day: '2025-04-30', kind: 'holiday' },
      { day: '2025-06-16', kind: 'day_off', agencyId: 'commune' }, // a local day off
      { day: '2025-04-30', kind: 'makeup_workday', agencyId: 'province', level: 1 },
      { day: '2025-04-30', kind: 'holiday', agencyId: 'commune', level: 2 },
    ];
    assert.equal(isWorkingDay('2025-06-16', days), false);
    assert.equal(isWorkingDay('2025-04-30', days), false);
    assert.equal(isWorkingDay('2025-04-30', days.slice(0, 3)), true);
    // Order does not matter: precedence does.
    assert.equal(isWorkingDay('2025-04-30', [...days].reverse()), false);
  });

  it('reads an instant as a date in Vietnam', () => {
    // 18:00 UTC on Sunday 26/01 is 01:00 on Monday 27/01 in Hà Nội: a Tết holiday.
    assert.equal(toIsoDay(new Date('2025-01-26T18:00:00Z')), '2025-01-27');
    assert.equal(isWorkingDay(new Date('2025-01-26T18:00:00Z'), Y2025), false);
    // 16:00 UTC on Friday 14/03 is already Saturday in Vietnam.
    assert.equal(isWorkingDay(new Date('2025-03-14T16:59:59Z'), []), true);
    assert.equal(isWorkingDay(new Date('2025-03-14T17:00:00Z'), []), false);
  });

  it('accepts a prebuilt index and rejects invalid dates', () => {
    const index = indexCalendar(Y2025);
    assert.equal(isWorkingDay('2025-09-02', index), false);
    assert.throws(() => isWorkingDay('2025-02-30', []), RangeError);
    assert.throws(() => isWorkingDay('30/04/2025', []), RangeError);
    assert.throws(() => isWorkingDay(new Date('x'), []), RangeError);
  });
});

describe('calendar helpers', () => {
  it('knows the weekday, adds days across months and years', () => {
    assert.equal(dayOfWeek('2025-01-01'), 3); // Wednesday
    assert.equal(isWeekend('2025-04-26'), true);
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
  });

  it('counts 250 working days for civil servants in 2025', () => {
    // 261 weekdays, minus 12 weekday holidays and days off, plus the make-up Saturday 26/4.
    assert.equal(countWorkingDays('2025-01-01', '2025-12-31', []), 261);
    assert.equal(countWorkingDays('2025-01-01', '2025-12-31', Y2025), 250);
  });
});
