import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type {
  AgencyDetail,
  AgencyTreeNode,
  AgencyView,
  DepartmentView,
  GroupDetail,
  GroupView,
  OfficialDetail,
  OfficialPage,
  RoleAssignmentView,
  RoleView,
} from '../../src/modules/org/schema.ts';
import { createAccount, createAgency, createDepartment, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

type Items<T> = { items: T[] };
type Problem = { code: string; errors?: { field: string; message: string }[] };

/** Asserts the status and returns the typed body. */
async function expectStatus<T>(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, status: number): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json<T>();
}
const ok = <T>(res: LightMyRequestResponse | Promise<LightMyRequestResponse>) => expectStatus<T>(res, 200);
const created = <T>(res: LightMyRequestResponse | Promise<LightMyRequestResponse>) => expectStatus<T>(res, 201);
/** The sorted, distinct fields named by a 400 answer. */
async function badFields(res: LightMyRequestResponse | Promise<LightMyRequestResponse>): Promise<string[]> {
  const p = await expectStatus<Problem>(res, 400);
  return [...new Set((p.errors ?? []).map((e) => e.field))].sort();
}
const status = async (res: Promise<LightMyRequestResponse>) => (await res).statusCode;

let ipCounter = 0;
/** A signed-in client, each from its own address so the sign-in rate limit never interferes. */
async function signedIn(user: { username: string; password: string }): Promise<TestClient> {
  ipCounter += 1;
  const c = await new TestClient(rt.app, `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`).init();
  const res = await c.signIn(user.username, user.password);
  assert.equal(res.statusCode, 200, res.body);
  return c;
}

/** A fresh top-level province with its own system administrator (over the whole tree). */
async function province() {
  const root = await createAgency(rt.database, { level: 'province', name: 'Tỉnh Thử Nghiệm' });
  const admin = await createOfficial(rt.database, root.id, ['quan_tri_he_thong'], { includeSubtree: true });
  return { root, admin, c: await signedIn(admin) };
}

