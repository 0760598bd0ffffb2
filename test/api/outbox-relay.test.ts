import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { enqueue } from '../../src/jobs/outbox.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The outbox relay coalesces nudges (issue 8): every commit nudges it, and under load one pass per
 * commit doubled the commits of an online submission. A nudge still guarantees a pass that starts
 * after it, so nothing committed before a nudge is left behind.
 */

let rt: TestRuntime;

before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

const mail = (n: number) => ({ to: `nguoi${n}@example.vn`, template: 'verify_email' as const, vars: {} });
const waiting = async () =>
  Number(
    (
    await rt.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('dispatched_at', 'is', null)
      .executeTakeFirstOrThrow()
    ).n,
  );
const jobs = async () =>
  Number(
    (await rt.database.pool.query<{ n: string }>(`select count(*) as n from pgboss.job where name = 'mail.send'`))
      .rows[0]?.n,
  );

describe('outbox relay', () => {
  it('shares one pass among nudges made together, and relays every row once', async () => {
    for (let i = 0; i < 3; i++) await enqueue(rt.database.db, 'mail.send', mail(i));
    const nudges = [rt.services.relay.nudge(), rt.services.relay.nudge(), rt.services.relay.nudge()];
    assert.equal(nudges[0], nudges[1]);
    assert.equal(nudges[1], nudges[2]);
    assert.deepEqual(await Promise.all(nudges), [3, 3, 3]);
    assert.equal(await waiting(), 0);
    assert.equal(await jobs(), 3);
  });

  it('runs another pass for what is committed while one runs', async () => {
    await enqueue(rt.database.db, 'mail.send', mail(10));
    const first = rt.services.relay.nudge();
    // Let the first pass start (after its 20 ms gathering; its statements are under way), then
    // commit and nudge again.
    await sleep(50);
    await enqueue(rt.database.db, 'mail.send', mail(11));
    const second = rt.services.relay.nudge();
    assert.notEqual(first, second);
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a + b, 2, `first pass ${a}, second ${b}`);
    assert.equal(await waiting(), 0);
    assert.equal(await jobs(), 5);
  });
});
