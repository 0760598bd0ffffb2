import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { officialPlace } from '../../src/modules/dossiers/store.ts';
import { createAccount, createAgency, createDepartment, createOfficial, createUserGroup, PASSWORD } from '../support/factories.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * An official's place (agency, department, groups: what work pools are matched against) is read with
 * the session in the same statement, on every request: a move to another department or group counts
 * from the next request; other accounts have none; a context without it still gets it from the
 * database.
 */

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

async function session(username: string) {
  const signed = await rt.services.accounts.signIn({ username, password: PASSWORD }, { ip: '127.0.0.31', userAgent: 'test' });
  return signed.token;
}

describe('official place with the session', () => {
  it('matches the officials row and the groups, and follows a move on the next request', async () => {
    const agency = await createAgency(rt.database, { name: 'Sở thử vị trí' });
    const dept = await createDepartment(rt.database, agency.id);
    const official = await createOfficial(rt.database, agency.id, ['can_bo_thu_ly']);
    const token = await session(official.username);
    const first = await rt.services.resolveSession(token);
    assert.deepEqual(first?.place, { agencyId: agency.id, departmentId: null, groupIds: [] });

    const group = await createUserGroup(rt.database, agency.id, { roleCodes: ['can_bo_thu_ly'], memberIds: [official.id] });
    await rt.database.db.updateTable('officials').set({ department_id: dept.id }).where('account_id', '=', official.id).execute();
    const moved = await rt.services.resolveSession(token);
    assert.deepEqual(moved?.place, { agencyId: agency.id, departmentId: dept.id, groupIds: [group.id] });
    assert.ok(moved);
    // What the dossier services use is the session's place, and equal to what the database says.
    const fromSession = await officialPlace(rt.database.db, moved);
    const { place: _omit, ...bare } = moved;
    const fromDatabase = await officialPlace(rt.database.db, bare);
    assert.deepEqual(fromSession, fromDatabase);
    assert.deepEqual(fromDatabase, { accountId: official.id, agencyId: agency.id, departmentId: dept.id, groupIds: [group.id] });
  });

  it('a citizen has no place', async () => {
    const citizen = await createAccount(rt.database);
    const auth = await rt.services.resolveSession(await session(citizen.username));
    assert.equal(auth?.account.kind, 'citizen');
    assert.equal(auth?.place, undefined);
  });
});
