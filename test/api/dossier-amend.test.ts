import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { dossierOffice, validFormData } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The applicant changes an online dossier before the counter receives it: allowed while "Mới đăng
 * ký" and not cancelled, checked against the dossier's e-form, the owner only, on the version read;
 * once received (or racing the receipt) it is a 409 that writes nothing.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

type Problem = { code: string; detail: string; errors?: { field: string }[] };

const applicant = () => ({
  kind: 'citizen',
  idNumber: o.citizenIdNumber,
  fullName: 'Trần Thị Bình',
  phone: '0912345678',
});

function amend(d: DossierDetail, over: Record<string, unknown> = {}, client = o.citizen) {
  return client.post(`/api/portal/dossiers/${d.id}/amend`, {
    applicant: applicant(),
    formData: { ...validFormData(o.citizenIdNumber), diaChi: 'Số 9 đường Trần Phú' },
    rowVersion: d.rowVersion,
    ...over,
  });
}

async function row(id: string) {
  return rt.database.db
    .selectFrom('dossiers')
    .select(['form_data', 'row_version', 'status', 'history_seq', 'result_delivery', 'postal'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('changing an online dossier before receipt', () => {
  it('replaces the form data and delivery while Mới đăng ký, with one history event the counter sees', async () => {
    const d = await o.submit();
    const res = await amend(d, {
      resultDelivery: 'postal',
      postal: {
        name: 'Trần Thị Bình',
        phone: '0912345678',
        provinceCode: '38',
        communeCode: '14797',
        address: 'Số 9',
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json<DossierDetail>();
    assert.equal(after.formData.diaChi, 'Số 9 đường Trần Phú');
    assert.equal(after.resultDelivery, 'postal');
    assert.equal(after.status, 'moi_dang_ky');
    assert.equal(after.rowVersion, d.rowVersion + 1);
    const ev = after.history.at(-1);
    assert.equal(ev?.action, 'amend');
    assert.equal(ev?.actionLabel, 'Người nộp sửa hồ sơ trước khi tiếp nhận');
    const counter = await o.detail(o.counter, d.id);
    assert.equal(counter.formData.diaChi, 'Số 9 đường Trần Phú');
    // The history names the changed fields, not their values.
    const details = await rt.database.db
      .selectFrom('dossier_events')
      .select('details')
      .where('dossier_id', '=', d.id)
      .where('action', '=', 'amend')
      .executeTakeFirstOrThrow();
    assert.deepEqual((details.details as { changedFields: string[] }).changedFields, ['diaChi']);
    assert.ok(!JSON.stringify(details).includes('Trần Phú'));
    // The chain still verifies.
    const { verifyDossierChains } = await import('../../src/modules/dossiers/history.ts');
    assert.equal((await verifyDossierChains(rt.database.db)).ok, true);
  });

  it('checks the form data against the dossier’s e-form and writes nothing when it is wrong', async () => {
    const d = await o.submit();
    const before = await row(d.id);
    const res = await amend(d, {
      formData: { ...validFormData(o.citizenIdNumber), dienThoai: '123', tinh: '' },
    });
    assert.equal(res.statusCode, 400, res.body);
    const fields = (res.json<Problem>().errors ?? []).map((e) => e.field);
    assert.ok(fields.includes('formData.dienThoai'), fields.join(', '));
    assert.ok(fields.includes('formData.tinh'), fields.join(', '));
    assert.deepEqual(await row(d.id), before);
  });

  it('refuses a stale version, a cancelled dossier, and any dossier after receipt (409, nothing written)', async () => {
    const d = await o.submit();
    const stale = await amend({ ...d, rowVersion: d.rowVersion + 5 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<Problem>().code, 'stale_dossier');
    const cancelled = await o.must(o.citizen, d.id, { action: 'cancel', rowVersion: d.rowVersion });
    const c = await amend(cancelled);
    assert.equal(c.statusCode, 409);
    assert.match(c.json<Problem>().detail, /hủy/);
    const restored = await o.must(o.citizen, d.id, { action: 'restore', rowVersion: cancelled.rowVersion });
    const received = await o.must(o.counter, d.id, { action: 'accept', rowVersion: restored.rowVersion });
    const before = await row(d.id);
    const late = await amend(received);
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(late.json<Problem>().code, 'invalid_action');
    assert.match(late.json<Problem>().detail, /Bộ phận một cửa đã tiếp nhận/);
    assert.deepEqual(await row(d.id), before);
    assert.ok(!received.actions.some((a) => a.action === 'amend'));
  });

  it('is for the owner only: another citizen gets 404, an official 404, a visitor 401', async () => {
    const d = await o.submit();
    assert.ok(
      d.actions.some((a) => a.action === 'amend'),
      'offered to the owner',
    );
    const acc = await createAccount(rt.database, { kind: 'citizen' });
    const other = await new TestClient(rt.app, '10.7.1.9').init();
    await other.signIn(acc.username, PASSWORD);
    assert.equal((await amend(d, {}, other)).statusCode, 404);
    assert.equal((await amend(d, {}, o.counter)).statusCode, 404);
    const visitor = await new TestClient(rt.app, '10.7.1.10').init();
    assert.equal((await amend(d, {}, visitor)).statusCode, 401);
    assert.equal((await row(d.id)).row_version, d.rowVersion);
  });

  it('races the counter’s receipt: exactly one of them wins, the other gets 409', async () => {
    for (let i = 0; i < 3; i++) {
      const d = await o.submit();
      const [a, r] = await Promise.all([
        amend(d),
        o.act(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion }),
      ]);
      assert.deepEqual([a.statusCode, r.statusCode].sort(), [200, 409], `${a.body} / ${r.body}`);
      const now = await row(d.id);
      assert.equal(now.history_seq, 2, 'one event after the submission');
      assert.equal(now.status, r.statusCode === 200 ? 'duoc_tiep_nhan' : 'moi_dang_ky');
    }
  });
});
