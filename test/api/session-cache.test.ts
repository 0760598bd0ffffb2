import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { sha256 } from '../../src/modules/accounts/tokens.ts';
import { createAccount, createAgency, createOfficial, createUserGroup, PASSWORD } from '../support/factories.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';
import { statementsOf } from '../support/statements.ts';

/**
 * Who a session is (account, grants, place) is kept in memory under the access generation on
 * PostgreSQL (src/modules/accounts/session-cache.ts, migration 0026): a signed-in request reads it
 * once, and every change it is made of, committed by any process, is seen at the very next request.
 */

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

const meta = { ip: '127.0.0.41', userAgent: 'test' };
const signIn = async (username: string) => (await rt.services.accounts.signIn({ username, password: PASSWORD }, meta)).token;
/** The access generation (everybody's sessions read again) and the last revocation's number. */
const generation = async () => {
  const r = await sql<{ value: string; revoked: string }>`select value, revoked from access_generation`.execute(rt.database.db);
  return { value: Number(r.rows[0]?.value), revoked: Number(r.rows[0]?.revoked) };
};
const resolve = (token: string) => rt.services.resolveSession(token);

/** An official of a new agency who processes dossiers there, signed in, already resolved once. */
async function signedOfficial() {
  const agency = await createAgency(rt.database);
  const official = await createOfficial(rt.database, agency.id, ['can_bo_thu_ly']);
  const token = await signIn(official.username);
  const auth = await resolve(token);
  assert.equal(auth?.account.id, official.id);
  return { agency, official, token, auth };
}

