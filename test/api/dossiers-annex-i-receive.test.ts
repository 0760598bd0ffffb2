import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANNEX_I_ROWS } from '../../src/domain/annex-i.ts';
import { isDossierCode } from '../../src/domain/dossier-code.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { MISSING, REASON, showsRow } from '../support/dossier-cases.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * TT 22/2019 Annex I, submission and receipt (rows I.submit.* and I.receive.*), one test per row that
 * names a status, over the HTTP API: the dossier is driven to the row's situation, then the back
 * office detail and the public tracking answer must show the row's status with its exact label and
 * exactly the information the row requires (the reason for a supplement or refusal). Test names start
 * with the row id so that docs/conformance.md can cite them.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

const PHASES = ['submit', 'receive'];
const title = (id: string) => `${id} ${ANNEX_I_ROWS.find((r) => r.id === id)?.step ?? '?'}`;
const tested: string[] = [];
const row = (id: string, fn: () => Promise<void>) => {
  tested.push(id);
  it(title(id), fn);
};

describe('Annex I: submission and receipt', () => {
  row('I.submit.2', async () => {
    const d = await o.submit();
    assert.equal(d.status, 'moi_dang_ky');
    assert.equal(d.channel, 'online');
    assert.ok(isDossierCode(d.code), d.code);
    assert.equal(d.receivedAt, null);
    assert.equal(d.appointmentAt, null);
    const p = await showsRow(o, d, 'I.submit.2', []);
    assert.equal(p.receivedAt, null);
    // The counter sees it waiting for its decision.
    const counter = await o.detail(o.counter, d.id);
    assert.deepEqual(
      counter.actions.map((a) => a.action).filter((a) => a !== 'withdraw' && a !== 'comment'),
      ['accept', 'refuse', 'request_supplement'],
    );
  });

  row('I.receive.1.1', async () => {
    const d = await o.receive({ decision: 'request_supplement', reason: REASON, missingItems: MISSING });
    assert.equal(d.status, 'yeu_cau_bo_sung');
    assert.equal(d.channel, 'counter');
    assert.equal(d.statusReason, REASON);
    assert.deepEqual(d.missingItems, MISSING);
    assert.equal(d.appointmentAt, null, 'no appointment before the dossier is complete');
    await showsRow(o, d, 'I.receive.1.1', [`Lý do, nội dung cần bổ sung: ${REASON}`]);
  });

  row('I.receive.1.2', async () => {
    const why = 'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan';
    const d = await o.receive({ decision: 'refuse', reason: why });
    assert.equal(d.status, 'khong_duoc_tiep_nhan');
    assert.equal(d.stepId, 'khong-tiep-nhan');
    assert.equal(d.task, 'done');
    assert.equal(d.holderName, null);
    await showsRow(o, d, 'I.receive.1.2', [`Lý do từ chối tiếp nhận: ${why}`]);
    // A refusal needs its reason: without one nothing is received.
    const bare = await o.receive({ decision: 'refuse' }, 400);
    assert.match(JSON.stringify(bare), /reason/);
  });

  row('I.receive.1.3', async () => {
    const d = await o.receive();
    assert.equal(d.status, 'duoc_tiep_nhan');
    assert.ok(d.receivedAt);
    assert.ok(d.appointmentAt);
    assert.ok(Date.parse(d.appointmentAt) > Date.parse(d.receivedAt), 'appointment after receipt');
    assert.equal(d.task, 'receive', 'still at the counter, to be forwarded');
    const p = await showsRow(o, d, 'I.receive.1.3', []);
    assert.equal(p.receivedAt, d.receivedAt);
    assert.deepEqual(
      p.history.map((h) => h.statusLabel),
      ['Được tiếp nhận'],
    );
  });

  row('I.receive.2.1', async () => {
    // Incomplete: the counter asks for a supplement of the online dossier.
    let d = await o.submit();
    d = await o.must(o.counter, d.id, {
      action: 'request_supplement',
      rowVersion: d.rowVersion,
      reason: REASON,
      missingItems: MISSING,
    });
    assert.equal(d.status, 'yeu_cau_bo_sung');
    assert.equal(d.stepId, 'tiep-nhan-truc-tuyen');
    await showsRow(o, d, 'I.receive.2.1', [`Lý do, nội dung cần bổ sung: ${REASON}`]);
    // Not within the agency's competence: refused, with the reason.
    const why = 'Hồ sơ không thuộc thẩm quyền giải quyết';
    let e = await o.submit();
    e = await o.must(o.counter, e.id, { action: 'refuse', rowVersion: e.rowVersion, reason: why });
    assert.equal(e.status, 'khong_duoc_tiep_nhan');
    assert.equal(e.stepId, 'khong-tiep-nhan');
    await showsRow(o, e, 'I.receive.2.1', [`Lý do từ chối tiếp nhận: ${why}`]);
  });

  row('I.receive.2.2', async () => {
    let d = await o.submit();
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    assert.equal(d.status, 'duoc_tiep_nhan');
    assert.ok(d.receivedAt);
    assert.ok(d.appointmentAt);
    // The competent agency has not started: the dossier is still at the counter's reception step.
    assert.equal(d.task, 'receive');
    assert.equal(d.stepId, 'tiep-nhan-truc-tuyen');
    const p = await showsRow(o, d, 'I.receive.2.2', []);
    assert.deepEqual(
      p.history.map((h) => h.statusLabel),
      ['Mới đăng ký', 'Được tiếp nhận'],
    );
  });

  row('I.receive.3', async () => {
    let d = await o.receive({ decision: 'request_supplement', reason: REASON, missingItems: MISSING });
    d = await o.must(o.counter, d.id, {
      action: 'supplement',
      rowVersion: d.rowVersion,
      channel: 'counter',
      note: 'Người nộp đã mang bản sao đến',
    });
    assert.equal(d.status, 'da_bo_sung');
    assert.equal(d.task, 'receive', 'back at the reception that asked for it');
    assert.equal(d.statusReason, null);
    await showsRow(o, d, 'I.receive.3', []);
    // The counter now decides again: the supplemented dossier is received.
    assert.ok(d.actions.some((a) => a.action === 'accept'));
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    assert.equal(d.status, 'duoc_tiep_nhan');
    assert.ok(d.appointmentAt);
    // Supplemented online by the applicant too (II.6.2).
    let e = await o.submit();
    e = await o.must(o.counter, e.id, {
      action: 'request_supplement',
      rowVersion: e.rowVersion,
      reason: REASON,
      missingItems: MISSING,
    });
    e = await o.must(o.citizen, e.id, { action: 'supplement', rowVersion: e.rowVersion, channel: 'online' });
    await showsRow(o, e, 'I.receive.3', []);
  });

  it('covers every row of submission and receipt that names a status', () => {
    const rows = ANNEX_I_ROWS.filter((r) => PHASES.includes(r.phase) && r.statuses.length > 0).map(
      (r) => r.id,
    );
    assert.deepEqual(tested, rows);
  });
});
