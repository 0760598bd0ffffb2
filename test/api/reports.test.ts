import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ProcessingReport } from '../../src/modules/reports/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createAgency, createOfficial, PASSWORD } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { SPECS, STOPPED, at, expected, numbers } from '../support/report-cases.ts';
import type { Spec } from '../support/report-cases.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The dossier handling report (II.13.1) over hand-built dossiers with chosen times: every column
 * against counts computed here from the dossiers themselves (not from the daily table), by agency and
 * by month, for a period with carried-over and overdue dossiers; the partition; the trigger and fold
 * after a change; the rebuild equal to the incremental table; 400 naming the field.
 */

let rt: TestRuntime;
let o: DossierOffice;
let child: { id: string; path: string };
let boss: TestClient;
let otherLeader: TestClient;

async function insertDossier(s: Spec): Promise<string> {
  const db = rt.database.db;
  const proc = await db
    .selectFrom('procedures')
    .select(['id', 'code', 'name', 'field_code'])
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  const agency = s.agency === 'main' ? o.agency : s.agency === 'child' ? child : o.otherAgency;
  const stopped = STOPPED.includes(s.status);
  const row = await db
    .insertInto('dossiers')
    .values({
      code: `TK-${randomBytes(6).toString('hex')}`,
      procedure_id: proc.id,
      procedure_code: proc.code,
      procedure_name: proc.name,
      field_code: proc.field_code,
      agency_id: agency.id,
      agency_path: agency.path,
      process_id: o.processId,
      channel: s.channel,
      status: s.status,
      step_id: 'x',
      task: s.ended ? 'done' : 'process',
      holder_agency_id: agency.id,
      holder_agency_path: agency.path,
      step_started_at: at(s.received),
      applicant_kind: 'citizen',
      applicant_name: 'Người thử',
      applicant_id_number: '001000000001',
      history_hash: '',
      submitted_at: at(s.received),
      received_at: at(s.received),
      appointment_at: s.appointment ? at(s.appointment) : null,
      completed_at: s.ended && s.status !== 'cong_dan_yeu_cau_rut' ? at(s.ended) : null,
      // A withdrawal's end time is its last change (the status is final).
      updated_at: stopped && s.ended ? at(s.ended) : at(s.received),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function signedIn(username: string): Promise<TestClient> {
  const c = await new TestClient(
    rt.app,
    `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ).init();
  assert.equal((await c.signIn(username, PASSWORD)).statusCode, 200);
  return c;
}

async function report(client: TestClient, query: string): Promise<ProcessingReport> {
  const res = await client.get(`/api/reports/processing?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<ProcessingReport>();
}

const ids = new Map<string, string>();
const ours = () => SPECS.filter((s) => s.agency !== 'other');

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  child = await createAgency(rt.database, { parentId: o.agency.id, name: 'Phòng thử nghiệm con' });
  const head = await createOfficial(rt.database, o.agency.id, ['lanh_dao_don_vi'], { includeSubtree: true });
  const other = await createOfficial(rt.database, o.otherAgency.id, ['lanh_dao_don_vi']);
  boss = await signedIn(head.username);
  otherLeader = await signedIn(other.username);
  for (const s of SPECS) ids.set(s.name, await insertDossier(s));
});
after(async () => rt.stop());

describe('processing report', () => {
  it('by agency: each line and the totals equal the counts of the dossiers', async () => {
    const r = await report(boss, 'from=2025-11-01&to=2025-11-30&groupBy=agency');
    const names = await rt.database.db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('id', 'in', [o.agency.id, child.id])
      .execute();
    assert.deepEqual(r.rows.map((l) => [l.key, l.label]).sort(), names.map((a) => [a.id, a.name]).sort());
    for (const [key, agency] of [
      [o.agency.id, 'main'],
      [child.id, 'child'],
    ] as const) {
      const line = r.rows.find((l) => l.key === key);
      assert.ok(line);
      assert.deepEqual(
        numbers(line),
        expected(
          SPECS.filter((s) => s.agency === agency),
          '2025-11-01',
          '2025-11-30',
        ),
        agency,
      );
    }
    assert.deepEqual(numbers(r.totals), expected(ours(), '2025-11-01', '2025-11-30'));
    // The same figures worked out by hand, so the oracle above is checked too.
    assert.deepEqual(
      [
        r.totals.carriedOver,
        r.totals.received,
        r.totals.receivedOnline,
        r.totals.resolvedEarly,
        r.totals.resolvedOnTime,
        r.totals.resolvedLate,
        r.totals.cancelled,
        r.totals.pendingOnTime,
        r.totals.pendingOverdue,
        r.totals.onTimeRate,
      ],
      [3, 5, 1, 1, 1, 1, 2, 1, 2, 66.7],
    );
  });

  it('by month: each month has its own opening balance and end-of-month pending', async () => {
    const r = await report(boss, 'from=2025-10-01&to=2025-12-31&groupBy=month');
    assert.deepEqual(
      r.rows.map((l) => l.label),
      ['10/2025', '11/2025', '12/2025'],
    );
    const months = [
      ['2025-10-01', '2025-10-31'],
      ['2025-11-01', '2025-11-30'],
      ['2025-12-01', '2025-12-31'],
    ] as const;
    months.forEach(([f, t], i) => assert.deepEqual(numbers(r.rows[i]!), expected(ours(), f, t), f));
    assert.deepEqual(numbers(r.totals), expected(ours(), '2025-10-01', '2025-12-31'));
    // A month's carried-over dossiers are the previous month's pending ones.
    assert.equal(r.rows[1]!.carriedOver, r.rows[0]!.pendingOnTime + r.rows[0]!.pendingOverdue);
  });

  it('by channel and field: labels in Vietnamese, the same totals', async () => {
    const byChannel = await report(boss, 'from=2025-11-01&to=2025-11-30&groupBy=channel');
    assert.deepEqual(
      byChannel.rows.map((l) => l.label),
      ['Trực tiếp', 'Trực tuyến'],
    );
    assert.deepEqual(
      numbers(byChannel.rows[1]!),
      expected(
        ours().filter((s) => s.channel === 'online'),
        '2025-11-01',
        '2025-11-30',
      ),
    );
    const byField = await report(boss, 'from=2025-11-01&to=2025-11-30&groupBy=field');
    assert.deepEqual(
      byField.rows.map((l) => l.label),
      ['Thử nghiệm hồ sơ'],
    );
    assert.deepEqual(byField.totals, { ...byChannel.totals });
  });

  it('periods across years (yearly, monthly and daily rows) and inside one month', async () => {
    for (const [from, to] of [
      ['2023-03-15', '2026-02-10'],
      ['2025-10-21', '2025-11-14'],
      ['2025-11-01', '2025-11-01'],
      ['2024-01-01', '2025-12-31'],
    ] as const) {
      // Procedure reads the fine tables, agency and month the agency tables (migration 0023).
      for (const groupBy of ['procedure', 'agency', 'month']) {
        const r = await report(boss, `from=${from}&to=${to}&groupBy=${groupBy}`);
        assert.deepEqual(numbers(r.totals), expected(ours(), from, to), `${groupBy} ${from}..${to}`);
      }
    }
  });

  it('one agency chosen: its subtree only', async () => {
    const r = await report(boss, `from=2025-11-01&to=2025-11-30&agencyId=${child.id}`);
    assert.deepEqual(
      numbers(r.totals),
      expected(
        SPECS.filter((s) => s.agency === 'child'),
        '2025-11-01',
        '2025-11-30',
      ),
    );
    assert.equal(r.agency?.id, child.id);
  });

  it('partition: another agency’s leader sees none of them; no permission is 403', async () => {
    const r = await report(otherLeader, 'from=2025-11-01&to=2025-11-30');
    assert.deepEqual(
      r.rows.map((l) => l.key),
      [o.otherAgency.id],
    );
    assert.deepEqual(
      numbers(r.totals),
      expected(
        SPECS.filter((s) => s.agency === 'other'),
        '2025-11-01',
        '2025-11-30',
      ),
    );
    assert.equal((await otherLeader.get(`/api/reports/processing?agencyId=${o.agency.id}`)).statusCode, 403);
    assert.equal((await o.counter.get('/api/reports/processing')).statusCode, 403);
    assert.equal((await new TestClient(rt.app).get('/api/reports/processing')).statusCode, 401);
  });

  it('a dossier finished later changes the report at once (trigger, fold)', async () => {
    const d5 = SPECS.find((s) => s.name === 'd5')!;
    const before = await report(boss, 'from=2025-11-01&to=2025-11-30');
    await rt.database.db
      .updateTable('dossiers')
      .set({ status: 'da_xu_ly_xong', completed_at: at('2025-11-28T10:00:00'), updated_at: new Date() })
      .where('id', '=', ids.get('d5')!)
      .execute();
    d5.status = 'da_xu_ly_xong';
    d5.ended = '2025-11-28T10:00:00';
    const now = await report(boss, 'from=2025-11-01&to=2025-11-30');
    assert.deepEqual(numbers(now.totals), expected(ours(), '2025-11-01', '2025-11-30'));
    assert.equal(now.totals.resolvedEarly, before.totals.resolvedEarly + 1);
    assert.equal(now.totals.pendingOnTime, before.totals.pendingOnTime - 1);
    const left = await rt.database.db
      .selectFrom('dossier_stats_delta')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0, 'the report folded every delta');
  });

  it('a dossier received through the service counts today', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const before = await report(boss, `from=${today}&to=${today}&groupBy=channel`);
    await o.receive();
    const now = await report(boss, `from=${today}&to=${today}&groupBy=channel`);
    const counter = (r: ProcessingReport) => r.rows.find((l) => l.key === 'counter')?.received ?? 0;
    assert.equal(counter(now), counter(before) + 1);
    assert.equal(
      now.totals.pendingOnTime + now.totals.pendingOverdue,
      before.totals.pendingOnTime + before.totals.pendingOverdue + 1,
    );
  });

  it('the rebuild gives the same daily table and reports as incremental upkeep', async () => {
    const queries = [
      'from=2024-03-15&to=2026-12-31&groupBy=field',
      'from=2025-10-01&to=2025-12-31&groupBy=month',
      'from=2025-11-01&to=2025-11-30&groupBy=agency',
    ];
    const strip = (r: ProcessingReport) => ({ ...r, generatedAt: '' });
    const reportsBefore = await Promise.all(queries.map(async (q) => strip(await report(boss, q))));
    const tiers = [
      'dossier_stats_daily',
      'dossier_stats_monthly',
      'dossier_stats_yearly',
      'dossier_stats_agency_daily',
      'dossier_stats_agency_monthly',
      'dossier_stats_agency_yearly',
    ] as const;
    const table = async (name: (typeof tiers)[number]) =>
      (
        await rt.database.db
          .selectFrom(name)
          .selectAll()
          .where((eb) =>
            eb.or(
              [
                'received',
                'finished_early',
                'finished_on_time',
                'finished_late',
                'cancelled',
                'due',
                'due_closed',
              ].map((c) => eb(eb.ref(c as 'due'), '<>', 0)),
            ),
          )
          .orderBy(sql`1, 2, 3, 4, 5, 6`)
          .execute()
      ).map((r) => JSON.stringify(r));
    const incremental = await Promise.all(tiers.map(table));
    assert.ok(incremental[0]!.length > 10);
    assert.ok(incremental[2]!.length >= 2, 'yearly rows of 2025 and of this year');
    // The agency tables are the fine ones summed without procedure and field.
    for (const tier of [0, 1, 2]) assert.ok(incremental[tier + 3]!.length > 0, tiers[tier + 3]);
    const coarse = await sql<{ n: number | string }>`
      select count(*) as n from (
        select agency_id, channel, day, sum(received) as r, sum(finished_early) as fe, sum(finished_on_time) as fo,
          sum(finished_late) as fl, sum(cancelled) as c, sum(due) as d, sum(due_closed) as dc
        from dossier_stats_monthly group by 1, 2, 3
        except
        select agency_id, channel, day, received, finished_early, finished_on_time, finished_late, cancelled,
          due, due_closed
        from dossier_stats_agency_monthly) x`.execute(rt.database.db);
    assert.equal(Number(coarse.rows[0]?.n), 0, 'the agency tables sum the fine ones');
    await rt.services.reports.rebuild();
    assert.deepEqual(await Promise.all(tiers.map(table)), incremental);
    const reportsAfter = await Promise.all(queries.map(async (q) => strip(await report(boss, q))));
    assert.deepEqual(reportsAfter, reportsBefore);
  });

  it('400 naming the field: from after to, more than 10 years, unknown grouping, bad date', async () => {
    const fieldsOf = async (q: string) => {
      const res = await boss.get(`/api/reports/processing?${q}`);
      assert.equal(res.statusCode, 400, res.body);
      return res.json<{ errors: { field: string; message: string }[] }>().errors;
    };
    const e1 = await fieldsOf('from=2025-12-01&to=2025-11-01');
    assert.equal(e1[0]?.field, 'querystring.from');
    assert.match(e1[0].message, /Từ ngày \(from\)/);
    const e2 = await fieldsOf('from=2010-01-01&to=2025-11-01');
    assert.equal(e2[0]?.field, 'querystring.to');
    assert.match(e2[0].message, /10 năm/);
    const e3 = await fieldsOf('groupBy=staff');
    assert.equal(e3[0]?.field, 'querystring.groupBy');
    assert.match(e3[0].message, /Nhóm theo \(groupBy\)/);
    const e4 = await fieldsOf('from=2025-02-30');
    assert.equal(e4[0]?.field, 'querystring.from');
    // The service checks too (the web pages call it directly).
    const auth = undefined;
    await assert.rejects(rt.services.reports.processing(auth, { from: '2025-01-01' }), { status: 401 });
  });
});