let codeSeq = 100;
/** A QCVN 102 code nobody else uses in this run. */
function newCode(): string {
  codeSeq += 1;
  return `000.00.${String(codeSeq % 100).padStart(2, '0')}.Z${String(Math.floor(codeSeq / 100)).padStart(2, '0')}`;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await rt.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

async function countAgencies(): Promise<number> {
  const r = await rt.database.db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return r.n;
}

describe('agencies', () => {
  it('creates a tree, lists children, shows ancestors and the nested tree', async () => {
    const { root, c } = await province();
    const dist = await created<AgencyView>(c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: '  Huyện   Đông Sơn ', level: 'district' }));
    assert.equal(dist.name, 'Huyện Đông Sơn');
    assert.equal(dist.depth, 1);
    const commune = await created<AgencyView>(
      c.post('/api/admin/agencies', { parentId: dist.id, code: newCode().toLowerCase(), name: 'Xã Đông Hòa', level: 'commune', email: 'XA@Example.vn' }),
    );
    assert.match(commune.code, /^[0-9A-Z.]+$/);
    assert.equal(commune.email, 'xa@example.vn');
    const row = await rt.database.db.selectFrom('agencies').select(['path', 'depth']).where('id', '=', commune.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { path: `${root.path}${dist.id}/${commune.id}/`, depth: 2 });

    const children = await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?parentId=${root.id}`));
    assert.deepEqual(children.items.map((a) => [a.id, a.childCount]), [[dist.id, 1]]);
    const roots = await ok<Items<AgencyView>>(c.get('/api/admin/agencies'));
    assert.deepEqual(roots.items.map((a) => a.id), [root.id]);
    const one = await ok<AgencyDetail>(c.get(`/api/admin/agencies/${commune.id}`));
    assert.deepEqual(one.ancestors.map((a) => [a.id, a.accessible]), [[root.id, true], [dist.id, true]]);
    const tree = await ok<Items<AgencyTreeNode>>(c.get('/api/admin/agencies/tree'));
    assert.equal(tree.items.length, 1);
    assert.equal(tree.items[0]?.children[0]?.children[0]?.id, commune.id);
    assert.deepEqual(await auditActions(commune.id), ['agency.create']);
  });

  it('names every bad field and writes nothing', async () => {
    const { root, c } = await province();
    const before = await countAgencies();
    const res = await c.post('/api/admin/agencies', { parentId: 'not-a-uuid', code: '12.34', name: ' ', level: 'village', email: 'sai', phone: '12' });
    const problem = res.json<Problem>();
    assert.deepEqual(await badFields(res), ['body.code', 'body.email', 'body.level', 'body.name', 'body.parentId', 'body.phone']);
    assert.equal(problem.errors?.find((e) => e.field === 'body.code')?.message, 'Mã cơ quan phải theo QCVN 102, ví dụ 000.00.00.H56');
    const missingParent = c.post('/api/admin/agencies', { parentId: crypto.randomUUID(), code: newCode(), name: 'Xã Mồ Côi', level: 'commune' });
    assert.deepEqual(await badFields(missingParent), ['body.parentId']);
    assert.equal(await countAgencies(), before);
    assert.deepEqual(await badFields(c.patch(`/api/admin/agencies/${root.id}`, { code: 'H56', name: 'x' })), ['body.code', 'body.name']);
  });

  it('refuses a duplicate code with 409 on create and on update', async () => {
    const { root, c } = await province();
    const code = newCode();
    await created(c.post('/api/admin/agencies', { parentId: root.id, code, name: 'Xã Một', level: 'commune' }));
    const dup = await expectStatus<Problem>(c.post('/api/admin/agencies', { parentId: root.id, code, name: 'Xã Hai', level: 'commune' }), 409);
    assert.equal(dup.code, 'duplicate_agency_code');
    assert.equal(await rt.database.db.selectFrom('agencies').select('id').where('name', '=', 'Xã Hai').where('parent_id', '=', root.id).executeTakeFirst(), undefined);
    const other = await created<AgencyView>(c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: 'Xã Ba', level: 'commune' }));
    assert.equal(await status(c.patch(`/api/admin/agencies/${other.id}`, { code })), 409);
  });

  it('refuses to move an agency under itself or its descendant', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id, level: 'district' });
    const b = await createAgency(rt.database, { parentId: a.id });
    for (const target of [a.id, b.id]) {
      assert.deepEqual(await badFields(c.patch(`/api/admin/agencies/${a.id}`, { parentId: target })), ['body.parentId']);
    }
    const row = await rt.database.db.selectFrom('agencies').select(['path', 'parent_id']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { path: a.path, parent_id: root.id });
  });

  it('moves an agency with its whole subtree (paths and depths of descendants)', async () => {
    const { root, c } = await province();
    const d1 = await createAgency(rt.database, { parentId: root.id, level: 'district' });
    const d2 = await createAgency(rt.database, { parentId: root.id, level: 'district' });
    const x = await createAgency(rt.database, { parentId: d1.id, level: 'commune' });
    const y = await createAgency(rt.database, { parentId: x.id, level: 'other' });
    const z = await createAgency(rt.database, { parentId: y.id, level: 'other' });
    const moved = await ok<AgencyView>(c.patch(`/api/admin/agencies/${x.id}`, { parentId: d2.id, name: 'Xã Đã Chuyển' }));
    assert.equal(moved.parentId, d2.id);
    const rows = await rt.database.db.selectFrom('agencies').select(['id', 'path', 'depth']).where('id', 'in', [x.id, y.id, z.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, [r.path, r.depth]]));
    assert.deepEqual(byId.get(x.id), [`${d2.path}${x.id}/`, 2]);
    assert.deepEqual(byId.get(y.id), [`${d2.path}${x.id}/${y.id}/`, 3]);
    assert.deepEqual(byId.get(z.id), [`${d2.path}${x.id}/${y.id}/${z.id}/`, 4]);
    // Up towards the top: depth shrinks for the whole subtree.
    await ok(c.patch(`/api/admin/agencies/${y.id}`, { parentId: root.id }));
    const zRow = await rt.database.db.selectFrom('agencies').select(['path', 'depth']).where('id', '=', z.id).executeTakeFirstOrThrow();
    assert.deepEqual(zRow, { path: `${root.path}${y.id}/${z.id}/`, depth: 2 });
    const audit = await rt.database.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', x.id).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'agency.update');
    assert.equal(audit.summary.movedDescendants, 2);
  });

  it('searches agency names without diacritics', async () => {
    const { root, c } = await province();
    const tag = `${Date.now() % 100000}`;
    await created(c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: `Xã Đông Tiến ${tag}`, level: 'commune' }));
    await created(c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: `Xã Hoằng Phụ ${tag}`, level: 'commune' }));
    for (const q of [`dong tien ${tag}`, `ĐÔNG TIẾN ${tag}`, `Dong Tien ${tag}`]) {
      const res = await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?q=${encodeURIComponent(q)}`));
      assert.deepEqual(res.items.map((a) => a.name), [`Xã Đông Tiến ${tag}`], q);
    }
    assert.equal((await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?q=${tag}&parentId=${root.id}`))).items.length, 2);
  });

  it('deactivates only leaves, hides inactive agencies, and reactivates', async () => {
    const { root, c } = await province();
    const d = await createAgency(rt.database, { parentId: root.id, level: 'district' });
    const x = await createAgency(rt.database, { parentId: d.id });
    assert.equal((await expectStatus<Problem>(c.post(`/api/admin/agencies/${d.id}/deactivate`), 409)).code, 'has_active_children');
    assert.equal((await ok<AgencyView>(c.post(`/api/admin/agencies/${x.id}/deactivate`))).active, false);
    assert.equal((await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?parentId=${d.id}`))).items.length, 0);
    assert.equal((await ok<Items<AgencyView>>(c.get(`/api/admin/agencies?parentId=${d.id}&includeInactive=true`))).items.length, 1);
    assert.equal((await ok<AgencyView>(c.post(`/api/admin/agencies/${x.id}/activate`))).active, true);
    assert.deepEqual(await auditActions(x.id), ['agency.deactivate', 'agency.activate']);
  });

  it('lets only a top-level system administrator create a top-level agency', async () => {
    const { root } = await province();
    const c = await signedIn(await createOfficial(rt.database, root.id, ['quan_tri_he_thong']));
    assert.equal(await status(c.post('/api/admin/agencies', { code: newCode(), name: 'Tỉnh Mới', level: 'province' })), 403);
    // An exact (non-subtree) grant on the province does not reach a new child either.
    assert.equal(await status(c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: 'Xã Mới', level: 'commune' })), 403);
    const { c: top } = await province();
    const made = await created<AgencyView>(top.post('/api/admin/agencies', { code: newCode(), name: 'Tỉnh Mới', level: 'province' }));
    assert.equal(made.depth, 0);
  });
});

