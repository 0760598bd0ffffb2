import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCalendar } from '../../src/seed/calendar.ts';
import { createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam, errorFor } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The legal-time engine over HTTP: the public "if I apply now" estimate of a procedure, the
 * computations for other modules, and working hours per agency with inheritance, authorisation and
 * audit. On the seeded national calendar 2025–2027.
 */

interface Estimate {
  receivedAt: string;
  startsAt: string;
  appointmentAt: string;
  deadline: { value: number; unit: string };
  explanation: string[];
  agency: { id: string; name: string } | null;
  channel: string;
}
interface Hours {
  agency: { id: string; name: string } | null;
  source: { id: string; name: string } | null;
  own: boolean;
  periods: { start: string; end: string }[];
  saturdayReception: { start: string; end: string }[];
  cutoff: string;
  dayMinutes: number;
}

let rt: TestRuntime;
let t: CatalogTeam;
/** Published: counter 5 working days, online 3; carried out by the province, then the commune. */
let withDeadline: string;
/** Published with "Trong ngày" and no number. */
let noDeadline: string;
let citizen: TestClient;

const vn = (s: string) => new Date(`${s}:00+07:00`).toISOString();

before(async () => {
  rt = await startTestRuntime();
  await seedCalendar(rt.services, () => undefined);
  t = await catalogTeam(rt);
  const a = await t.createDraft();
  const withAgencies = await t.editor.put(`/api/admin/procedures/${a.code}/agencies`, {
    version: a.version,
    agencies: [
      { agencyId: t.commune.id, channels: ['counter'] },
      { agencyId: t.province.id, channels: ['counter', 'online'] },
    ],
  });
  assert.equal(withAgencies.statusCode, 200, withAgencies.body);
  withDeadline = (await t.publish(a.code, withAgencies.json<{ version: number }>().version)).code;
  const b = await t.createDraft({
    channels: [{ channel: 'counter', deadline: null, deadlineNote: 'Trong ngày làm việc', free: true }],
  });
  noDeadline = (await t.publish(b.code, b.version)).code;
  citizen = await t.anon();
});
after(async () => rt.stop());