describe('public statistics', () => {
  it('year to date per month and field, cacheable, without signing in', async () => {
    const res = await new TestClient(rt.app).get('/api/public/statistics');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['cache-control']), /public, max-age=300/);
    const s = res.json<{
      year: number;
      months: { key: string; received: number }[];
      totals: { received: number };
      fields: { label: string; received: number }[];
    }>();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      new Date(),
    );
    assert.equal(s.year, Number(year));
    assert.equal(s.months[0]?.key, `${year}-01`);
    // This year's dossiers are the ones received through the service in this run (the specs are of 2025).
    const received = await rt.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('received_at', '>=', new Date(`${year}-01-01T00:00:00+07:00`))
      .executeTakeFirstOrThrow();
    await rt.services.reports.fold();
    const fresh = await rt.services.reports.publicStats();
    assert.equal(fresh.totals.received, Number(received.n));
    const procedures = await rt.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.count<string>('procedure_id').distinct().as('n'))
      .where('received_at', '>=', new Date(`${year}-01-01T00:00:00+07:00`))
      .executeTakeFirstOrThrow();
    assert.equal(fresh.proceduresUsed, Number(procedures.n));
    assert.ok(fresh.proceduresUsed >= 1);
    assert.equal(
      fresh.months.reduce((a, m) => a + m.received, 0),
      Number(received.n),
    );
  });
});