describe('departments', () => {
  it('creates, lists, updates and deactivates departments; codes are unique per agency', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const b = await createAgency(rt.database, { parentId: root.id });
    const one = await created<DepartmentView>(c.post(`/api/admin/agencies/${a.id}/departments`, { code: 'mc', name: 'Bộ phận Một cửa', isOneStop: true }));
    assert.deepEqual([one.code, one.isOneStop], ['MC', true]);
    const dup = await expectStatus<Problem>(c.post(`/api/admin/agencies/${a.id}/departments`, { code: 'MC', name: 'Khác' }), 409);
    assert.equal(dup.code, 'duplicate_department_code');
    await created(c.post(`/api/admin/agencies/${b.id}/departments`, { code: 'MC', name: 'Một cửa xã B' }));
    const bad = c.post(`/api/admin/agencies/${a.id}/departments`, { code: 'mã có dấu', name: '', isOneStop: 'yes' });
    assert.deepEqual(await badFields(bad), ['body.code', 'body.isOneStop', 'body.name']);
    assert.deepEqual((await ok<Items<DepartmentView>>(c.get(`/api/admin/agencies/${a.id}/departments`))).items.map((d) => d.code), ['MC']);

    const two = await created<DepartmentView>(c.post(`/api/admin/agencies/${a.id}/departments`, { code: 'VHXH', name: 'Văn hóa - Xã hội' }));
    assert.equal(await status(c.patch(`/api/admin/departments/${two.id}`, { code: 'MC' })), 409);
    assert.equal((await ok<DepartmentView>(c.patch(`/api/admin/departments/${two.id}`, { name: 'Phòng Văn hóa – Xã hội' }))).name, 'Phòng Văn hóa – Xã hội');

    // Not while an official works there.
    const off = await createOfficial(rt.database, a.id, []);
    await rt.database.db.updateTable('officials').set({ department_id: two.id }).where('account_id', '=', off.id).execute();
    assert.equal(await status(c.post(`/api/admin/departments/${two.id}/deactivate`)), 409);
    await rt.database.db.updateTable('officials').set({ department_id: null }).where('account_id', '=', off.id).execute();
    assert.equal((await ok<DepartmentView>(c.post(`/api/admin/departments/${two.id}/deactivate`))).active, false);
    assert.equal((await ok<Items<DepartmentView>>(c.get(`/api/admin/agencies/${a.id}/departments`))).items.length, 1);
    assert.deepEqual(await auditActions(two.id), ['department.create', 'department.update', 'department.deactivate']);
  });
});

