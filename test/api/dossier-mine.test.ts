import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createAccount } from '../support/factories.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** "Hồ sơ của tôi" (III.4.2, III.5.1 a, III.5.2 a): the applicant's own dossiers and notices only. */

let rt: TestRuntime;
let o: DossierOffice;

const authOf = (id: string, kind: 'citizen' | 'organisation' | 'official' = 'citizen'): AuthContext => ({
  sessionId: randomUUID(),
  account: { id, kind, username: 'u', fullName: 'Người dùng', email: null },
  grants: [],
});

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

async function notice(accountId: string, dossierId: string, title: string) {
  await rt.database.db
    .insertInto('notices')
    .values({
      account_id: accountId,
      dossier_id: dossierId,
      kind: 'test',
      title,
      body: `${title} — nội dung`,
      outbox_key: randomUUID(),
    })
    .execute();
}

describe('my dossiers', () => {
  it('lists only the caller’s dossiers, newest first, paged without duplicates', async () => {
    const earlier = [await o.receive(), await o.receive(), await o.receive()];
    const counter = await o.receive();
    const me = authOf(o.ids.citizen);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await rt.services.dossiers.mine(me, { cursor, limit: 2 });
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    assert.equal(new Set(seen).size, seen.length, 'no duplicates');
    for (const d of [...earlier, counter]) assert.ok(seen.includes(d.id), d.code);
    const first = (await rt.services.dossiers.mine(me, { limit: 50 })).items;
    assert.deepEqual(
      first.map((d) => d.id),
      seen,
    );
    const sorted = [...first].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    assert.deepEqual(
      first.map((d) => d.submittedAt),
      sorted.map((d) => d.submittedAt),
    );
    const row = first.find((d) => d.id === counter.id);
    assert.ok(row);
    assert.equal(row.code, counter.code);
    assert.equal(row.statusLabel, counter.statusLabel);
    assert.equal(row.stepName, counter.stepName);
    assert.ok(row.agencyName.length > 0);
    assert.ok(row.appointmentAt);
    assert.match(row.procedureName, /Thủ tục thử nghiệm/);
  });

  it('shows another citizen nothing, and refuses officials and strangers', async () => {
    const other = await createAccount(rt.database, { kind: 'citizen' });
    const d = await o.receive();
    await notice(o.ids.citizen, d.id, 'Riêng của chủ hồ sơ');
    const page = await rt.services.dossiers.mine(authOf(other.id), { cursor: d.id });
    assert.deepEqual(page, { items: [], nextCursor: null });
    assert.deepEqual(await rt.services.dossiers.notices(authOf(other.id)), []);
    assert.equal(await rt.services.dossiers.readNotices(authOf(other.id), 'all'), 0);
    const mine = await rt.services.dossiers.notices(authOf(o.ids.citizen), { unread: true });
    assert.ok(mine.some((n) => n.title === 'Riêng của chủ hồ sơ'));
    await assert.rejects(rt.services.dossiers.mine(undefined, {}), { status: 401 });
    await assert.rejects(rt.services.dossiers.mine(authOf(o.ids.counter, 'official'), {}), {
      status: 403,
    });
  });

  it('lists notices newest first and marks them read (some, then all)', async () => {
    const citizen = await createAccount(rt.database, { kind: 'citizen' });
    const me = authOf(citizen.id);
    const d = await o.receive();
    await rt.database.db
      .updateTable('dossiers')
      .set({ applicant_account_id: citizen.id })
      .where('id', '=', d.id)
      .execute();
    for (const t of ['Thứ nhất', 'Thứ hai', 'Thứ ba']) await notice(citizen.id, d.id, t);
    const list = await rt.services.dossiers.notices(me);
    assert.deepEqual(
      list.map((n) => n.title),
      ['Thứ ba', 'Thứ hai', 'Thứ nhất'],
    );
    assert.ok(list.every((n) => n.dossierCode === d.code && n.readAt === null));
    // Another account's ids are ignored.
    assert.equal(await rt.services.dossiers.readNotices(authOf(o.ids.citizen), [list[0]!.id]), 0);
    assert.equal(await rt.services.dossiers.readNotices(me, [list[0]!.id]), 1);
    const unread = await rt.services.dossiers.notices(me, { unread: true });
    assert.deepEqual(
      unread.map((n) => n.title),
      ['Thứ hai', 'Thứ nhất'],
    );
    assert.equal(await rt.services.dossiers.readNotices(me, 'all'), 2);
    assert.deepEqual(await rt.services.dossiers.notices(me, { unread: true }), []);
    assert.equal((await rt.services.dossiers.notices(me)).length, 3);
    assert.equal((await rt.services.dossiers.mine(me, {})).items.length, 1);
  });
});
