import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDossierCode, vietnamDay } from '../../src/domain/dossier-code.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { stored, toAppraisal, VIETNAMESE } from '../support/dossier-cases.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Concurrency (run on PGlite, where it is serialised, and on PostgreSQL with DATABASE_URL): two
 * actions on the same version of a dossier give exactly one 200 and one 409, and one history row; 50
 * receipts at once at the same agency get 50 distinct codes numbered 0001 to 0050 for the day.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

const codes = ['stale_dossier', 'invalid_action', 'invalid_transition', 'transition_not_here'];

/** Sends both at once; exactly one succeeds, the other is a 409 in Vietnamese, one history row is added. */
async function race(d: DossierDetail, a: () => Promise<{ statusCode: number; body: string }>, b: typeof a) {
  const before = await stored(o, d.id);
  const results = await Promise.all([a(), b()]);
  const statuses = results.map((r) => r.statusCode).sort();
  assert.deepEqual(statuses, [200, 409], results.map((r) => r.body).join('\n'));
  const lost = results.find((r) => r.statusCode === 409);
  const problem = JSON.parse(lost?.body ?? '{}') as { code: string; detail: string };
  assert.ok(codes.includes(problem.code), problem.code);
  assert.match(problem.detail, VIETNAMESE);
  const after = await stored(o, d.id);
  assert.equal(after.events, before.events + 1, 'one new history row');
  assert.equal(after.historySeq, before.historySeq + 1);
  assert.equal(after.rowVersion, before.rowVersion + 1);
}

describe('dossier concurrency', () => {
  it('50 receipts at once at one agency get codes 0001–0050 of the day', async () => {
    const day = vietnamDay(new Date());
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        o.counter.post('/api/dossiers', {
          procedureCode: o.procedureCode,
          agencyId: o.agency.id,
          applicant: {
            kind: 'citizen',
            idNumber: `07900000${String(i).padStart(4, '0')}`,
            fullName: `Người ${i}`,
          },
          decision: i % 5 === 0 ? 'refuse' : 'accept',
          reason: i % 5 === 0 ? 'Không thuộc thẩm quyền' : null,
        }),
      ),
    );
    for (const r of results) assert.equal(r.statusCode, 201, r.body);
    const got = results.map((r) => r.json<DossierDetail>().code);
    assert.equal(new Set(got).size, 50, 'distinct codes');
    const suffix = `-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
    for (const c of got) {
      assert.ok(isDossierCode(c), c);
      assert.equal(c.slice(0, o.agency.code.length), o.agency.code);
      assert.ok(c.includes(suffix), `${c} is not of ${day}`);
    }
    const sequences = got.map((c) => Number(c.slice(-4))).sort((x, y) => x - y);
    assert.deepEqual(
      sequences,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const counter = await rt.database.db
      .selectFrom('dossier_code_counters')
      .select('last')
      .where('agency_id', '=', o.agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(counter.last, 50);
  });

  it('the 10,000th receipt of a day is 409 daily_sequence_exhausted and writes nothing', async () => {
    const day = vietnamDay(new Date());
    const setCounter = (last: number) =>
      rt.database.db
        .insertInto('dossier_code_counters')
        .values({ agency_id: o.agency.id, day, last })
        .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet({ last }))
        .execute();
    await setCounter(9999);
    try {
      const count = async () =>
        Number(
          (
            await rt.database.db
              .selectFrom('dossiers')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const res = await o.counter.post('/api/dossiers', {
        procedureCode: o.procedureCode,
        agencyId: o.agency.id,
        applicant: { kind: 'citizen', idNumber: '079000009999', fullName: 'Người thứ mười nghìn' },
        decision: 'accept',
      });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json<{ code: string }>().code, 'daily_sequence_exhausted');
      assert.match(res.json<{ detail: string }>().detail, /9\.999 hồ sơ trong ngày/);
      assert.equal(await count(), before);
      const applicant = await rt.database.db
        .selectFrom('applicants')
        .select('id')
        .where('id_number', '=', '079000009999')
        .executeTakeFirst();
      assert.equal(applicant, undefined, 'the applicant upsert was rolled back');
      const counter = await rt.database.db
        .selectFrom('dossier_code_counters')
        .select('last')
        .where('agency_id', '=', o.agency.id)
        .where('day', '=', day)
        .executeTakeFirstOrThrow();
      assert.equal(counter.last, 9999);
    } finally {
      await setCounter(50);
    }
  });

  it('the same action twice on one version: one 200, one 409', async () => {
    const d = await o.receive();
    const forward = () =>
      o.act(o.counter, d.id, {
        action: 'move',
        rowVersion: d.rowVersion,
        transitionId: o.arrow(d, 'forward'),
      });
    await race(d, forward, forward);
    const after = await o.detail(o.counter, d.id);
    assert.equal(after.history.filter((h) => h.action === 'forward').length, 1);
  });

  it('two officials on one version: one 200, one 409', async () => {
    for (let round = 0; round < 3; round++) {
      const d = await toAppraisal(o);
      await race(
        d,
        () =>
          o.act(o.handler, d.id, {
            action: 'move',
            rowVersion: d.rowVersion,
            transitionId: o.arrow(d, 'forward', 'du-thao'),
            assigneeId: o.ids.handler,
          }),
        () => o.act(o.head, d.id, { action: 'assign', rowVersion: d.rowVersion, assigneeId: o.ids.handler2 }),
      );
    }
  });

  it('the counter and the applicant on one version: one 200, one 409', async () => {
    const d = await o.receive();
    await race(
      d,
      () =>
        o.act(o.counter, d.id, {
          action: 'move',
          rowVersion: d.rowVersion,
          transitionId: o.arrow(d, 'forward'),
        }),
      () => o.act(o.citizen, d.id, { action: 'withdraw', rowVersion: d.rowVersion, reason: 'Không cần nữa' }),
    );
  });

  it('an action on a version someone has changed since is 409 stale_dossier', async () => {
    const d = await toAppraisal(o);
    await o.must(o.handler, d.id, { action: 'comment', text: 'Đã xem hồ sơ' });
    // A comment does not change the version: acting on it still works…
    const moved = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'extend'),
      reason: 'Cần xác minh thêm',
      extensionMinutes: 480,
    });
    assert.equal(moved.rowVersion, d.rowVersion + 1);
    // …but the old version is now stale.
    const before = await stored(o, d.id);
    const res = await o.act(o.head, d.id, {
      action: 'assign',
      rowVersion: d.rowVersion,
      assigneeId: o.ids.handler2,
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json<{ code: string }>().code, 'stale_dossier');
    assert.deepEqual(await stored(o, d.id), before);
  });
});