describe('officials', () => {
  it('creates an official who can sign in; bad fields are named and nothing is written', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const dep = await createDepartment(rt.database, a.id);
    const username = `cb${Date.now() % 1_000_000}`;
    const off = await created<OfficialDetail>(
      c.post('/api/admin/officials', {
        ...{ username: ` ${username.toUpperCase()} `, fullName: 'Lê Thị Hoà', email: `${username}@thanhhoa.gov.vn`, phone: '0912345678' },
        ...{ password: 'MatKhau2025', agencyId: a.id, departmentId: dep.id, positionCode: 'CV', title: 'Chuyên viên', birthDate: '1990-05-01', gender: 'female' },
      }),
    );
    assert.deepEqual([off.username, off.birthDate, off.departmentId, off.status], [username, '1990-05-01', dep.id, 'active']);
    const row = await rt.database.db.selectFrom('accounts').select(['kind', 'password_hash']).where('id', '=', off.id).executeTakeFirstOrThrow();
    assert.equal(row.kind, 'official');
    assert.notEqual(row.password_hash, 'MatKhau2025');
    await signedIn({ username, password: 'MatKhau2025' });
    const audit = await rt.database.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', off.id).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'official.create');
    assert.doesNotMatch(JSON.stringify(audit.summary), /MatKhau2025|argon2/);

    const dup = await expectStatus<Problem>(c.post('/api/admin/officials', { username, fullName: 'Người Khác', password: 'MatKhau2025', agencyId: a.id }), 409);
    assert.equal(dup.code, 'duplicate_username');
    const bad = c.post('/api/admin/officials', { username: 'a b', fullName: 'X', email: 'sai', phone: '123', password: 'ngan', agencyId: 'x', birthDate: '01/05/1990' });
    assert.deepEqual(await badFields(bad), ['body.agencyId', 'body.birthDate', 'body.email', 'body.fullName', 'body.password', 'body.phone', 'body.username']);
    const other = await createAgency(rt.database, { parentId: root.id });
    const wrongDep = c.post('/api/admin/officials', { username: `${username}x`, fullName: 'Trần Văn Bình', password: 'MatKhau2025', agencyId: other.id, departmentId: dep.id });
    assert.deepEqual(await badFields(wrongDep), ['body.departmentId']);
    assert.equal(await rt.database.db.selectFrom('accounts').select('id').where('username', '=', `${username}x`).executeTakeFirst(), undefined);
  });

  it('updates an official, and disabling ends their sessions', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const b = await createAgency(rt.database, { parentId: root.id });
    const depB = await createDepartment(rt.database, b.id);
    const off = await createOfficial(rt.database, a.id, ['can_bo_thu_ly']);
    const theirs = await signedIn(off);
    const upd = await ok<OfficialDetail>(c.patch(`/api/admin/officials/${off.id}`, { fullName: 'Phạm Văn Đức', title: 'Phó trưởng phòng', agencyId: b.id, departmentId: depB.id }));
    assert.deepEqual([upd.fullName, upd.agencyId, upd.departmentId, upd.title], ['Phạm Văn Đức', b.id, depB.id, 'Phó trưởng phòng']);
    assert.equal(await status(theirs.get('/api/auth/me')), 200);

    assert.equal((await ok<OfficialDetail>(c.post(`/api/admin/officials/${off.id}/disable`))).status, 'disabled');
    assert.equal(await status(theirs.get('/api/auth/me')), 401);
    const again = await new TestClient(rt.app, '10.9.9.9').init();
    assert.equal((await again.signIn(off.username, off.password)).statusCode, 403);
    assert.equal((await ok<OfficialDetail>(c.post(`/api/admin/officials/${off.id}/enable`))).status, 'active');
    await signedIn(off);
    assert.deepEqual(await auditActions(off.id), ['official.update', 'official.disable', 'official.enable']);
  });

  it('refuses to disable oneself', async () => {
    const { admin, c } = await province();
    assert.equal(await status(c.post(`/api/admin/officials/${admin.id}/disable`)), 409);
  });

  it('pages officials of an agency by name with a keyset cursor, and searches without diacritics', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const names = ['Đỗ Minh Anh', 'Bùi Thị Bích', 'Nguyễn Văn An', 'Trần Thị Hoà', 'Lê Văn Cường', 'Hoàng Thị Dung', 'Vũ Văn Em'];
    for (const fullName of names) {
      await created(c.post('/api/admin/officials', { username: `kp${crypto.randomUUID().slice(0, 8)}`, fullName, password: 'MatKhau2025', agencyId: a.id }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: OfficialPage = await ok<OfficialPage>(c.get(`/api/admin/agencies/${a.id}/officials?limit=3${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`));
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((i) => i.fullName));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, names.length);
    const dbOrder = await rt.database.db
      .selectFrom('accounts as ac')
      .innerJoin('officials as o', 'o.account_id', 'ac.id')
      .select('ac.full_name')
      .where('o.agency_id', '=', a.id)
      .orderBy('ac.full_name')
      .orderBy('ac.id')
      .execute();
    assert.deepEqual(seen, dbOrder.map((r) => r.full_name));

    const found = await ok<OfficialPage>(c.get(`/api/admin/officials?agencyId=${a.id}&q=${encodeURIComponent('tran thi hoa')}`));
    assert.deepEqual(found.items.map((i) => i.fullName), ['Trần Thị Hoà']);
    assert.deepEqual(await badFields(c.get('/api/admin/officials?after=rac&limit=0')), ['querystring.limit']);
    assert.deepEqual(await badFields(c.get('/api/admin/officials?after=rac')), ['querystring.after']);
  });
});