async function estimate(code: string, query: string): Promise<Estimate> {
  const res = await citizen.get(`/api/public/procedures/${code}/appointment?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Estimate>();
}

async function hours(agencyId?: string): Promise<Hours> {
  const res = await citizen.get(`/api/legal-time/work-hours${agencyId ? `?agencyId=${agencyId}` : ''}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Hours>();
}

describe('public estimate of the appointment', () => {
  it('counts the online deadline on the first implementing agency’s calendar, with an explanation', async () => {
    const e = await estimate(withDeadline, `receivedAt=${encodeURIComponent('2025-08-29T16:20:00+07:00')}`);
    assert.equal(e.channel, 'online');
    assert.equal(e.agency?.id, t.province.id);
    assert.deepEqual(e.deadline, { value: 3, unit: 'working_days' });
    assert.equal(e.receivedAt, vn('2025-08-29T16:20'));
    assert.equal(e.startsAt, vn('2025-09-03T07:30'));
    assert.equal(e.appointmentAt, vn('2025-09-05T17:00'));
    assert.equal(
      e.explanation[0],
      'Tiếp nhận lúc 16:20 thứ Sáu 29/08/2025, sau giờ chốt 15:00: bắt đầu tính từ 07:30 thứ Tư 03/09/2025, ngày làm việc đầu tiên sau kỳ nghỉ Quốc khánh 2/9 (30/08–02/09)',
    );
    assert.ok(e.explanation.includes('Ngày hẹn trả: 17:00 thứ Sáu 05/09/2025'));
    assert.match(e.explanation.at(-1) ?? '', /giờ chốt tiếp nhận 15:00 \(mặc định chung\)$/);
  });

  it('takes a channel, an agency, a time without offset (Vietnam’s time) and defaults to now', async () => {
    const counter = await estimate(withDeadline, 'receivedAt=2025-08-29T16:20&channel=counter');
    assert.equal(counter.appointmentAt, vn('2025-09-09T17:00'));
    const commune = await estimate(withDeadline, `agency=${t.commune.id}&receivedAt=2026-02-13T15:30`);
    assert.equal(commune.agency?.id, t.commune.id);
    assert.equal(commune.startsAt, vn('2026-02-23T07:30'));
    const now = await estimate(withDeadline, '');
    assert.ok(Math.abs(Date.parse(now.receivedAt) - Date.now()) < 60_000);
    assert.ok(now.appointmentAt > now.receivedAt);
  });

  it('names the field of every bad input', async () => {
    const p = (q: string) => citizen.get(`/api/public/procedures/${withDeadline}/appointment?${q}`);
    const bad = assertProblem(await p('receivedAt=29/08/2025'), 400, 'validation_failed');
    assert.match(errorFor(bad, 'querystring.receivedAt').message, /\(receivedAt\).*ISO 8601/);
    assertProblem(await p('receivedAt=2025-02-30T10:00'), 400, 'validation_failed');
    errorFor(assertProblem(await p('agency=abc'), 400, 'validation_failed'), 'querystring.agency');
    const stranger = await createAgency(rt.database, { level: 'commune' });
    for (const id of [crypto.randomUUID(), stranger.id]) {
      const e = assertProblem(await p(`agency=${id}`), 400, 'validation_failed');
      assert.match(errorFor(e, 'querystring.agency').message, /không thực hiện thủ tục/);
    }
    errorFor(assertProblem(await p('channel=fax'), 400, 'validation_failed'), 'querystring.channel');
    const postal = assertProblem(await p('channel=postal'), 400, 'validation_failed');
    assert.match(errorFor(postal, 'querystring.channel').message, /không nhận hồ sơ qua bưu chính/);
    assertProblem(await citizen.get('/api/public/procedures/9.999999/appointment'), 404, 'not_found');
    const none = assertProblem(
      await citizen.get(`/api/public/procedures/${noDeadline}/appointment`),
      404,
      'deadline_unknown',
    );
    assert.match(errorFor(none, 'channels[0].deadline').message, /Trong ngày làm việc/);
  });
});

describe('computations for other modules', () => {
  it('computes an appointment with a pause and an extension, and a step due time', async () => {
    const res = await citizen.post('/api/legal-time/appointment', {
      agencyId: null,
      receivedAt: '2026-01-07T10:00:00+07:00',
      deadline: { value: 5, unit: 'working_days' },
      pauses: [{ from: '2026-01-08T09:00', to: '2026-01-09T10:00', reason: 'supplement' }],
      extensionMinutes: 960,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<Estimate>().appointmentAt, vn('2026-01-16T11:00'));
    const step = await citizen.post('/api/legal-time/step-due', {
      agencyId: t.province.id,
      startAt: '2025-08-29T16:20:00+07:00',
      budgetMinutes: 240,
    });
    assert.equal(step.statusCode, 200, step.body);
    assert.equal(step.json<{ dueAt: string }>().dueAt, vn('2025-09-03T10:50'));
    const viaService = await rt.services.legalTime.stepDue({
      agencyId: t.province.id,
      startAt: new Date('2025-08-29T16:20:00+07:00'),
      budgetMinutes: 240,
    });
    assert.ok(viaService.dueAt instanceof Date);
    assert.equal(viaService.explanation.at(-2), 'Hạn xử lý của bước: 10:50 thứ Tư 03/09/2025');
    const late = await rt.services.legalTime.lateness({
      agencyId: null,
      dueAt: new Date('2025-09-05T17:00:00+07:00'),
      at: new Date('2025-09-10T09:00:00+07:00'),
    });
    assert.equal(late.text, 'Quá hạn 3 ngày');
  });

  it('refuses deadlines the engine cannot count, naming the field', async () => {
    const frac = await citizen.post('/api/legal-time/appointment', {
      receivedAt: '2026-01-07T10:00',
      deadline: { value: 1.5, unit: 'calendar_days' },
    });
    assert.match(
      errorFor(assertProblem(frac, 400, 'validation_failed'), 'body.deadline.value').message,
      /số nguyên/,
    );
    const bad = assertProblem(
      await citizen.post('/api/legal-time/step-due', { startAt: 'hôm qua', budgetMinutes: -1 }),
      400,
      'validation_failed',
    );
    errorFor(bad, 'body.startAt');
    errorFor(bad, 'body.budgetMinutes');
    const unknown = await citizen.post('/api/legal-time/step-due', {
      agencyId: crypto.randomUUID(),
      startAt: '2026-01-07T10:00',
      budgetMinutes: 60,
    });
    assertProblem(unknown, 404, 'not_found');
  });
});

describe('working hours per agency', () => {
  it('inherits from the nearest ancestor, lets an agency set and drop its own, and audits each change', async () => {
    const provinceAdmin = (await t.signedIn(t.province.id, ['quan_tri_he_thong'])).client;
    const communeAdmin = (await t.signedIn(t.commune.id, ['quan_tri_he_thong'], false)).client;
    const national = await hours();
    assert.deepEqual([national.own, national.cutoff, national.dayMinutes], [true, '15:00', 480]);
    assert.deepEqual(national.periods, [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
    assert.deepEqual((await hours(t.commune.id)).source, null);

    const set = await provinceAdmin.put('/api/legal-time/work-hours', {
      agencyId: t.province.id,
      periods: [
        { start: '7:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      saturdayReception: [{ start: '07:30', end: '11:30' }],
      cutoff: '16:00',
      note: 'Giờ làm việc mùa hè',
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json<Hours>().own, true);
    const inherited = await hours(t.commune.id);
    assert.deepEqual(
      [inherited.own, inherited.source?.id, inherited.cutoff],
      [false, t.province.id, '16:00'],
    );
    // 15:30 is before the province's 16:00 cut-off: the clock starts at once, for the commune too.
    const e = await estimate(
      withDeadline,
      `agency=${t.commune.id}&receivedAt=2025-09-04T15:30&channel=counter`,
    );
    assert.equal(e.startsAt, vn('2025-09-04T15:30'));
    assert.match(
      e.explanation.at(-1) ?? '',
      /giờ chốt tiếp nhận 16:00; tiếp nhận hồ sơ sáng thứ Bảy 07:30–11:30/,
    );

    const own = await communeAdmin.put('/api/legal-time/work-hours', {
      agencyId: t.commune.id,
      periods: [{ start: '08:00', end: '16:00' }],
      cutoff: '14:00',
    });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual([(await hours(t.commune.id)).own, (await hours(t.commune.id)).cutoff], [true, '14:00']);
    assert.equal((await hours(t.province.id)).cutoff, '16:00');
    // The commune's own day off moves its appointments, not the province's.
    const dayOff = await communeAdmin.post('/api/calendar', {
      day: '2025-09-05',
      kind: 'day_off',
      name: 'Nghỉ lễ hội địa phương',
      agencyId: t.commune.id,
    });
    assert.equal(dayOff.statusCode, 201, dayOff.body);
    const local = await estimate(
      withDeadline,
      `agency=${t.commune.id}&receivedAt=2025-09-04T14:30&channel=counter`,
    );
    assert.equal(local.startsAt, vn('2025-09-08T08:00'));
    assert.match(local.explanation[0] ?? '', /sau kỳ nghỉ Nghỉ lễ hội địa phương \(05\/09–07\/09\)$/);

    const dropped = await communeAdmin.delete(`/api/legal-time/work-hours/${t.commune.id}`);
    assert.equal(dropped.statusCode, 200, dropped.body);
    assert.deepEqual([dropped.json<Hours>().own, dropped.json<Hours>().source?.id], [false, t.province.id]);
    assertProblem(await communeAdmin.delete(`/api/legal-time/work-hours/${t.commune.id}`), 404, 'not_found');

    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'agency_id', 'summary', 'actor_id'])
      .where('entity_type', '=', 'work_hours')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.agency_id]),
      [
        ['work_hours.update', t.province.id],
        ['work_hours.update', t.commune.id],
        ['work_hours.delete', t.commune.id],
      ],
    );
    const first = audit[0]!.summary as { after: { cutoff: string; periods: unknown[] } };
    assert.equal(first.after.cutoff, '16:00');
    assert.deepEqual(first.after.periods[0], { start: '07:00', end: '11:30' });
    assert.deepEqual((audit[2]!.summary as { before: { cutoff: string } }).before.cutoff, '14:00');
  });

  it('lets only a top-level administrator change the default, and only within one’s own agencies', async () => {
    const body = { periods: [{ start: '07:30', end: '11:30' }], cutoff: '10:00' };
    assert.equal((await citizen.put('/api/legal-time/work-hours', body)).statusCode, 401);
    const communeAdmin = (await t.signedIn(t.commune.id, ['quan_tri_he_thong'], false)).client;
    assertProblem(await communeAdmin.put('/api/legal-time/work-hours', body), 403, 'forbidden');
    assertProblem(
      await communeAdmin.put('/api/legal-time/work-hours', { ...body, agencyId: t.province.id }),
      403,
      'forbidden',
    );
    assertProblem(await communeAdmin.delete(`/api/legal-time/work-hours/${t.province.id}`), 403, 'forbidden');
    const root = await createAgency(rt.database, { level: 'province' });
    const admin = await createOfficial(rt.database, root.id, ['quan_tri_he_thong']);
    const a = await new TestClient(rt.app, '10.9.9.9').init();
    assert.equal((await a.signIn(admin.username, admin.password)).statusCode, 200);
    const changed = await a.put('/api/legal-time/work-hours', { ...body, agencyId: null });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await hours()).cutoff, '10:00');
    const restored = await a.put('/api/legal-time/work-hours', {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      cutoff: '15:00',
    });
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal((await hours()).cutoff, '15:00');
  });

  it('names each wrong field of working hours', async () => {
    const admin = (await t.signedIn(t.province.id, ['quan_tri_he_thong'])).client;
    const res = await admin.put('/api/legal-time/work-hours', {
      agencyId: t.province.id,
      periods: [
        { start: '13:00', end: '17:00' },
        { start: '07:30', end: '11:30' },
      ],
      saturdayReception: [{ start: '25:00', end: '11:30' }],
      cutoff: '18:00',
    });
    const p = assertProblem(res, 400, 'validation_failed');
    assert.match(errorFor(p, 'body.saturdayReception.0.start').message, /\(start\).*HH:MM/);
    const empty = assertProblem(
      await admin.put('/api/legal-time/work-hours', { agencyId: t.province.id, periods: [], cutoff: 'x' }),
      400,
      'validation_failed',
    );
    assert.match(errorFor(empty, 'body.periods').message, /\(periods\)/);
    assert.match(errorFor(empty, 'body.cutoff').message, /\(cutoff\)/);
    const order = assertProblem(
      await admin.put('/api/legal-time/work-hours', {
        agencyId: t.province.id,
        periods: [
          { start: '13:00', end: '17:00' },
          { start: '07:30', end: '11:30' },
        ],
        cutoff: '18:00',
      }),
      400,
      'validation_failed',
    );
    assert.match(errorFor(order, 'body.periods.1').message, /không chồng lên nhau/);
    assert.match(errorFor(order, 'body.cutoff').message, /trong giờ làm việc/);
  });
});
