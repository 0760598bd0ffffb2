import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Fees asked while processing (Annex I "Yêu cầu thực hiện nghĩa vụ tài chính", II.10.3) pause the legal
 * clock until the payment is recorded; postal delivery details must name real units of the shared
 * catalog (II.11.2); a dossier handed over by another agency says where it came from (II.5, liên thông).
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  await rt.database.db
    .insertInto('catalog_items')
    .values([
      { catalog: 'province', code: '38', name: 'Tỉnh Thanh Hóa', parent_code: null, extra: '{}' },
      { catalog: 'province', code: '01', name: 'Thành phố Hà Nội', parent_code: null, extra: '{}' },
      { catalog: 'commune', code: '14797', name: 'Phường Hạc Thành', parent_code: '38', extra: '{}' },
      { catalog: 'commune', code: '00004', name: 'Phường Ba Đình', parent_code: '01', extra: '{}' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
});
after(async () => rt.stop());

async function atHandler() {
  let d = await o.receive();
  d = await o.must(o.counter, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'forward'),
  });
  d = await o.must(o.head, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'forward'),
    assigneeId: o.ids.handler,
  });
  return o.detail(o.handler, d.id);
}

const postal = {
  name: 'Trần Thị Bình',
  phone: '0912345678',
  provinceCode: '38',
  communeCode: '14797',
  address: 'Số 1 Lê Lợi',
};

describe('fees', () => {
  it('asks for fees at the step, pauses the clock, and resumes when the payment is recorded', async () => {
    let d = await atHandler();
    assert.ok(d.actions.some((a) => a.action === 'request_payment'));
    const bad = await o.act(o.handler, d.id, {
      action: 'request_payment',
      rowVersion: d.rowVersion,
      amount: 0,
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /amount/);
    d = await o.must(o.handler, d.id, {
      action: 'request_payment',
      rowVersion: d.rowVersion,
      amount: 150000,
      reason: 'Lệ phí cấp giấy phép',
    });
    assert.equal(d.status, 'yeu_cau_nghia_vu_tai_chinh');
    assert.equal(d.feeAmount, 150000);
    assert.equal(d.stepId, 'tham-dinh');
    const paused = await rt.database.db
      .selectFrom('dossiers')
      .select(['paused_since', 'pause_reason'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(paused.pause_reason, 'fees');
    // Nothing moves along the process while the fees are due.
    const blocked = await o.act(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward', 'du-thao'),
    });
    assert.equal(blocked.statusCode, 409, blocked.body);
    d = await o.must(o.counter, d.id, { action: 'pay', rowVersion: d.rowVersion, receipt: 'BL-123' });
    assert.equal(d.status, 'dang_xu_ly');
    assert.ok(d.feePaidAt);
    const row = await rt.database.db
      .selectFrom('dossiers')
      .select(['pauses', 'paused_since'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.paused_since, null);
    assert.equal(row.pauses.length, 1);
    assert.equal(row.pauses[0]?.reason, 'fees');
  });
});

describe('postal details', () => {
  it('refuses a commune that is not in the catalog or not in the chosen province, naming the field', async () => {
    let res = await o.counter.post('/api/dossiers', {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      applicant: { kind: 'citizen', idNumber: '038085001234', fullName: 'Nguyễn Văn An' },
      decision: 'accept',
      resultDelivery: 'postal',
      postal: { ...postal, communeCode: '00004' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /postal\.communeCode/);
    res = await o.counter.post('/api/dossiers', {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      applicant: { kind: 'citizen', idNumber: '038085001234', fullName: 'Nguyễn Văn An' },
      decision: 'accept',
      resultDelivery: 'postal',
      postal: { ...postal, provinceCode: '99', communeCode: '99999' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /postal\.provinceCode/);
    assert.match(res.body, /postal\.communeCode/);
    const ok = await o.receive({ resultDelivery: 'postal', postal });
    assert.equal(ok.resultDelivery, 'postal');
  });
});

describe('inter-agency dossiers', () => {
  it('records where a dossier handed over by another agency came from', async () => {
    const missing = await o.counter.post('/api/dossiers', {
      procedureCode: o.procedureCode,
      agencyId: o.agency.id,
      applicant: { kind: 'citizen', idNumber: '038085001234', fullName: 'Nguyễn Văn An' },
      decision: 'accept',
      channel: 'interagency',
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /source/);
    const d = await o.receive({
      channel: 'interagency',
      source: { agencyId: o.otherAgency.id, code: 'ABC-1' },
    });
    assert.equal(d.channel, 'interagency');
    const list = (await o.counter.get('/api/dossiers?list=tat_ca&channel=interagency')).json<{
      items: { id: string }[];
    }>();
    assert.deepEqual(
      list.items.map((i) => i.id),
      [d.id],
    );
  });
});
