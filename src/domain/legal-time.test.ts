import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from './calendar.ts';
import type { CalendarDay } from './calendar.ts';
import {
  addWorkingMinutes,
  appointment,
  clockStart,
  DEFAULT_SCHEDULE,
  isCountingInstant,
  isDueInstant,
  legalCalendar,
  stepDue,
  workingMinutesBetween,
} from './legal-time.ts';
import type { LegalCalendar, LegalDeadline, WorkSchedule } from './legal-time.ts';
import { isWorking, localDay, minuteOfDay } from './legal-time-clock.ts';

/**
 * Properties of the legal-time engine over random instants, durations, pauses, schedules and agency
 * overrides on the real 2025–2027 national calendar; hand-checked dates are in legal-time-cases.test.ts.
 */

/** The national calendar the demonstration seeds (src/seed/data/lich-nghi-le.json). */
function nationalDays(): CalendarDay[] {
  const file = JSON.parse(
    readFileSync(new URL('../seed/data/lich-nghi-le.json', import.meta.url), 'utf8'),
  ) as { days: [string, CalendarDay['kind'], string][] };
  return file.days.map(([day, kind, name]) => ({ day, kind, name }));
}

const NATIONAL = nationalDays();

const SCHEDULES: WorkSchedule[] = [
  DEFAULT_SCHEDULE,
  // Saturday-morning reception and a later cut-off.
  { ...DEFAULT_SCHEDULE, saturdayReception: [{ start: 450, end: 690 }], cutoff: 960 },
  // Summer hours of some northern provinces, cut-off at the end of the day.
  {
    periods: [
      { start: 420, end: 690 },
      { start: 810, end: 1020 },
    ],
    saturdayReception: [],
    cutoff: 1020,
  },
  // One long period.
  { periods: [{ start: 480, end: 960 }], saturdayReception: [], cutoff: 900 },
];

const FROM = Date.parse('2024-12-20T00:00:00+07:00');
const TO = Date.parse('2027-12-31T00:00:00+07:00');
const BOUNDARIES = [0, 420, 449, 450, 451, 690, 691, 780, 810, 899, 900, 960, 1019, 1020, 1021, 1439];

/** Any instant, or one on a boundary minute (period starts and ends, cut-offs), to hit the edges. */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: 0, max: Math.floor((TO - FROM) / 86_400_000) }), fc.constantFrom(...BOUNDARIES))
    .map(([d, m]) => FROM + d * 86_400_000 + m * 60_000),
);

/** Agency overrides on top of the national calendar: local days off and make-up weekends. */
const overrides = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 1100 }), fc.constantFrom('holiday', 'day_off', 'makeup_workday')),
  { maxLength: 8 },
);

const calendar = fc
  .tuple(fc.constantFrom(...SCHEDULES), overrides)
  .map(([schedule, extra]): LegalCalendar => {
    const local = extra.map(([offset, kind]): CalendarDay => ({
      day: localDay(FROM + offset * 86_400_000),
      kind,
      name: 'Ngày riêng của cơ quan',
      agencyId: 'agency',
    }));
    return legalCalendar(schedule, [...NATIONAL, ...local]);
  });

const minutes = fc.oneof(
  fc.integer({ min: 0, max: 480 * 30 }),
  fc.integer({ min: 1, max: 960 }),
  fc.double({ min: 0, max: 4000, noNaN: true }),
);

const at = (ms: number) => new Date(ms);

describe('working time (properties)', () => {
  it('is never due before the start, and zero minutes are due at the start', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const due = stepDue({ startAt: at(start), budgetMinutes: m }, cal).dueAt.getTime();
        assert.ok(due >= start);
        if (m === 0) assert.equal(due, start);
      }),
    );
  });

  it('grows with the duration', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const d1 = addWorkingMinutes(at(start), lo, cal).getTime();
        const d2 = addWorkingMinutes(at(start), hi, cal).getTime();
        assert.ok(d1 <= d2, `${new Date(d1).toISOString()} > ${new Date(d2).toISOString()}`);
      }),
    );
  });

  it('falls in working time, (start, end] of a period of a working day, for a positive duration', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        fc.pre(Math.round(m * 60_000) > 0);
        const due = addWorkingMinutes(at(start), m, cal).getTime();
        assert.ok(isDueInstant(due, cal), new Date(due).toISOString());
      }),
    );
  });

  it('counts back exactly the working time it added', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const due = addWorkingMinutes(at(start), m, cal);
        assert.ok(Math.abs(workingMinutesBetween(at(start), due, cal) - m) < 1e-3);
      }),
    );
  });

  it('moves the due time by exactly the working time of a pause before it', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 480 * 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cal, start, m, a, b) => {
          const due0 = addWorkingMinutes(at(start), m, cal).getTime();
          const from = Math.round(start + a * (due0 - start));
          const to = Math.round(from + b * (due0 - from));
          const pauses = [{ from: at(from), to: at(to), reason: 'supplement' as const }];
          const paused = workingMinutesBetween(at(from), at(to), cal);
          const due1 = stepDue({ startAt: at(start), budgetMinutes: m, pauses }, cal).dueAt.getTime();
          assert.equal(due1, addWorkingMinutes(at(due0), paused, cal).getTime());
        },
      ),
    );
  });

  it('never counts paused time, wherever the pauses lie', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 480 * 20 }),
        fc.array(
          fc.tuple(fc.integer({ min: -5 * 86_400_000, max: 40 * 86_400_000 }), fc.nat(6 * 86_400_000)),
          {
            maxLength: 4,
          },
        ),
        (cal, start, m, raw) => {
          const pauses = raw.map(([offset, len]) => ({
            from: at(start + offset),
            to: at(start + offset + len),
          }));
          const due = addWorkingMinutes(at(start), m, cal, pauses);
          assert.ok(Math.abs(workingMinutesBetween(at(start), due, cal, pauses) - m) < 1e-3);
          assert.ok(due.getTime() >= addWorkingMinutes(at(start), m, cal).getTime());
        },
      ),
    );
  });
});

