import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DossierDetail, DossierPage } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { stored, toAppraisal, track, VIETNAMESE } from '../support/dossier-cases.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Partition and assignment breaches are 403 and write nothing: the other agency's counter, a handler
 * who does not hold the step, a citizen who is not the applicant, a reassignment by someone who is
 * neither an assigner nor the holder, a recall by someone who did not send. Tracking answers a wrong
 * second factor exactly like an unknown code, and is rate limited.
 */

let rt: TestRuntime;
let o: DossierOffice;
let d: DossierDetail;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  d = await toAppraisal(o);
});
after(async () => rt.stop());

async function forbidden(client: TestClient, body: Record<string, unknown>) {
  const before = await stored(o, d.id);
  const res = await o.act(client, d.id, { rowVersion: before.rowVersion, ...body });
  assert.equal(res.statusCode, 403, `${String(body.action)}: ${res.body}`);
  assert.match(res.json<{ detail: string }>().detail, VIETNAMESE);
  assert.deepEqual(await stored(o, d.id), before);
}

describe('dossier partition and assignment', () => {
  it('the other agency’s counter can neither read nor act nor receive for this agency', async () => {
    for (const url of [
      `/api/dossiers/${d.id}`,
      `/api/dossiers/${d.id}/assignees`,
      `/api/dossiers/by-code/${d.code}`,
    ]) {
      const res = await o.outsider.get(url);
      assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
    }
    for (const list of ['tat_ca', 'dang_xu_ly']) {
      const page = (await o.outsider.get(`/api/dossiers?list=${list}`)).json<DossierPage>();
      assert.ok(!page.items.some((x) => x.id === d.id), list);
    }
    const all = (await o.outsider.get(`/api/dossiers?code=${d.code}`)).json<DossierPage>();
    assert.deepEqual(all.items, []);
    await forbidden(o.outsider, { action: 'withdraw', reason: 'Thử' });
    await forbidden(o.outsider, { action: 'comment', text: 'Ý kiến từ cơ quan khác' });
    const receipt = await o.outsider.post('/api/dossiers', {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      applicant: { kind: 'citizen', idNumber: '079000000001', fullName: 'Lê Văn Cường' },
      decision: 'accept',
    });
    assert.equal(receipt.statusCode, 403, receipt.body);
  });

  it('a handler who does not hold the step cannot move it or stop it', async () => {
    await forbidden(o.handler2, { action: 'move', transitionId: o.arrow(d, 'forward', 'du-thao') });
    await forbidden(o.handler2, { action: 'stop', reason: 'Không đủ điều kiện' });
    await forbidden(o.coordinator, { action: 'move', transitionId: o.arrow(d, 'coordinate') });
    // The head assigns but does not handle.
    await forbidden(o.head, { action: 'move', transitionId: o.arrow(d, 'forward', 'du-thao') });
    const seen = await o.detail(o.handler2, d.id);
    assert.ok(!seen.actions.some((a) => a.action === 'move' || a.action === 'stop'));
  });

  it('reassignment by someone without dossiers.assign who does not hold it is 403', async () => {
    await forbidden(o.handler2, { action: 'assign', assigneeId: o.ids.handler2 });
    await forbidden(o.counter, { action: 'assign', assigneeId: o.ids.handler2 });
    // The holder may delegate, the head may reassign: the same body is then accepted.
    const ok = await o.act(o.head, d.id, {
      action: 'assign',
      rowVersion: (await stored(o, d.id)).rowVersion,
      assigneeId: o.ids.handler2,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<DossierDetail>().history.at(-1)?.action, 'reassign');
    d = await o.must(o.handler2, d.id, {
      action: 'assign',
      rowVersion: ok.json<DossierDetail>().rowVersion,
      assigneeId: o.ids.handler,
    });
    assert.equal(d.history.at(-1)?.action, 'delegate');
  });

  it('a recall by someone who did not send the dossier is 403', async () => {
    await forbidden(o.coordinator, { action: 'recall' });
    await forbidden(o.leader, { action: 'recall' });
  });

  it('a citizen cannot read or act on someone else’s dossier', async () => {
    const other = await createAccount(rt.database, { kind: 'citizen' });
    const c = await new TestClient(rt.app, '10.9.252.7').init();
    assert.equal((await c.signIn(other.username, PASSWORD)).statusCode, 200);
    const res = await c.get(`/api/dossiers/${d.id}`);
    assert.equal(res.statusCode, 403, res.body);
    assert.match(res.json<{ detail: string }>().detail, VIETNAMESE);
    await forbidden(c, { action: 'withdraw', reason: 'Không phải hồ sơ của tôi' });
    // Lists are for officials.
    assert.equal((await c.get('/api/dossiers?list=tat_ca')).statusCode, 403);
    // The applicant reads their own.
    assert.equal((await o.citizen.get(`/api/dossiers/${d.id}`)).statusCode, 200);
    // Nobody signed in: 401.
    assert.equal((await rt.app.inject({ url: `/api/dossiers/${d.id}` })).statusCode, 401);
  });

  it('tracking with a wrong phone or identity number is the same 404 as an unknown code', async () => {
    const ok = await track(o, d.code, { phone: '+84912345678' }, '10.80.0.1');
    assert.equal(ok.statusCode, 200, ok.body);
    const byId = await track(o, d.code.toLowerCase(), { idNumber: o.citizenIdNumber }, '10.80.0.1');
    assert.equal(byId.statusCode, 200, byId.body);
    const unknown = await track(o, `${d.code.slice(0, -4)}9999`, { phone: '0912345678' }, '10.80.0.1');
    const wrongPhone = await track(o, d.code, { phone: '0912345679' }, '10.80.0.1');
    const wrongId = await track(o, d.code, { idNumber: '079999999999' }, '10.80.0.1');
    for (const r of [unknown, wrongPhone, wrongId]) {
      assert.equal(r.statusCode, 404);
      assert.equal(r.body, unknown.body);
      assert.ok(!r.body.includes('Trần Thị Bình'));
    }
    const neither = await track(o, d.code, {}, '10.80.0.1');
    assert.equal(neither.statusCode, 400, neither.body);
    // Nothing private in the answer.
    const body = ok.body;
    for (const secret of ['Trần Thị Bình', '0912345678', o.citizenIdNumber, 'binh@example.vn', 'Lê Lợi'])
      assert.ok(!body.includes(secret), secret);
  });

  it('tracking is limited to 30 requests a minute per address', async () => {
    const ip = '10.81.0.9';
    for (let i = 0; i < 30; i++) {
      const r = await track(o, d.code, { phone: i % 2 ? '0912345678' : '0900000000' }, ip);
      assert.ok([200, 404].includes(r.statusCode), `request ${i + 1}: ${r.statusCode}`);
    }
    const limited = await track(o, d.code, { phone: '0912345678' }, ip);
    assert.equal(limited.statusCode, 429, limited.body);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // Another address is not affected.
    assert.equal((await track(o, d.code, { phone: '0912345678' }, '10.81.0.10')).statusCode, 200);
  });
});
