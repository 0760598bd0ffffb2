import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { isAgencyCode } from '../../src/domain/agency-code.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_CITIZENS,
  DEMO_COMMUNES,
  DEMO_OFFICIALS,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
} from '../../src/seed/demo-accounts.ts';
import { demoCommuneAgencyCode } from '../../src/seed/demo-org.ts';
import { seed } from '../../src/seed/seed.ts';
import { validateProcess } from '../../src/domain/process-validation.ts';
import { definitionOf, legalDeadlineOf, problemsOf } from '../../src/modules/processes/store.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

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
const timings: number[] = [];
const logs: string[] = [];

async function counts(): Promise<Record<string, number>> {
  const db = rt.database.db;
  const n = async (
    table:
      | 'agencies'
      | 'departments'
      | 'accounts'
      | 'officials'
      | 'role_assignments'
      | 'user_groups'
      | 'user_group_members'
      | 'catalog_items'
      | 'calendar_days'
      | 'procedures'
      | 'procedure_history'
      | 'procedure_agencies'
      | 'procedure_fields'
      | 'guides'
      | 'process_definitions'
      | 'dossiers'
      | 'dossier_events',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    agencies: await n('agencies'),
    departments: await n('departments'),
    accounts: await n('accounts'),
    officials: await n('officials'),
    role_assignments: await n('role_assignments'),
    user_groups: await n('user_groups'),
    user_group_members: await n('user_group_members'),
    catalog_items: await n('catalog_items'),
    calendar_days: await n('calendar_days'),
    procedures: await n('procedures'),
    procedure_history: await n('procedure_history'),
    procedure_agencies: await n('procedure_agencies'),
    procedure_fields: await n('procedure_fields'),
    guides: await n('guides'),
    process_definitions: await n('process_definitions'),
    dossiers: await n('dossiers'),
    dossier_events: await n('dossier_events'),
  };
}

let first: Record<string, number>;
let second: Record<string, number>;

before(async () => {
  rt = await startTestRuntime();
  for (let run = 0; run < 2; run++) {
    const t0 = Date.now();
    await seed(rt.services, (m) => logs.push(m));
    timings.push(Date.now() - t0);
    if (run === 0) first = await counts();
    else second = await counts();
  }
});
after(async () => rt.stop());

async function provinceId(): Promise<string> {
  return (
    await rt.database.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', DEMO_PROVINCE.agencyCode)
      .executeTakeFirstOrThrow()
  ).id;
}