describe('roles and assignments', () => {
  it('lists roles; a top-level administrator edits one, checking permission codes', async () => {
    const { root, c } = await province();
    const list = await ok<Items<RoleView> & { permissions: string[] }>(c.get('/api/admin/roles'));
    assert.ok(list.items.some((r) => r.code === 'quan_tri_he_thong'));
    assert.ok(list.permissions.includes('dossiers.read'));
    const bad = c.patch('/api/admin/roles/nhan_vien_buu_chinh', { permissions: ['postal.handle', 'fly.away'], name: '' });
    assert.deepEqual(await badFields(bad), ['body.name', 'body.permissions.1']);
    const edited = await ok<RoleView>(c.patch('/api/admin/roles/nhan_vien_buu_chinh', { name: 'Nhân viên bưu chính công ích', permissions: ['postal.handle', 'dossiers.read'] }));
    assert.deepEqual(edited.permissions, ['postal.handle', 'dossiers.read']);
    assert.deepEqual(await badFields(c.patch('/api/admin/roles/quan_tri_he_thong', { permissions: ['org.manage'] })), ['body.permissions']);
    const communeAdmin = await createOfficial(rt.database, (await createAgency(rt.database, { parentId: root.id })).id, ['quan_tri_he_thong']);
    const cc = await signedIn(communeAdmin);
    assert.equal(await status(cc.patch('/api/admin/roles/nhan_vien_buu_chinh', { name: 'Tên khác' })), 403);
    assert.equal(await status(c.patch('/api/admin/roles/khong_co', { name: 'Tên khác' })), 404);
    await ok(c.patch('/api/admin/roles/nhan_vien_buu_chinh', { name: 'Nhân viên bưu chính', permissions: ['postal.handle'] }));
    assert.deepEqual(await auditActions('nhan_vien_buu_chinh'), ['role.update', 'role.update']);
  });

  it('grants and revokes roles; the grant takes effect at once', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const off = await createOfficial(rt.database, a.id, []);
    const theirs = await signedIn(off);
    assert.equal(await status(theirs.get(`/api/admin/agencies/${a.id}/officials`)), 403);
    const g = await created<RoleAssignmentView>(c.post('/api/admin/role-assignments', { accountId: off.id, roleCode: 'quan_tri_he_thong', agencyId: a.id }));
    assert.equal(g.includeSubtree, false);
    assert.equal(await status(theirs.get(`/api/admin/agencies/${a.id}/officials`)), 200);
    assert.equal(await status(c.post('/api/admin/role-assignments', { accountId: off.id, roleCode: 'quan_tri_he_thong', agencyId: a.id })), 409);
    assert.deepEqual(await badFields(c.post('/api/admin/role-assignments', { accountId: off.id, roleCode: 'vua', agencyId: a.id })), ['body.roleCode']);
    const citizen = await createAccount(rt.database);
    const notOfficial = c.post('/api/admin/role-assignments', { accountId: citizen.id, roleCode: 'can_bo_thu_ly', agencyId: a.id });
    assert.deepEqual(await badFields(notOfficial), ['body.accountId']);
    const bad = c.post('/api/admin/role-assignments', { accountId: 'x', agencyId: 5, includeSubtree: 'yes' });
    assert.deepEqual(await badFields(bad), ['body.accountId', 'body.agencyId', 'body.includeSubtree', 'body.roleCode']);

    const listed = await ok<Items<RoleAssignmentView>>(c.get(`/api/admin/role-assignments?accountId=${off.id}`));
    assert.deepEqual(listed.items.map((r) => r.roleCode), ['quan_tri_he_thong']);
    assert.equal((await ok<OfficialDetail>(c.get(`/api/admin/officials/${off.id}`))).roles.length, 1);
    await ok(c.delete(`/api/admin/role-assignments/${g.id}`));
    assert.equal(await status(theirs.get(`/api/admin/agencies/${a.id}/officials`)), 403);
    assert.equal(await status(c.delete(`/api/admin/role-assignments/${g.id}`)), 404);
    assert.deepEqual(await auditActions(g.id), ['role_assignment.grant', 'role_assignment.revoke']);
  });
});

