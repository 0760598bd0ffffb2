import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createAgency, createDepartment, createOfficial, createUserGroup } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';
import type { AgencyDetail, AgencyView, GroupView, OfficialDetail, OfficialPage, RoleAssignmentView } from '../../src/modules/org/schema.ts';

/**
 * Data partitions of the organisation model: an administrator or official of commune A never reads
 * or changes commune B; a province administrator with include_subtree manages both; a subtree
 * administrator cannot grant outside the subtree; every change is audited.
 */
let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

type Items<T> = { items: T[] };
type Problem = { code: string };
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json<T>();
}

let ipCounter = 0;
async function signedIn(user: { username: string; password: string }): Promise<TestClient> {
  ipCounter += 1;
  const c = await new TestClient(rt.app, `10.2.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`).init();
  const res = await c.signIn(user.username, user.password);
  assert.equal(res.statusCode, 200, res.body);
  return c;
}

let codeSeq = 0;
function newCode(): string {
  codeSeq += 1;
  return `${String(codeSeq).padStart(3, '0')}.00.00.Q${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
}

/**
 * Province P (root) with communes A and B directly below it (two-level model), and district D with
 * commune C below it (legacy three-level model). Each commune has a department, an official and a
 * group; A and B each have a commune administrator (exact grant), A also a plain official.
 */
async function world() {
  const db = rt.database;
  const p = await createAgency(db, { level: 'province', name: 'Tỉnh P' });
  const a = await createAgency(db, { parentId: p.id, name: 'Xã A' });
  const b = await createAgency(db, { parentId: p.id, name: 'Xã B' });
  const d = await createAgency(db, { parentId: p.id, level: 'district', name: 'Huyện D' });
  const cc = await createAgency(db, { parentId: d.id, name: 'Xã C' });
  const provinceAdmin = await createOfficial(db, p.id, ['quan_tri_he_thong'], { includeSubtree: true });
  const districtAdmin = await createOfficial(db, d.id, ['quan_tri_he_thong'], { includeSubtree: true });
  const adminA = await createOfficial(db, a.id, ['quan_tri_he_thong']);
  const adminB = await createOfficial(db, b.id, ['quan_tri_he_thong']);
  const clerkA = await createOfficial(db, a.id, ['can_bo_thu_ly']);
  const clerkB = await createOfficial(db, b.id, ['can_bo_thu_ly']);
  const officialC = await createOfficial(db, cc.id, []);
  const depA = await createDepartment(db, a.id);
  const depB = await createDepartment(db, b.id);
  const groupA = await createUserGroup(db, a.id, { roleCodes: ['can_bo_thu_ly'], memberIds: [clerkA.id] });
  const groupB = await createUserGroup(db, b.id, { roleCodes: ['can_bo_thu_ly'], memberIds: [clerkB.id] });
  const assignmentB = await db.db.selectFrom('role_assignments').select('id').where('account_id', '=', clerkB.id).executeTakeFirstOrThrow();
  return { p, a, b, d, cc, provinceAdmin, districtAdmin, adminA, adminB, clerkA, clerkB, officialC, depA, depB, groupA, groupB, assignmentB: assignmentB.id };
}

async function snapshot(w: Awaited<ReturnType<typeof world>>) {
  const db = rt.database.db;
  return {
    agencies: await db.selectFrom('agencies').selectAll().where('path', 'like', `${w.p.path}%`).orderBy('id').execute(),
    departments: await db.selectFrom('departments').selectAll().where('agency_id', 'in', [w.a.id, w.b.id]).orderBy('id').execute(),
    officials: await db.selectFrom('officials').selectAll().where('agency_id', 'in', [w.a.id, w.b.id]).orderBy('account_id').execute(),
    accounts: await db.selectFrom('accounts').select(['id', 'status', 'full_name']).where('id', 'in', [w.clerkA.id, w.clerkB.id, w.adminB.id]).orderBy('id').execute(),
    assignments: await db.selectFrom('role_assignments').selectAll().where('agency_id', 'in', [w.a.id, w.b.id]).orderBy('id').execute(),
    groups: await db.selectFrom('user_groups').selectAll().where('agency_id', 'in', [w.a.id, w.b.id]).orderBy('id').execute(),
    members: await db.selectFrom('user_group_members').selectAll().where('group_id', 'in', [w.groupA.id, w.groupB.id]).orderBy('account_id').execute(),
  };
}

async function auditCount(): Promise<number> {
  const r = await rt.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return r.n;
}

describe('commune partitions', () => {
  it("an administrator of commune A gets 403 reading commune B's data", async () => {
    const w = await world();
    const c = await signedIn(w.adminA);
    const reads = [
      `/api/admin/agencies/${w.b.id}`,
      `/api/admin/agencies?parentId=${w.b.id}`,
      `/api/admin/agencies?parentId=${w.p.id}`,
      `/api/admin/agencies/tree?rootId=${w.b.id}`,
      `/api/admin/agencies/${w.b.id}/departments`,
      `/api/admin/agencies/${w.b.id}/officials`,
      `/api/admin/officials?agencyId=${w.b.id}`,
      `/api/admin/officials/${w.clerkB.id}`,
      `/api/admin/groups?agencyId=${w.b.id}`,
      `/api/admin/groups/${w.groupB.id}`,
      `/api/admin/role-assignments?agencyId=${w.b.id}`,
      `/api/admin/role-assignments?accountId=${w.clerkB.id}`,
    ];
    for (const url of reads) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json<Problem>().code, 'forbidden');
    }
    // Its own commune is readable.
    assert.equal((await c.get(`/api/admin/agencies/${w.a.id}`)).statusCode, 200);
    assert.equal((await c.get(`/api/admin/agencies/${w.a.id}/officials`)).statusCode, 200);
  });

  it('lists show only the caller’s own partition', async () => {
    const w = await world();
    const c = await signedIn(w.adminA);
    const roots = (await ok<Items<AgencyView>>(c.get('/api/admin/agencies'))).items;
    assert.deepEqual(roots.map((r) => r.id), [w.a.id]);
    const tree = (await ok<Items<AgencyView>>(c.get('/api/admin/agencies/tree'))).items;
    assert.deepEqual(tree.map((r) => r.id), [w.a.id]);
    const search = (await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?q=${encodeURIComponent('Xã B')}`))).items;
    assert.ok(!search.some((r) => r.id === w.b.id));
    const detail = await ok<AgencyDetail>(c.get(`/api/admin/agencies/${w.a.id}`));
    assert.deepEqual(detail.ancestors.map((x) => [x.id, x.name, x.accessible]), [[w.p.id, 'Tỉnh P', false]]);
    const officials = (await ok<OfficialPage>(c.get('/api/admin/officials?limit=200'))).items;
    assert.ok(officials.length >= 2);
    assert.ok(officials.every((o) => o.agencyId === w.a.id));
    const groups = (await ok<Items<GroupView>>(c.get('/api/admin/groups'))).items;
    assert.ok(groups.length >= 1 && groups.every((g) => g.agencyId === w.a.id));
    const grants = (await ok<Items<RoleAssignmentView>>(c.get('/api/admin/role-assignments'))).items;
    assert.ok(grants.length >= 2 && grants.every((g) => g.agencyId === w.a.id));
  });

  it("an administrator of commune A gets 403 changing commune B's data, and nothing changes", async () => {
    const w = await world();
    const c = await signedIn(w.adminA);
    const before = await snapshot(w);
    const auditBefore = await auditCount();
    const writes: ['POST' | 'PATCH' | 'DELETE', string, object?][] = [
      ['PATCH', `/api/admin/agencies/${w.b.id}`, { name: 'Xã B đổi tên' }],
      ['POST', `/api/admin/agencies/${w.b.id}/deactivate`],
      ['PATCH', `/api/admin/agencies/${w.a.id}`, { parentId: w.b.id }],
      ['POST', '/api/admin/agencies', { parentId: w.b.id, code: newCode(), name: 'Thôn mới', level: 'other' }],
      ['POST', `/api/admin/agencies/${w.b.id}/departments`, { code: 'MOI', name: 'Phòng mới' }],
      ['PATCH', `/api/admin/departments/${w.depB.id}`, { name: 'Đổi tên' }],
      ['POST', `/api/admin/departments/${w.depB.id}/deactivate`],
      ['POST', '/api/admin/officials', { username: `x${codeSeq}b`, fullName: 'Người Lạ', password: 'MatKhau2025', agencyId: w.b.id }],
      ['PATCH', `/api/admin/officials/${w.clerkB.id}`, { fullName: 'Đổi Tên' }],
      ['PATCH', `/api/admin/officials/${w.clerkA.id}`, { agencyId: w.b.id }],
      ['POST', `/api/admin/officials/${w.clerkB.id}/disable`],
      ['POST', '/api/admin/groups', { agencyId: w.b.id, name: 'Nhóm lạ' }],
      ['PATCH', `/api/admin/groups/${w.groupB.id}`, { name: 'Đổi tên' }],
      ['POST', `/api/admin/groups/${w.groupB.id}/members`, { accountId: w.clerkA.id }],
      ['DELETE', `/api/admin/groups/${w.groupB.id}/members/${w.clerkB.id}`],
      ['DELETE', `/api/admin/groups/${w.groupB.id}`],
      ['POST', `/api/admin/groups/${w.groupA.id}/members`, { accountId: w.clerkB.id }],
      ['POST', '/api/admin/role-assignments', { accountId: w.clerkB.id, roleCode: 'can_bo_thu_ly', agencyId: w.b.id }],
      ['POST', '/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: 'can_bo_thu_ly', agencyId: w.b.id }],
      ['POST', '/api/admin/role-assignments', { accountId: w.clerkB.id, roleCode: 'can_bo_mot_cua', agencyId: w.a.id }],
      ['DELETE', `/api/admin/role-assignments/${w.assignmentB}`],
    ];
    for (const [method, url, body] of writes) {
      const res = await c.request({ method, url, ...(body ? { payload: body } : {}) });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(res.json<Problem>().code, 'forbidden');
    }
    assert.deepEqual(await snapshot(w), before);
    assert.equal(await auditCount(), auditBefore);
  });

  it('a plain official of commune A cannot use the administration API even for A', async () => {
    const w = await world();
    const c = await signedIn(w.clerkA);
    for (const url of [`/api/admin/agencies/${w.a.id}`, `/api/admin/agencies/${w.a.id}/officials`, `/api/admin/groups?agencyId=${w.a.id}`, '/api/admin/roles']) {
      assert.equal((await c.get(url)).statusCode, 403, url);
    }
    assert.equal((await c.post(`/api/admin/agencies/${w.a.id}/departments`, { code: 'X', name: 'Phòng X' })).statusCode, 403);
  });
});