describe('sessions kept in memory', () => {
  it('reads a session once, then answers from memory', async (t) => {
    if (rt.database.kind !== 'postgres') return t.skip('PGlite reads the session each time');
    const { token, auth } = await signedOfficial();
    const statements = await statementsOf(() => resolve(token));
    assert.deepEqual(statements.filter((s) => /from "sessions"/.test(s)), [], statements.join('\n'));
    assert.deepEqual(await resolve(token), auth);
    assert.ok(Object.isFrozen(auth), 'shared between requests, so frozen');
  });

  type Signed = Awaited<ReturnType<typeof signedOfficial>>;
  const changes: [string, (o: Signed) => Promise<unknown>, (auth: unknown, o: Signed) => void][] = [
    [
      'a revoked session (signed out elsewhere)',
      (o) => rt.database.db.updateTable('sessions').set({ revoked_at: new Date(), revoked_reason: 'test' }).where('id', '=', sha256(o.token)).execute(),
      (auth) => assert.equal(auth, undefined),
    ],
    [
      'a session ended early',
      (o) => rt.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', sha256(o.token)).execute(),
      (auth) => assert.equal(auth, undefined),
    ],
    [
      'a disabled account',
      (o) => rt.database.db.updateTable('accounts').set({ status: 'disabled' }).where('id', '=', o.official.id).execute(),
      (auth) => assert.equal(auth, undefined),
    ],
    [
      'a new name',
      (o) => rt.database.db.updateTable('accounts').set({ full_name: 'Tên Mới Đổi' }).where('id', '=', o.official.id).execute(),
      (auth) => assert.equal((auth as { account: { fullName: string } }).account.fullName, 'Tên Mới Đổi'),
    ],
    [
      'a role taken away',
      (o) => rt.database.db.deleteFrom('role_assignments').where('account_id', '=', o.official.id).execute(),
      (auth) => assert.deepEqual((auth as { grants: unknown[] }).grants, []),
    ],
    [
      'a role given through a group',
      async (o) => createUserGroup(rt.database, o.agency.id, { roleCodes: ['lanh_dao_don_vi'], memberIds: [o.official.id] }),
      (auth) => assert.ok((auth as { grants: { roleCode: string }[] }).grants.some((g) => g.roleCode === 'lanh_dao_don_vi')),
    ],
    [
      'its agency taken off',
      (o) => rt.database.db.updateTable('agencies').set({ active: false }).where('id', '=', o.agency.id).execute(),
      (auth) => assert.deepEqual((auth as { grants: unknown[] }).grants, []),
    ],
    [
      'a move to another agency',
      async (o) => {
        const other = await createAgency(rt.database);
        await rt.database.db.updateTable('officials').set({ agency_id: other.id }).where('account_id', '=', o.official.id).execute();
        return other;
      },
      (auth, o) => assert.notEqual((auth as { place: { agencyId: string } }).place.agencyId, o.agency.id),
    ],
  ];
  for (const [what, change, expect] of changes) {
    it(`sees ${what} at the next request`, async () => {
      const o = await signedOfficial();
      const before = await generation();
      await change(o);
      const after = await generation();
      // A session's own end is logged for that session; anything else reads every session again.
      if (what.includes('session')) assert.deepEqual(after, { ...before, revoked: before.revoked + 1 });
      else assert.ok(after.value > before.value && after.revoked === before.revoked);
      expect(await resolve(o.token), o);
    });
  }

  it('forgets only the session signed out: the others stay in memory', async (t) => {
    const a = await signedOfficial();
    const b = await signedOfficial();
    await resolve(a.token); // kept again (b's roles emptied the cache)
    await rt.services.accounts.signOut(a.auth, meta);
    assert.equal(await resolve(a.token), undefined);
    if (rt.database.kind !== 'postgres') return t.skip('PGlite reads the session each time');
    const statements = await statementsOf(() => resolve(b.token));
    assert.deepEqual(statements.filter((s) => /from "sessions"/.test(s)), [], statements.join('\n'));
    assert.equal((await resolve(b.token))?.account.id, b.official.id);
  });

  it('forgets every session when the log no longer reaches back to what it last read', async () => {
    const a = await signedOfficial();
    await rt.database.db.updateTable('sessions').set({ revoked_at: new Date(), revoked_reason: 'test' }).where('id', '=', sha256(a.token)).execute();
    // Pruned (a process idle for more than a day): the revocation's number moved, its row is gone.
    await sql`delete from session_revocations`.execute(rt.database.db);
    assert.equal(await resolve(a.token), undefined);
  });

  it("sees a role's permissions changed at the next request", async () => {
    const { token } = await signedOfficial();
    const can = async () => (await resolve(token))?.grants.some((g) => g.permissions.includes('dossiers.process'));
    assert.equal(await can(), true);
    const drop = sql`update roles set permissions = array_remove(permissions, 'dossiers.process') where code = 'can_bo_thu_ly'`;
    await drop.execute(rt.database.db);
    try {
      assert.equal(await can(), false);
    } finally {
      await sql`update roles set permissions = permissions || '{dossiers.process}' where code = 'can_bo_thu_ly'`.execute(rt.database.db);
    }
    assert.equal(await can(), true);
  });

  it('is not emptied by sign-ins, failed attempts or "last seen"', async () => {
    const citizen = await createAccount(rt.database);
    const token = await signIn(citizen.username);
    await resolve(token);
    const before = await generation();
    await assert.rejects(rt.services.accounts.signIn({ username: citizen.username, password: 'sai-mat-khau-1' }, meta));
    await signIn(citizen.username);
    await rt.database.db.updateTable('sessions').set({ last_seen_at: new Date(0) }).where('id', '=', sha256(token)).execute();
    assert.deepEqual(await generation(), before);
  });

  it('ends a session at its expiry without any change in the database', async () => {
    const citizen = await createAccount(rt.database);
    const token = `het-han-${Date.now()}-token-thu-nghiem`;
    const expiresAt = new Date(Date.now() + 1500);
    await rt.database.db.insertInto('sessions').values({ id: sha256(token), account_id: citizen.id, expires_at: expiresAt, ip: null, user_agent: null }).execute();
    assert.equal((await resolve(token))?.account.id, citizen.id);
    const before = await generation();
    await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 50));
    assert.equal(await resolve(token), undefined);
    assert.deepEqual(await generation(), before);
  });

  it('writes "last seen" at most once a minute', async () => {
    const citizen = await createAccount(rt.database);
    const token = await signIn(citizen.username);
    const lastSeen = async () =>
      (await rt.database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', sha256(token)).executeTakeFirstOrThrow()).last_seen_at.getTime();
    await resolve(token);
    const first = await lastSeen();
    await resolve(token);
    assert.equal(await lastSeen(), first);
    // Seen two minutes ago by another process; a new name makes this one read the session again.
    await rt.database.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 120_000) }).where('id', '=', sha256(token)).execute();
    await rt.database.db.updateTable('accounts').set({ full_name: 'Người Đổi Tên' }).where('id', '=', citizen.id).execute();
    await resolve(token);
    assert.ok((await lastSeen()) > Date.now() - 5_000);
  });
});
