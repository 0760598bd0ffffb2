import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * What the applicant sees of their own dossier (II.20.1 d): every step with its status and reason, not
 * the officials' internal comments; and who may collect the result for them (II.10.5).
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

async function readyForReturn() {
  let d = await o.receive();
  d = await o.must(o.counter, d.id, { action: 'comment', text: 'Ghi chú nội bộ: đã gọi điện xác minh' });
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
  d = await o.must(o.handler, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'forward', 'du-thao'),
  });
  d = await o.must(o.handler, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'submit_approval'),
  });
  d = await o.must(o.head, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'submit_approval'),
  });
  return o.must(o.leader, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'finish'),
  });
}

describe('the applicant’s view', () => {
  it('shows the applicant every step but not the officials’ comments', async () => {
    const d = await readyForReturn();
    const official = await o.detail(o.counter, d.id);
    assert.ok(official.history.some((h) => h.action === 'comment'));
    const own = await o.detail(o.citizen, d.id);
    assert.deepEqual(
      own.history.map((h) => h.action),
      official.history.filter((h) => h.action !== 'comment').map((h) => h.action),
    );
    assert.ok(
      own.actions.every((a) => ['withdraw', 'comment'].includes(a.action)),
      JSON.stringify(own.actions),
    );
  });

  it('returns the result to a proxy only with an authorisation', async () => {
    const d = await readyForReturn();
    const proxy = { relation: 'proxy', name: 'Trần Văn An', idNumber: '079111222333' };
    const refused = await o.act(o.counter, d.id, {
      action: 'return_result',
      rowVersion: d.rowVersion,
      recipient: proxy,
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(refused.body, /recipient\.authorisation/);
    const done = await o.must(o.counter, d.id, {
      action: 'return_result',
      rowVersion: d.rowVersion,
      recipient: { ...proxy, authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' },
      feeReceipt: 'BL-77',
    });
    assert.equal(done.status, 'da_tra_ket_qua');
    assert.equal(done.recipient?.relation, 'proxy');
    assert.equal(done.recipient?.feeReceipt, 'BL-77');
  });
});