describe('province and subtree administrators', () => {
  it('a province administrator with include_subtree manages both communes, and every change is audited', async () => {
    const w = await world();
    const c = await signedIn(w.provinceAdmin);
    const seqBefore = (await rt.database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
    assert.equal((await c.get(`/api/admin/agencies/${w.a.id}`)).statusCode, 200);
    assert.equal((await c.get(`/api/admin/agencies/${w.b.id}`)).statusCode, 200);
    const depA = await ok<{ id: string }>(c.post(`/api/admin/agencies/${w.a.id}/departments`, { code: 'MC', name: 'Một cửa A', isOneStop: true }), 201);
    const depB = await ok<{ id: string }>(c.post(`/api/admin/agencies/${w.b.id}/departments`, { code: 'MC', name: 'Một cửa B', isOneStop: true }), 201);
    const username = `tinh${Date.now() % 1_000_000}`;
    const off = await ok<OfficialDetail>(
      c.post('/api/admin/officials', { username, fullName: 'Cán Bộ Tỉnh Điều Động', password: 'MatKhau2025', agencyId: w.b.id, departmentId: depB.id }),
      201,
    );
    const moved = await ok<OfficialDetail>(c.patch(`/api/admin/officials/${off.id}`, { agencyId: w.a.id, departmentId: depA.id }));
    assert.deepEqual([moved.agencyId, moved.departmentId], [w.a.id, depA.id]);
    const grant = await c.post('/api/admin/role-assignments', { accountId: w.clerkB.id, roleCode: 'can_bo_mot_cua', agencyId: w.a.id });
    assert.equal(grant.statusCode, 201, grant.body);
    const subtreeGrant = await c.post('/api/admin/role-assignments', { accountId: w.adminB.id, roleCode: 'quan_tri_he_thong', agencyId: w.d.id, includeSubtree: true });
    assert.equal(subtreeGrant.statusCode, 201, subtreeGrant.body);
    const group = await ok<GroupView>(c.post('/api/admin/groups', { agencyId: w.b.id, name: 'Tổ liên thông', roleCodes: ['can_bo_mot_cua'] }), 201);
    assert.equal((await c.post(`/api/admin/groups/${group.id}/members`, { accountId: w.clerkA.id })).statusCode, 200);
    assert.equal((await c.patch(`/api/admin/agencies/${w.b.id}`, { name: 'Xã B (mới)' })).statusCode, 200);
    assert.equal((await c.post(`/api/admin/officials/${w.clerkB.id}/disable`)).statusCode, 200);
    assert.equal((await c.delete(`/api/admin/role-assignments/${w.assignmentB}`)).statusCode, 200);

    const all = (await ok<OfficialPage>(c.get(`/api/admin/officials?agencyId=${w.p.id}&subtree=true&limit=200`))).items;
    const agencies = new Set(all.map((o) => o.agencyId));
    assert.ok(agencies.has(w.a.id) && agencies.has(w.b.id) && agencies.has(w.cc.id));

    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('seq', '>', seqBefore)
      .where('actor_id', '=', w.provinceAdmin.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action).filter((x) => x !== 'session.create'),
      [
        'department.create',
        'department.create',
        'official.create',
        'official.update',
        'role_assignment.grant',
        'role_assignment.grant',
        'user_group.create',
        'user_group.add_member',
        'agency.update',
        'official.disable',
        'role_assignment.revoke',
      ],
    );
  });

  it('a subtree administrator cannot grant outside the subtree, nor include_subtree without a subtree grant', async () => {
    const w = await world();
    const dc = await signedIn(w.districtAdmin);
    // Inside D: fine, also over C's subtree.
    const inside = await dc.post('/api/admin/role-assignments', { accountId: w.officialC.id, roleCode: 'can_bo_thu_ly', agencyId: w.cc.id, includeSubtree: true });
    assert.equal(inside.statusCode, 201, inside.body);
    // Outside D: commune A, the province itself.
    assert.equal((await dc.post('/api/admin/role-assignments', { accountId: w.officialC.id, roleCode: 'can_bo_thu_ly', agencyId: w.a.id })).statusCode, 403);
    assert.equal((await dc.post('/api/admin/role-assignments', { accountId: w.officialC.id, roleCode: 'can_bo_thu_ly', agencyId: w.p.id, includeSubtree: true })).statusCode, 403);
    // An official outside D cannot be given a role inside D by D's administrator either.
    assert.equal((await dc.post('/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: 'can_bo_thu_ly', agencyId: w.cc.id })).statusCode, 403);
    // Nor can D's administrator move C out of D.
    assert.equal((await dc.patch(`/api/admin/agencies/${w.cc.id}`, { parentId: w.p.id })).statusCode, 403);

    // A commune administrator (exact grant) cannot grant include_subtree even on their own commune.
    const ac = await signedIn(w.adminA);
    const exact = await ac.post('/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: 'can_bo_mot_cua', agencyId: w.a.id, includeSubtree: true });
    assert.equal(exact.statusCode, 403);
    const plain = await ac.post('/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: 'can_bo_mot_cua', agencyId: w.a.id });
    assert.equal(plain.statusCode, 201, plain.body);
    const granted = await rt.database.db.selectFrom('role_assignments').select('id').where('account_id', '=', w.clerkA.id).execute();
    assert.equal(granted.length, 2);
  });

  it('nobody hands out permissions they do not hold', async () => {
    const w = await world();
    const code = `test_users_${Date.now() % 1_000_000}`;
    await rt.database.db.insertInto('roles').values({ code, name: 'Quản lý người dùng', name_en: 'User manager', description: '', permissions: ['users.manage'], sort_order: 99 }).execute();
    const manager = await createOfficial(rt.database, w.a.id, [code]);
    const c = await signedIn(manager);
    assert.equal((await c.post('/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: 'quan_tri_he_thong', agencyId: w.a.id })).statusCode, 403);
    assert.equal((await c.post('/api/admin/groups', { agencyId: w.a.id, name: 'Nhóm quản trị', roleCodes: ['quan_tri_he_thong'] })).statusCode, 403);
    assert.equal((await c.post(`/api/admin/groups/${w.groupA.id}/members`, { accountId: manager.id })).statusCode, 403);
    const same = await c.post('/api/admin/role-assignments', { accountId: w.clerkA.id, roleCode: code, agencyId: w.a.id });
    assert.equal(same.statusCode, 201, same.body);
    await rt.database.db.deleteFrom('role_assignments').where('role_code', '=', code).execute();
    await rt.database.db.deleteFrom('roles').where('code', '=', code).execute();
  });
});
