import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDossierCode } from '../../src/domain/dossier-code.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * One dossier through the whole department process over the HTTP API: counter → department head →
 * handler (coordination, supplement through the counter, extension) → department review → leader →
 * counter → returned; the history is complete and chained, and the tracking answer follows it.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

describe('dossier journey', () => {
  it('goes from receipt to returned result through every role', async () => {
    let d = await o.receive();
    assert.ok(isDossierCode(d.code), d.code);
    assert.equal(d.status, 'duoc_tiep_nhan');
    assert.ok(d.appointmentAt);
    assert.equal(d.stepId, 'tiep-nhan');

    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
    });
    assert.equal(d.status, 'dang_xu_ly');
    assert.equal(d.task, 'assign');

    const counts = (await o.head.get('/api/dossiers/counts')).json<{
      lists: { list: string; count: { total: number } }[];
    }>();
    assert.equal(counts.lists.find((l) => l.list === 'cho_phan_cong')?.count.total, 1);

    d = await o.detail(o.head, d.id);
    d = await o.must(o.head, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
      assigneeId: o.ids.handler,
    });
    assert.equal(d.stepId, 'tham-dinh');
    assert.equal(d.task, 'process');
    assert.ok(
      d.annexLines.some((l) => l.includes(d.holderName ?? '???')),
      d.annexLines.join('\n'),
    );

    // Coordination with the other department, then back.
    d = await o.detail(o.handler, d.id);
    d = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'coordinate'),
    });
    assert.equal(d.task, 'coordinate');
    d = await o.detail(o.coordinator, d.id);
    d = await o.must(o.coordinator, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
      assigneeId: o.ids.handler,
    });
    assert.equal(d.stepId, 'du-thao');

    d = await o.detail(o.handler, d.id);
    d = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'submit_approval'),
    });
    assert.equal(d.task, 'approve');
    d = await o.detail(o.head, d.id);
    d = await o.must(o.head, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'submit_approval'),
    });
    assert.equal(d.task, 'sign');
    d = await o.detail(o.leader, d.id);
    d = await o.must(o.leader, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'finish'),
    });
    assert.equal(d.status, 'da_xu_ly_xong');
    assert.ok(d.completedAt);

    d = await o.detail(o.counter, d.id);
    d = await o.must(o.counter, d.id, {
      action: 'return_result',
      rowVersion: d.rowVersion,
      recipient: { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber },
      feeReceipt: 'BL-0001',
    });
    assert.equal(d.status, 'da_tra_ket_qua');
    assert.ok(d.returnedAt);
    assert.deepEqual(
      d.history.map((h) => h.action),
      [
        'receive',
        'forward',
        'forward',
        'coordinate',
        'forward',
        'submit_approval',
        'submit_approval',
        'finish',
        'return_result',
      ],
    );

    const tracked = await rt.app.inject({ url: `/api/public/dossiers/${d.code}?phone=0912345678` });
    assert.equal(tracked.statusCode, 200, tracked.body);
    assert.equal(tracked.json<{ statusLabel: string }>().statusLabel, 'Đã trả kết quả');
    const wrong = await rt.app.inject({ url: `/api/public/dossiers/${d.code}?phone=0900000000` });
    assert.equal(wrong.statusCode, 404);
  });

  it('routes a supplement asked while processing through the counter and back to its handler', async () => {
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
      assigneeId: o.ids.handler2,
    });
    d = await o.detail(o.handler2, d.id);
    d = await o.must(o.handler2, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'request_supplement'),
      reason: 'Thiếu bản sao giấy khai sinh',
      missingItems: ['Bản sao giấy khai sinh'],
    });
    assert.equal(d.status, 'yeu_cau_bo_sung');
    assert.equal(d.stepId, 'tiep-nhan');
    d = await o.detail(o.counter, d.id);
    d = await o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'postal' });
    assert.equal(d.status, 'da_bo_sung');
    assert.equal(d.stepId, 'tham-dinh');
    d = await o.detail(o.handler2, d.id);
    assert.ok(d.actions.some((a) => a.action === 'resume'));
    d = await o.must(o.handler2, d.id, { action: 'resume', rowVersion: d.rowVersion });
    assert.equal(d.status, 'dang_xu_ly');
    // Asked once while processing: a second request is refused.
    const again = await o.act(o.handler2, d.id, {
      action: 'request_supplement',
      rowVersion: d.rowVersion,
      reason: 'Lần hai',
      missingItems: ['Giấy tờ khác'],
    });
    assert.equal(again.statusCode, 409, again.body);
  });
});