describe('appointments (properties)', () => {
  const workingDeadline = fc.record({
    value: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0.5, 1.5)),
    unit: fc.constantFrom('working_hours' as const, 'working_days' as const),
  });
  const calendarDeadline = fc.record({
    value: fc.integer({ min: 0, max: 40 }),
    unit: fc.constantFrom('calendar_days' as const, 'months' as const),
  });
  const deadline: fc.Arbitrary<LegalDeadline> = fc.oneof(workingDeadline, calendarDeadline);

  it('starts the clock in working time, at once only when received in working time before the cut-off', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, received) => {
        const { startsAt, reason } = clockStart(at(received), cal);
        const s = startsAt.getTime();
        assert.ok(s >= received);
        assert.ok(isCountingInstant(s, cal));
        const m = minuteOfDay(received);
        const inTime = isCountingInstant(received, cal) && m < cal.schedule.cutoff;
        assert.equal(s === received, inTime, reason);
        if (!inTime && reason !== 'before_hours' && reason !== 'midday_break')
          assert.ok(localDay(s) > localDay(received));
      }),
    );
  });

  it('is never before the clock start, grows with the deadline, and ends in working time', () => {
    fc.assert(
      fc.property(calendar, instant, deadline, fc.nat(3), (cal, received, d, more) => {
        const a = appointment({ receivedAt: at(received), deadline: d }, cal);
        const b = appointment({ receivedAt: at(received), deadline: { ...d, value: d.value + more } }, cal);
        assert.ok(a.dueAt >= a.startsAt && a.startsAt.getTime() >= received);
        assert.ok(b.dueAt >= a.dueAt);
        if (d.value > 0) assert.ok(isDueInstant(a.dueAt.getTime(), cal));
        else assert.equal(a.dueAt.getTime(), a.startsAt.getTime());
        assert.match(a.explanation.at(-1) ?? '', /^Ngày hẹn trả: \d\d:\d\d /);
      }),
    );
  });

  it('ends N working days started at the opening at the end of the Nth working day', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 40 }), (cal, received, n) => {
        const { startsAt } = clockStart(at(received), cal);
        fc.pre(minuteOfDay(startsAt.getTime()) === cal.schedule.periods[0]!.start);
        const a = appointment(
          { receivedAt: at(received), deadline: { value: n, unit: 'working_days' } },
          cal,
        );
        assert.equal(minuteOfDay(a.dueAt.getTime()), cal.schedule.periods.at(-1)!.end);
      }),
    );
  });

  it('ends calendar periods at the end of a working day, on or after the last day of the period', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 40 }), (cal, received, n) => {
        const a = appointment(
          { receivedAt: at(received), deadline: { value: n, unit: 'calendar_days' } },
          cal,
        );
        const last = localDay(a.startsAt.getTime() + n * 86_400_000);
        const dueDay = localDay(a.dueAt.getTime());
        assert.equal(minuteOfDay(a.dueAt.getTime()), cal.schedule.periods.at(-1)!.end);
        assert.ok(dueDay >= last);
        // Every day between the last day and the due day is a non-working day.
        for (let d = last; d < dueDay; d = addDays(d, 1)) assert.ok(!isWorking(d, cal), d);
      }),
    );
  });

  it('adds an extension as working time after the rest, and a pause by its working time', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        deadline,
        fc.integer({ min: 0, max: 480 * 5 }),
        (cal, received, d, ext) => {
          const plain = appointment({ receivedAt: at(received), deadline: d }, cal);
          const extended = appointment({ receivedAt: at(received), deadline: d, extensionMinutes: ext }, cal);
          assert.equal(extended.dueAt.getTime(), addWorkingMinutes(plain.dueAt, ext, cal).getTime());
          const s = plain.startsAt.getTime();
          const pause = {
            from: at(s + (plain.dueAt.getTime() - s) / 3),
            to: at(s + (plain.dueAt.getTime() - s) / 2),
          };
          const paused = appointment({ receivedAt: at(received), deadline: d, pauses: [pause] }, cal);
          const lost = workingMinutesBetween(pause.from, pause.to, cal);
          assert.equal(paused.dueAt.getTime(), addWorkingMinutes(plain.dueAt, lost, cal).getTime());
        },
      ),
    );
  });
});
