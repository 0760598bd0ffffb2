import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DraftSummary, DraftView } from '../../src/modules/drafts/schema.ts';
import { DRAFT_LIMIT } from '../../src/modules/drafts/schema.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { dossierOffice, validFormData } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Drafts of online applications (III.1.3): saved without validation, updated with the version read
 * (409 when stale), visible to their owner only (404 to anyone else), limited per account, deleted
 * with the submission that used them.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

const half = { agencyId: '', delivery: 'counter', hoTen: 'Trần Thị Bình', diaChi: '' };

async function citizen(): Promise<TestClient> {
  const acc = await createAccount(rt.database, { kind: 'citizen' });
  const c = await new TestClient(rt.app, `10.8.${Math.floor(Math.random() * 250)}.7`).init();
  assert.equal((await c.signIn(acc.username, PASSWORD)).statusCode, 200);
  return c;
}

async function save(c: TestClient, values: Record<string, string> = half): Promise<DraftView> {
  const res = await c.post('/api/me/drafts', { procedureCode: o.procedureCode, values });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<DraftView>();
}

async function auditOf(id: string) {
  return rt.database.db
    .selectFrom('audit_log')
    .select(['action', 'summary'])
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();
}

describe('application drafts', () => {
  it('saves a half-filled form, updates it with the version read, and refuses a stale version', async () => {
    const c = await citizen();
    const d = await save(c);
    assert.equal(d.version, 1);
    assert.equal(d.eformVersion, 0);
    assert.deepEqual(d.values, half);
    const res = await c.put(`/api/me/drafts/${d.id}`, {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      values: { ...half, diaChi: 'Số 1 đường Lê Lợi' },
      version: 1,
    });
    assert.equal(res.statusCode, 200, res.body);
    const d2 = res.json<DraftView>();
    assert.equal(d2.version, 2);
    assert.equal(d2.agencyId, o.agency.id);
    assert.equal(d2.values.diaChi, 'Số 1 đường Lê Lợi');
    const stale = await c.put(`/api/me/drafts/${d.id}`, {
      procedureCode: o.procedureCode,
      values: { ...half, diaChi: 'cũ' },
      version: 1,
    });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json<Problem>().code, 'stale_draft');
    const now = (await c.get(`/api/me/drafts/${d.id}`)).json<DraftView>();
    assert.equal(now.values.diaChi, 'Số 1 đường Lê Lợi', 'the stale save wrote nothing');
    // The audit names the draft and the procedure, never what was typed.
    const audit = await auditOf(d.id);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['draft.create', 'draft.update'],
    );
    assert.ok(!JSON.stringify(audit).includes('Trần Thị Bình'));
  });

  it('lists only the caller’s own drafts, newest first; another account gets 404', async () => {
    const me = await citizen();
    const other = await citizen();
    const first = await save(me);
    // Saved a minute earlier, so that the order does not hang on two saves in the same millisecond.
    await rt.database.db
      .updateTable('dossier_drafts')
      .set({ updated_at: new Date(Date.now() - 60_000) })
      .where('id', '=', first.id)
      .execute();
    const second = await save(me, { hoTen: 'Lần hai' });
    const theirs = await save(other);
    const list = (await me.get('/api/me/drafts')).json<{ items: DraftSummary[] }>().items;
    assert.deepEqual(
      list.map((d) => d.id),
      [second.id, first.id],
    );
    assert.ok(list[0]?.procedureName.includes(o.procedureCode));
    for (const res of [
      await me.get(`/api/me/drafts/${theirs.id}`),
      await me.put(`/api/me/drafts/${theirs.id}`, { procedureCode: o.procedureCode, values: {}, version: 1 }),
      await me.delete(`/api/me/drafts/${theirs.id}`),
    ])
      assert.equal(res.statusCode, 404, res.body);
    assert.equal((await other.get(`/api/me/drafts/${theirs.id}`)).statusCode, 200, 'untouched');
    // Officials keep no drafts; visitors must sign in.
    assert.equal((await o.counter.get('/api/me/drafts')).statusCode, 403);
    const visitor = await new TestClient(rt.app).init();
    assert.equal((await visitor.get('/api/me/drafts')).statusCode, 401);
  });

  it('deletes a draft (gone for good) and hides drafts not saved for 90 days', async () => {
    const c = await citizen();
    const d = await save(c);
    const old = await save(c);
    assert.equal((await c.delete(`/api/me/drafts/${d.id}`)).statusCode, 204);
    assert.equal((await c.get(`/api/me/drafts/${d.id}`)).statusCode, 404);
    assert.equal((await c.delete(`/api/me/drafts/${d.id}`)).statusCode, 404);
    assert.ok((await auditOf(d.id)).some((a) => a.action === 'draft.delete'));
    await rt.database.db
      .updateTable('dossier_drafts')
      .set({ updated_at: new Date(Date.now() - 91 * 86_400_000) })
      .where('id', '=', old.id)
      .execute();
    assert.equal((await c.get(`/api/me/drafts/${old.id}`)).statusCode, 404);
    assert.equal((await c.get('/api/me/drafts')).json<{ items: unknown[] }>().items.length, 0);
    assert.ok((await rt.services.drafts.purgeExpired()) >= 1);
    const left = await rt.database.db
      .selectFrom('dossier_drafts')
      .select('id')
      .where('id', '=', old.id)
      .executeTakeFirst();
    assert.equal(left, undefined);
  });

  it(`keeps at most ${DRAFT_LIMIT} drafts per account, with a message saying what to do`, async () => {
    const c = await citizen();
    for (let i = 0; i < DRAFT_LIMIT; i++) await save(c, { hoTen: `Bản ${i}` });
    const res = await c.post('/api/me/drafts', { procedureCode: o.procedureCode, values: half });
    assert.equal(res.statusCode, 409, res.body);
    const p = res.json<Problem>();
    assert.equal(p.code, 'draft_limit');
    assert.match(p.detail, /tối đa/);
    assert.match(p.detail, /xóa bớt/);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const c = await citizen();
    const cases: [Record<string, unknown>, string][] = [
      [{ procedureCode: o.procedureCode, values: { hoTen: 5 } }, 'values'],
      [{ procedureCode: o.procedureCode, values: { a: 'x'.repeat(5001) } }, 'values'],
      [{ procedureCode: o.procedureCode, values: 'chuỗi' }, 'values'],
      [{ procedureCode: '', values: {} }, 'procedureCode'],
      [{ procedureCode: 'khong-co', values: {} }, 'procedureCode'],
      [{ procedureCode: o.procedureCode, agencyId: 'x', values: {} }, 'agencyId'],
      [{ procedureCode: o.procedureCode, agencyId: o.coordDepartment.id, values: {} }, 'agencyId'],
    ];
    for (const [body, field] of cases) {
      const res = await c.post('/api/me/drafts', body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body).slice(0, 80)}: ${res.body}`);
      const errors = res.json<Problem>().errors ?? [];
      assert.ok(
        errors.some(
          (e) => e.field.replace(/^body\./, '').startsWith(field) && e.message.includes(`(${field})`),
        ),
        `${field} in ${JSON.stringify(errors)}`,
      );
    }
    const big: Record<string, string> = {};
    for (let i = 0; i < 60; i++) big[`o${i}`] = 'x'.repeat(4000);
    const res = await c.post('/api/me/drafts', { procedureCode: o.procedureCode, values: big });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(JSON.stringify(res.json<Problem>().errors), /quá lớn/);
  });

  it('the submission that names the draft deletes it in the same transaction', async () => {
    const d = (
      await o.citizen.post('/api/me/drafts', { procedureCode: o.procedureCode, values: half })
    ).json<DraftView>();
    // A submission that fails (bad form) keeps the draft.
    const bad = await o.citizen.post('/api/portal/dossiers', {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      applicant: { kind: 'citizen', idNumber: o.citizenIdNumber, fullName: 'Trần Thị Bình' },
      formData: {},
      draftId: d.id,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal((await o.citizen.get(`/api/me/drafts/${d.id}`)).statusCode, 200);
    await o.submit({ draftId: d.id });
    assert.equal((await o.citizen.get(`/api/me/drafts/${d.id}`)).statusCode, 404);
    // Another account's draft id is ignored: nobody else's draft is touched.
    const theirs = await save(await citizen());
    await o.submit({ draftId: theirs.id, formData: validFormData(o.citizenIdNumber) });
    const still = await rt.database.db
      .selectFrom('dossier_drafts')
      .select('id')
      .where('id', '=', theirs.id)
      .executeTakeFirst();
    assert.ok(still);
  });
});