describe('user groups', () => {
  it('creates a group with roles whose members get those rights; edits, removes and deletes', async () => {
    const { root, c } = await province();
    const a = await createAgency(rt.database, { parentId: root.id });
    const off = await createOfficial(rt.database, a.id, []);
    const theirs = await signedIn(off);
    assert.deepEqual(await badFields(c.post('/api/admin/groups', { agencyId: a.id, name: 'x', roleCodes: 'admin' })), ['body.name', 'body.roleCodes']);
    assert.deepEqual(await badFields(c.post('/api/admin/groups', { agencyId: a.id, name: 'Tổ quản trị', roleCodes: ['khong_co'] })), ['body.roleCodes']);
    assert.equal(await rt.database.db.selectFrom('user_groups').select('id').where('agency_id', '=', a.id).executeTakeFirst(), undefined);

    const g = await created<GroupDetail>(c.post('/api/admin/groups', { agencyId: a.id, name: ' Tổ quản trị ', description: 'Quản trị xã', roleCodes: ['quan_tri_he_thong'] }));
    assert.equal(g.name, 'Tổ quản trị');
    assert.equal(await status(c.post('/api/admin/groups', { agencyId: a.id, name: 'Tổ quản trị' })), 409);

    const added = await ok<GroupDetail>(c.post(`/api/admin/groups/${g.id}/members`, { accountId: off.id }));
    assert.deepEqual(added.members.map((m) => m.accountId), [off.id]);
    assert.equal(await status(c.post(`/api/admin/groups/${g.id}/members`, { accountId: off.id })), 409);
    assert.equal(await status(theirs.get(`/api/admin/agencies/${a.id}/officials`)), 200);

    const list = await ok<Items<GroupView>>(c.get(`/api/admin/groups?agencyId=${a.id}&q=${encodeURIComponent('to quan tri')}`));
    assert.deepEqual(list.items.map((x) => x.memberCount), [1]);
    const upd = await ok<GroupDetail>(c.patch(`/api/admin/groups/${g.id}`, { roleCodes: ['can_bo_thu_ly'], description: '' }));
    assert.deepEqual([upd.roleCodes, upd.description], [['can_bo_thu_ly'], '']);
    assert.equal(await status(theirs.get(`/api/admin/agencies/${a.id}/officials`)), 403);

    assert.equal((await ok<GroupDetail>(c.delete(`/api/admin/groups/${g.id}/members/${off.id}`))).members.length, 0);
    assert.equal(await status(c.delete(`/api/admin/groups/${g.id}/members/${off.id}`)), 404);
    await ok(c.delete(`/api/admin/groups/${g.id}`));
    assert.equal(await status(c.get(`/api/admin/groups/${g.id}`)), 404);
    const actions = ['create', 'add_member', 'update', 'remove_member', 'delete'].map((x) => `user_group.${x}`);
    assert.deepEqual(await auditActions(g.id), actions);
  });
});

