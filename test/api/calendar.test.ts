import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCalendar } from '../../src/seed/calendar.ts';
import { createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

interface Day {
  id: string;
  day: string;
  kind: string;
  name: string;
  agencyId: string | null;
  provisional: boolean;
}
interface Year {
  days: Day[];
  summary: {
    workingDays: number;
    holidays: number;
    daysOff: number;
    makeupWorkdays: number;
    provisional: boolean;
  };
}

/** The fields tests read from a JSON answer (a problem or an item). */
interface R {
  code: string;
  detail: string;
  errors: { field: string; message: string }[];
  name: string;
  kind: string;
  active: boolean;
  sortOrder: number;
  catalog: { version: number };
}

let rt: TestRuntime;
const quiet = () => undefined;

before(async () => {
  rt = await startTestRuntime();
  await seedCalendar(rt.services, quiet);
});
after(async () => rt.stop());

async function anon(): Promise<TestClient> {
  return new TestClient(rt.app).init();
}

async function signedIn(username: string, password: string): Promise<TestClient> {
  const c = await anon();
  assert.equal((await c.signIn(username, password)).statusCode, 200);
  return c;
}

async function year(c: TestClient, y: number, agencyId?: string): Promise<Year> {
  const res = await c.get(`/api/calendar?year=${y}${agencyId ? `&agencyId=${agencyId}` : ''}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Year>();
}

describe('national calendar', () => {
  it('knows the announced 2025 and 2026 schedules: 250 working days each', async () => {
    const c = await anon();
    const y2025 = await year(c, 2025);
    assert.deepEqual(y2025.summary, {
      workingDays: 250,
      holidays: 11,
      daysOff: 1,
      makeupWorkdays: 1,
      provisional: false,
    });
    const makeup = y2025.days.find((d) => d.kind === 'makeup_workday');
    assert.equal(makeup?.day, '2025-04-26');
    assert.ok(y2025.days.every((d) => d.agencyId === null));
    const y2026 = await year(c, 2026);
    assert.equal(y2026.summary.workingDays, 250);
    assert.deepEqual(
      y2026.days.filter((d) => d.kind === 'makeup_workday').map((d) => d.day),
      ['2026-01-10', '2026-08-22'],
    );
  });

  it('marks 2027 as provisional (Labour Code days only)', async () => {
    const y2027 = await year(await anon(), 2027);
    assert.equal(y2027.summary.provisional, true);
    assert.equal(y2027.summary.workingDays, 256);
    assert.ok(y2027.days.every((d) => d.provisional));
  });

  it('seeds idempotently', async () => {
    const count = async () =>
      Number(
        (
          await rt.database.db
            .selectFrom('calendar_days')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audits = async () =>
      (
        await rt.database.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'calendar.seed')
          .execute()
      ).length;
    const [n0, a0] = [await count(), await audits()];
    assert.equal(n0, 35);
    await seedCalendar(rt.services, quiet);
    assert.equal(await count(), n0);
    assert.equal(await audits(), a0);
  });

  it('validates the query', async () => {
    const c = await anon();
    const bad = await c.get('/api/calendar?year=1800');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<R>().errors[0]?.field, 'querystring.year');
    assert.equal((await c.get(`/api/calendar?agencyId=${crypto.randomUUID()}`)).statusCode, 404);
    assert.equal((await c.get('/api/calendar')).statusCode, 200);
  });
});

describe('agency overrides and administration', () => {
  it('lets each level add its own days, which apply to its subtree, with audit', async () => {
    const province = await createAgency(rt.database, { level: 'province' });
    const commune = await createAgency(rt.database, { parentId: province.id, level: 'commune' });
    const other = await createAgency(rt.database, { parentId: province.id, level: 'commune' });
    const provinceAdmin = await createOfficial(rt.database, province.id, ['quan_tri_he_thong'], {
      includeSubtree: true,
    });
    const communeAdmin = await createOfficial(rt.database, commune.id, ['quan_tri_he_thong']);
    const pa = await signedIn(provinceAdmin.username, provinceAdmin.password);
    const ca = await signedIn(communeAdmin.username, communeAdmin.password);

    const local = await ca.post('/api/calendar', {
      day: '2025-06-16',
      kind: 'day_off',
      name: 'Nghỉ bù lễ hội truyền thống',
      agencyId: commune.id,
      note: 'Quyết định của UBND xã',
    });
    assert.equal(local.statusCode, 201, local.body);
    assert.equal(local.json<Day>().agencyId, commune.id);
    const provincial = await pa.post('/api/calendar', {
      day: '2025-11-24',
      kind: 'holiday',
      name: 'Ngày Văn hóa Việt Nam (thí điểm)',
      agencyId: province.id,
    });
    assert.equal(provincial.statusCode, 201, provincial.body);

    const c = await anon();
    assert.equal((await year(c, 2025)).summary.workingDays, 250);
    assert.equal((await year(c, 2025, province.id)).summary.workingDays, 249);
    const communeYear = await year(c, 2025, commune.id);
    assert.equal(communeYear.summary.workingDays, 248);
    assert.equal(communeYear.days.length, 15);
    assert.equal((await year(c, 2025, other.id)).summary.workingDays, 249);

    // The commune's own entry overrides the national one on the same date.
    const swap = await ca.post('/api/calendar', {
      day: '2025-04-26',
      kind: 'holiday',
      name: 'Không làm bù tại xã',
      agencyId: commune.id,
    });
    assert.equal(swap.statusCode, 201, swap.body);
    assert.equal((await year(c, 2025, commune.id)).summary.workingDays, 247);

    // A commune administrator may not touch the national calendar or another commune.
    const national = await ca.post('/api/calendar', {
      day: '2025-12-31',
      kind: 'day_off',
      name: 'Nghỉ cuối năm',
    });
    assert.equal(national.statusCode, 403);
    assert.equal(
      (
        await ca.post('/api/calendar', {
          day: '2025-12-31',
          kind: 'day_off',
          name: 'Nghỉ cuối năm',
          agencyId: other.id,
        })
      ).statusCode,
      403,
    );
    const nationalDay = (await year(c, 2025)).days[0]!;
    assert.equal((await ca.delete(`/api/calendar/${nationalDay.id}`)).statusCode, 403);

    const dup = await ca.post('/api/calendar', {
      day: '2025-06-16',
      kind: 'holiday',
      name: 'Trùng ngày',
      agencyId: commune.id,
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<R>().code, 'calendar_day_exists');
    assert.match(dup.json<R>().detail, /16\/06\/2025/);

    const removed = await ca.delete(`/api/calendar/${local.json<Day>().id}`);
    assert.equal(removed.statusCode, 200);
    assert.equal((await year(c, 2025, commune.id)).summary.workingDays, 248);
    assert.equal((await ca.delete(`/api/calendar/${local.json<Day>().id}`)).statusCode, 404);

    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'agency_id'])
      .where('entity_type', '=', 'calendar_day')
      .where('entity_id', '=', local.json<Day>().id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(audit, [
      { action: 'calendar_day.create', agency_id: commune.id },
      { action: 'calendar_day.delete', agency_id: commune.id },
    ]);
  });

  it('lets a top-level administrator change the national calendar', async () => {
    const root = await createAgency(rt.database, { level: 'province' });
    const admin = await createOfficial(rt.database, root.id, ['quan_tri_he_thong']);
    const a = await signedIn(admin.username, admin.password);
    const res = await a.post('/api/calendar', {
      day: '2027-02-08',
      kind: 'holiday',
      name: 'Tết Âm lịch Đinh Mùi',
      provisional: true,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<Day>().agencyId, null);
    assert.equal((await year(await anon(), 2027)).summary.workingDays, 255);
    assert.equal((await a.delete(`/api/calendar/${res.json<Day>().id}`)).statusCode, 200);
  });

  it('refuses anonymous changes, checks kinds against weekdays and names each field', async () => {
    const nobody = await anon();
    assert.equal(
      (await nobody.post('/api/calendar', { day: '2025-12-31', kind: 'day_off', name: 'Nghỉ' })).statusCode,
      401,
    );
    assert.equal((await nobody.delete(`/api/calendar/${crypto.randomUUID()}`)).statusCode, 401);
    const root = await createAgency(rt.database, { level: 'province' });
    const admin = await createOfficial(rt.database, root.id, ['quan_tri_he_thong']);
    const a = await signedIn(admin.username, admin.password);
    const weekdayMakeup = await a.post('/api/calendar', {
      day: '2025-12-31',
      kind: 'makeup_workday',
      name: 'Làm bù',
    });
    assert.equal(weekdayMakeup.statusCode, 400);
    assert.equal(weekdayMakeup.json<R>().errors[0]?.field, 'body.day');
    assert.match(weekdayMakeup.json<R>().errors[0]?.message ?? '', /thứ Bảy hoặc Chủ nhật/);
    const weekendOff = await a.post('/api/calendar', { day: '2025-12-27', kind: 'day_off', name: 'Nghỉ' });
    assert.equal(weekendOff.statusCode, 400);
    const invalid = await a.post('/api/calendar', { day: '2025-02-30', kind: 'vui_choi' });
    assert.equal(invalid.statusCode, 400);
    const fields = invalid
      .json<R>()
      .errors.map((e) => e.field)
      .sort();
    assert.deepEqual(fields, ['body.day', 'body.kind', 'body.name']);
    assert.ok(
      invalid.json<R>().errors.every((e) => /\((day|kind|name)\)/.test(e.message)),
      invalid.body,
    );
    assert.equal(
      (await a.post('/api/calendar', { day: '2025-12-31', kind: 'day_off', name: 'Nghỉ' }, { csrf: false }))
        .statusCode,
      403,
    );
  });
});