describe('demonstration data', () => {
  it('is idempotent: seeding twice gives the same counts', (t) => {
    t.diagnostic(`seed on ${rt.database.kind}: first run ${timings[0]} ms, second run ${timings[1]} ms`);
    assert.deepEqual(second, first);
    assert.equal(first.agencies, 1 + 6 + 166);
    assert.equal(first.departments, 6 * 3 + 166 * 4);
    assert.equal(first.officials, DEMO_OFFICIALS.length);
    assert.equal(first.accounts, DEMO_OFFICIALS.length + 5 + 2);
    assert.equal(first.user_groups, 2);
    assert.ok(
      logs.some((l) => l.startsWith('Đã nạp dữ liệu mẫu')),
      logs.join('\n'),
    );
  });

  it('makes demonstration dossiers at Sở Tư pháp in many places of their process, through the service', async () => {
    const dossiers = first.dossiers ?? 0;
    assert.ok(dossiers >= 10, `dossiers ${dossiers}`);
    assert.ok((first.dossier_events ?? 0) > dossiers, `events ${first.dossier_events}`);
    const statuses = await rt.database.db.selectFrom('dossiers').select('status').distinct().execute();
    for (const s of [
      'moi_dang_ky',
      'duoc_tiep_nhan',
      'dang_xu_ly',
      'yeu_cau_bo_sung',
      'da_xu_ly_xong',
      'da_tra_ket_qua',
      'khong_duoc_tiep_nhan',
    ]) {
      assert.ok(
        statuses.some((r) => r.status === s),
        `no demo dossier in ${s}`,
      );
    }
    const tasks = await rt.database.db.selectFrom('dossiers').select('task').distinct().execute();
    for (const t of ['receive', 'assign', 'process', 'approve', 'sign', 'return', 'done']) {
      assert.ok(
        tasks.some((r) => r.task === t),
        `no demo dossier at task ${t}`,
      );
    }
  });

  it('loads the 1,601 national procedures through the import path, published where complete', async () => {
    const db = rt.database.db;
    assert.equal(first.procedures, 1601);
    const byStatus = await db
      .selectFrom('procedures')
      .select(['status', 'source', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['status', 'source'])
      .execute();
    assert.ok(
      byStatus.every((r) => r.source === 'national' && (r.status === 'published' || r.status === 'draft')),
    );
    const published = Number(byStatus.find((r) => r.status === 'published')?.n ?? 0);
    assert.ok(published > 1400, `published ${published}`);
    // Drafts are exactly those missing an attribute II.1.2 requires.
    const report = logs.find((l) => l.startsWith('Thủ tục hành chính:')) ?? '';
    assert.match(report, new RegExp(`công bố ${published}`));
    const birth = await rt.services.publicCatalog.get('1.001193');
    assert.equal(birth.content.name, 'Thủ tục đăng ký khai sinh');
    assert.equal(birth.field.name, 'Hộ tịch');
    assert.equal(birth.agencies.filter((a) => /^(Xã|Phường)/.test(a.name)).length, 166);
    assert.ok((first.guides ?? 0) >= 10);
  });

  it('gives every published procedure a published process that fits its legal deadline (II.3.1–3.4)', async (t) => {
    const db = rt.database.db;
    const rows = await db
      .selectFrom('process_definitions as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .select([
        'd.definition',
        'd.agency_id',
        'd.status',
        'd.version',
        'p.code',
        'p.status as procedure_status',
      ])
      .select(sql`p.published`.as('published'))
      .execute();
    const defaults = rows.filter((r) => r.agency_id === null);
    const published = await db
      .selectFrom('procedures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    assert.equal(defaults.length, Number(published.n));
    assert.equal(first.process_definitions, defaults.length + 1);
    assert.ok(
      rows.every((r) => r.status === 'published' && r.version === 1 && r.procedure_status === 'published'),
    );
    let coordinated = 0;
    for (const r of rows) {
      const def = definitionOf(r);
      if (def.transitions.some((t) => t.action === 'coordinate')) coordinated++;
      const legal = legalDeadlineOf({ content: null, published: r.published });
      assert.deepEqual(validateProcess(def, { legalDeadline: legal }), [], r.code);
    }
    assert.ok(coordinated > 100 && coordinated < defaults.length, `coordinated ${coordinated}`);
    // References (roles, departments, coordinating agencies) exist, checked on a sample.
    for (const r of rows.filter((_, i) => i % 97 === 0 || _.agency_id !== null))
      assert.deepEqual(await problemsOf(db, definitionOf(r), null), [], r.code);
    // Birth registration has Phường Hạc Thành's own variant, acted by its departments.
    const variant = await rt.services.processes.publishedFor('1.001193', demoCommuneAgencyCode(1));
    assert.ok(variant?.agencyName === 'Phường Hạc Thành', JSON.stringify(variant?.agencyName));
    assert.ok(variant.definition.steps.some((s) => s.actor?.kind === 'department'));
    assert.equal((await rt.services.processes.publishedFor('1.001193', null))?.agencyId, null);
    const report = logs.find((l) => l.startsWith('Quy trình xử lý: '));
    assert.ok(report);
    t.diagnostic(report);
  });

  it('puts every real commune of Thanh Hóa under the province, with QCVN 102-style codes', async () => {
    const db = rt.database.db;
    const communes = await db
      .selectFrom('agencies')
      .select(['code', 'name', 'admin_unit_code', 'level', 'depth'])
      .where('parent_id', '=', await provinceId())
      .where('level', '=', 'commune')
      .orderBy('admin_unit_code')
      .execute();
    assert.equal(communes.length, 166);
    const catalog = await db
      .selectFrom('catalog_items')
      .select(['code', 'name'])
      .where('catalog', '=', 'commune')
      .where('parent_code', '=', '38')
      .orderBy('code')
      .execute();
    assert.deepEqual(
      communes.map((c) => [c.admin_unit_code, c.name]),
      catalog.map((c) => [c.code, c.name]),
    );
    assert.ok(communes.every((c) => isAgencyCode(c.code) && c.code.endsWith('.H56') && c.depth === 1));
    assert.equal(new Set(communes.map((c) => c.code)).size, 166);
    const hacThanh = communes.find((c) => c.admin_unit_code === DEMO_COMMUNES.hacthanh.code);
    assert.equal(hacThanh?.name, 'Phường Hạc Thành');
    assert.equal(hacThanh?.code, demoCommuneAgencyCode(1));
    assert.equal(demoCommuneAgencyCode(0), '000.01.50.H56');
    assert.equal(demoCommuneAgencyCode(165), '000.67.51.H56');
    const units = await db
      .selectFrom('agencies')
      .select(['code', 'level'])
      .where('level', '=', 'province_department')
      .orderBy('code')
      .execute();
    assert.deepEqual(
      units.map((u) => u.code),
      ['000.00.01.H56', '000.00.02.H56', '000.00.03.H56', '000.00.04.H56', '000.00.05.H56', '000.00.06.H56'],
    );
    const oneStops = await db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('is_one_stop', '=', true)
      .executeTakeFirstOrThrow();
    assert.equal(Number(oneStops.n), 166 + 6);
  });

  it('gives every role to someone, across the province, its departments and 3 communes', async () => {
    const db = rt.database.db;
    const roles = (await db.selectFrom('roles').select('code').execute()).map((r) => r.code).sort();
    const held = (await db.selectFrom('role_assignments').select('role_code').distinct().execute())
      .map((r) => r.role_code)
      .sort();
    assert.deepEqual(held, roles);
    const where = await db
      .selectFrom('officials as o')
      .innerJoin('agencies as a', 'a.id', 'o.agency_id')
      .select(['a.level', 'a.code'])
      .execute();
    assert.ok(where.length >= 25);
    assert.ok(new Set(where.filter((w) => w.level === 'commune').map((w) => w.code)).size >= 3);
    assert.ok(new Set(where.filter((w) => w.level === 'province_department').map((w) => w.code)).size >= 3);
    assert.ok(where.some((w) => w.level === 'province'));
    // Positions come from the catalog.
    const positions = new Set(
      (await db.selectFrom('catalog_items').select('code').where('catalog', '=', 'position').execute()).map(
        (p) => p.code,
      ),
    );
    const used = await db.selectFrom('officials').select('position_code').execute();
    assert.ok(used.every((u) => u.position_code !== null && positions.has(u.position_code)));
  });

  it('creates active, verified citizens and organisations', async () => {
    const db = rt.database.db;
    const citizens = await db.selectFrom('accounts').selectAll().where('kind', '=', 'citizen').execute();
    assert.equal(citizens.length, 5);
    assert.ok(
      citizens.every(
        (c) =>
          /^038\d{9}$/.test(c.id_number ?? '') &&
          c.username === c.id_number &&
          c.status === 'active' &&
          c.email_verified_at !== null &&
          c.email?.endsWith('@example.vn'),
      ),
    );
    const orgs = await db.selectFrom('accounts').selectAll().where('kind', '=', 'organisation').execute();
    assert.equal(orgs.length, 2);
    assert.ok(orgs.every((o) => /^\d{10}$/.test(o.tax_code ?? '') && o.org_name && o.status === 'active'));
  });

  it('lists every demo account for the README, and each one exists', async () => {
    const usernames = new Set(
      (await rt.database.db.selectFrom('accounts').select('username').execute()).map((a) => a.username),
    );
    assert.equal(DEMO_ACCOUNTS.length, DEMO_OFFICIALS.length + 7);
    assert.ok(DEMO_ACCOUNTS.every((a) => usernames.has(a.username)));
    assert.ok(DEMO_ACCOUNTS.some((a) => a.username === 'motcua.hacthanh' && a.agency === 'Phường Hạc Thành'));
  });
});

describe('signing in as demo users', () => {
  it('lets a commune one-stop officer sign in and see the grants', async () => {
    const c = await new TestClient(rt.app).init();
    assert.equal((await c.signIn('motcua.hacthanh', DEMO_PASSWORD)).statusCode, 200);
    const me = (await c.get('/api/auth/me')).json<{
      kind: string;
      fullName: string;
      grants: { roleCode: string; agencyId: string; includeSubtree: boolean }[];
    }>();
    assert.equal(me.kind, 'official');
    assert.equal(me.fullName, 'Nguyễn Thị Thu Hằng');
    const ward = await rt.database.db
      .selectFrom('agencies')
      .select('id')
      .where('admin_unit_code', '=', DEMO_COMMUNES.hacthanh.code)
      .executeTakeFirstOrThrow();
    assert.ok(
      me.grants.some((g) => g.roleCode === 'can_bo_mot_cua' && g.agencyId === ward.id && !g.includeSubtree),
    );
  });

  it('gives the provincial administrator the whole tree, and the commune administrator only the commune', async () => {
    const tinh = await new TestClient(rt.app).init();
    assert.equal((await tinh.signIn('quantri.tinh', DEMO_PASSWORD)).statusCode, 200);
    const me = (await tinh.get('/api/auth/me')).json<{
      grants: { roleCode: string; agencyId: string; includeSubtree: boolean }[];
    }>();
    assert.deepEqual(
      me.grants.map((g) => [g.roleCode, g.agencyId, g.includeSubtree]),
      [['quan_tri_he_thong', await provinceId(), true]],
    );
    // Shared catalogs: the provincial administrator may edit them, the commune administrator may not.
    assert.equal(
      (
        await tinh.patch('/api/catalogs/position/chu_tich', {
          extra: { leader: true, note: 'Chủ tịch UBND' },
        })
      ).statusCode,
      200,
    );
    const phuong = await new TestClient(rt.app).init();
    assert.equal((await phuong.signIn('quantri.hacthanh', DEMO_PASSWORD)).statusCode, 200);
    assert.equal(
      (await phuong.patch('/api/catalogs/position/chu_tich', { name: 'Chủ tịch' })).statusCode,
      403,
    );
  });

  it('lets a citizen sign in with the CCCD number', async () => {
    const c = await new TestClient(rt.app).init();
    const citizen = DEMO_CITIZENS[0]!;
    assert.equal((await c.signIn(citizen.idNumber, DEMO_PASSWORD)).statusCode, 200);
    assert.equal((await c.get('/api/auth/me')).json<R>().kind, 'citizen');
  });
});