describe('access basics', () => {
  it('asks for sign-in, refuses citizens and checks the CSRF token', async () => {
    const { root, c } = await province();
    const anon = await new TestClient(rt.app).init();
    assert.equal(await status(anon.get('/api/admin/agencies')), 401);
    const citizen = await signedIn(await createAccount(rt.database));
    assert.equal(await status(citizen.get('/api/admin/agencies')), 403);
    assert.equal(await status(citizen.get('/api/admin/roles')), 403);
    const noCsrf = c.post('/api/admin/agencies', { parentId: root.id, code: newCode(), name: 'Xã Không CSRF', level: 'commune' }, { csrf: false });
    assert.equal((await expectStatus<Problem>(noCsrf, 403)).code, 'csrf_invalid');
  });

  it('documents every organisation route in OpenAPI', async () => {
    type Spec = { paths: Record<string, Record<string, { tags?: string[] }>> };
    const spec = await ok<Spec>((await new TestClient(rt.app).init()).get('/api/openapi.json'));
    const orgPaths = Object.entries(spec.paths).filter(([p]) => /^\/api\/admin\/(agencies|departments|officials|roles|role-assignments|groups)/.test(p));
    assert.ok(orgPaths.length >= 15);
    for (const [, ops] of orgPaths) for (const op of Object.values(ops)) assert.deepEqual(op.tags, ['Tổ chức / Organisation']);
  });
});
