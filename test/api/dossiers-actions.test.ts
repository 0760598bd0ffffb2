import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { formatDate, formatDateTime } from '../../src/domain/datetime.ts';
import type { DossierPage, OfficialChoice } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import {
  go,
  REASON,
  stored,
  toAppraisal,
  toAssign,
  toFinished,
  toSigning,
} from '../support/dossier-cases.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The actions beyond the straight path: extension, reassignment and delegation, recall, withdrawal,
 * cancel and restore before receipt (II.5.8), a result not handed over for missing originals, return
 * by post, stop with its reason. Each refusal is checked to have written nothing.
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
      { catalog: 'commune', code: '14797', name: 'Phường Hạc Thành', parent_code: '38', extra: '{}' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
});
after(async () => rt.stop());

const recipient = { relation: 'self', name: 'Trần Thị Bình', idNumber: '079000000123' };
const postal = {
  name: 'Trần Thị Bình',
  phone: '0912345678',
  provinceCode: '38',
  communeCode: '14797',
  address: 'Số 1 Lê Lợi',
};

/** A 4xx that wrote nothing; returns the problem. */
async function refused(
  client: Parameters<DossierOffice['act']>[0],
  id: string,
  body: Record<string, unknown>,
  status: number,
): Promise<{ code: string; detail: string; errors?: { field: string }[] }> {
  const before = await stored(o, id);
  const res = await o.act(client, id, { rowVersion: before.rowVersion, ...body });
  assert.equal(res.statusCode, status, `${String(body.action)}: ${res.body}`);
  assert.deepEqual(await stored(o, id), before);
  return res.json();
}
const fields = (p: { errors?: { field: string }[] }) => (p.errors ?? []).map((e) => e.field).sort();

async function lastNotice(id: string): Promise<{ kind: string; text: string }> {
  const row = await rt.database.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'dossier.notice')
    .where(sql<boolean>`payload->>'dossierId' = ${id}`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.payload as unknown as { kind: string; text: string };
}

describe('extension', () => {
  it('needs a reason and a duration, moves the appointment later and tells the applicant', async () => {
    const d = await toAppraisal(o);
    const extend = o.arrow(d, 'extend');
    const bare = await refused(o.handler, d.id, { action: 'move', transitionId: extend }, 400);
    assert.deepEqual(fields(bare), ['extensionMinutes', 'reason']);
    const noTime = await refused(
      o.handler,
      d.id,
      { action: 'move', transitionId: extend, reason: 'Chờ' },
      400,
    );
    assert.deepEqual(fields(noTime), ['extensionMinutes']);
    const e = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: extend,
      reason: 'Cần lấy ý kiến cơ quan chuyên môn',
      extensionMinutes: 3 * 480,
    });
    assert.equal(e.status, 'dang_xu_ly');
    assert.equal(e.stepId, 'tham-dinh');
    assert.ok(e.appointmentAt && d.appointmentAt);
    const days = (Date.parse(e.appointmentAt) - Date.parse(d.appointmentAt)) / 86_400_000;
    assert.ok(days >= 3, `three working days later, got ${days} days`);
    assert.equal(e.holderName, d.holderName, 'still with its handler');
    const notice = await lastNotice(d.id);
    assert.equal(notice.kind, 'extended');
    assert.ok(notice.text.includes(formatDateTime(e.appointmentAt)), notice.text);
    assert.ok(notice.text.includes('Cần lấy ý kiến cơ quan chuyên môn'));
  });
});

describe('legal clock', () => {
  it('a supplement asked while processing pauses the clock until the handler resumes', async () => {
    let d = await toAppraisal(o);
    d = await go(o, o.handler, d, 'request_supplement', { reason: REASON, missingItems: ['Bản vẽ'] });
    // Received ten days ago, the supplement asked a minute later: without the pause it would be late.
    const receivedAt = new Date(Date.now() - 10 * 86_400_000);
    await rt.database.db
      .updateTable('dossiers')
      .set({ received_at: receivedAt, paused_since: new Date(receivedAt.getTime() + 60_000) })
      .where('id', '=', d.id)
      .execute();
    d = await o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });
    d = await o.must(o.handler, d.id, { action: 'resume', rowVersion: d.rowVersion });
    assert.ok(d.appointmentAt);
    assert.ok(Date.parse(d.appointmentAt) > Date.now() + 3 * 86_400_000, d.appointmentAt);
    assert.equal(d.due, 'on_time');
    const pauses = await rt.database.db
      .selectFrom('dossiers')
      .select(['pauses', 'paused_since'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(pauses.paused_since, null);
    assert.deepEqual(
      pauses.pauses.map((p) => p.reason),
      ['supplement'],
    );
  });
});

describe('reassignment and delegation', () => {
  it('the head reassigns, the holder delegates, to people who can hold the step', async () => {
    let d = await toAppraisal(o);
    const choices = (await o.head.get(`/api/dossiers/${d.id}/assignees`)).json<{ items: OfficialChoice[] }>();
    const ids = choices.items.map((c) => c.id);
    assert.ok(ids.includes(o.ids.handler2) && !ids.includes(o.ids.handler), 'the holder is not a choice');
    const outsider = await refused(
      o.handler,
      d.id,
      { action: 'move', transitionId: o.arrow(d, 'forward', 'du-thao'), assigneeId: o.ids.leader },
      400,
    );
    assert.deepEqual(fields(outsider), ['assigneeId']);
    const wrong = await refused(o.head, d.id, { action: 'assign', assigneeId: o.ids.leader }, 400);
    assert.deepEqual(fields(wrong), ['assigneeId']);
    const same = await refused(o.head, d.id, { action: 'assign', assigneeId: o.ids.handler }, 400);
    assert.deepEqual(fields(same), ['assigneeId']);
    d = await o.must(o.head, d.id, {
      action: 'assign',
      rowVersion: d.rowVersion,
      assigneeId: o.ids.handler2,
      reason: 'Cân đối công việc',
    });
    assert.equal(d.history.at(-1)?.action, 'reassign');
    assert.equal(d.history.at(-1)?.reason, 'Cân đối công việc');
    // The former holder may no longer move it; the new one may.
    const gone = await o.detail(o.handler, d.id);
    assert.ok(!gone.actions.some((a) => a.action === 'move'));
    await refused(o.handler, d.id, { action: 'move', transitionId: o.arrow(d, 'forward', 'du-thao') }, 403);
    d = await o.detail(o.handler2, d.id);
    assert.ok(d.actions.some((a) => a.action === 'move'));
    d = await o.must(o.handler2, d.id, {
      action: 'assign',
      rowVersion: d.rowVersion,
      assigneeId: o.ids.handler,
    });
    assert.equal(d.history.at(-1)?.action, 'delegate');
    assert.equal(d.status, 'dang_xu_ly');
    const mine = (await o.handler.get('/api/dossiers?list=dang_thu_ly')).json<DossierPage>();
    assert.ok(mine.items.some((x) => x.id === d.id));
  });
});

describe('recall', () => {
  it('only the sender, only before the receiver acts', async () => {
    let d = await toAssign(o);
    d = await o.must(o.head, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
      assigneeId: o.ids.handler2,
    });
    const sent = await o.detail(o.head, d.id);
    assert.ok(sent.actions.some((a) => a.action === 'recall'));
    await refused(o.handler2, d.id, { action: 'recall' }, 403);
    await refused(o.coordinator, d.id, { action: 'recall' }, 403);
    // The counter sent it earlier, and the head has acted on that since.
    await refused(o.counter, d.id, { action: 'recall' }, 409);
    d = await o.must(o.head, d.id, { action: 'recall', rowVersion: d.rowVersion, reason: 'Chọn nhầm người' });
    assert.equal(d.stepId, 'phan-cong');
    assert.equal(d.task, 'assign');
    assert.equal(d.history.at(-1)?.action, 'recall');
    const back = await o.detail(o.head, d.id);
    assert.ok(
      back.actions.some((a) => a.action === 'move'),
      'the head holds it again',
    );
    // Sent again; the receiver acts; the sender can no longer take it back.
    d = await o.must(o.head, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(back, 'forward'),
      assigneeId: o.ids.handler,
    });
    d = await go(o, o.handler, d, 'extend', { reason: 'Chờ xác minh', extensionMinutes: 60 });
    const late = await refused(o.head, d.id, { action: 'recall' }, 409);
    assert.match(late.detail, /thu hồi/);
    assert.ok(!(await o.detail(o.head, d.id)).actions.some((a) => a.action === 'recall'));
  });

  it('the sender of an earlier transfer cannot recall once the receiver has passed it on', async () => {
    let d = await toAppraisal(o);
    d = await go(o, o.handler, d, 'forward', { assigneeId: o.ids.handler });
    // The head forwarded to the handler, who has acted since: for the head this is 409, not 403.
    const late = await refused(o.head, d.id, { action: 'recall' }, 409);
    assert.match(late.detail, /người nhận đã xử lý/);
  });
});

describe('withdrawal, cancel and restore', () => {
  it('the applicant withdraws a dossier being processed; it ends with the reason', async () => {
    let d = await toAppraisal(o);
    d = await o.must(o.citizen, d.id, {
      action: 'withdraw',
      rowVersion: d.rowVersion,
      reason: 'Đã chuyển nơi ở',
    });
    assert.equal(d.status, 'cong_dan_yeu_cau_rut');
    assert.equal(d.task, 'done');
    assert.equal(d.holderName, null);
    assert.deepEqual(d.annexLines, ['Lý do rút hồ sơ: Đã chuyển nơi ở']);
    assert.equal((await lastNotice(d.id)).kind, 'withdrawn');
    const bare = await o.act(o.citizen, (await o.receive()).id, { action: 'withdraw', rowVersion: 1 });
    assert.equal(bare.statusCode, 400, bare.body);
    // The counter records a withdrawal asked for at the desk.
    let e = await o.receive();
    e = await o.must(o.counter, e.id, {
      action: 'withdraw',
      rowVersion: e.rowVersion,
      reason: 'Đơn xin rút',
    });
    assert.equal(e.status, 'cong_dan_yeu_cau_rut');
  });

  it('an online dossier is cancelled and restored before receipt, not after (II.5.8)', async () => {
    let d = await o.submit();
    await refused(o.counter, d.id, { action: 'cancel' }, 403);
    d = await o.must(o.citizen, d.id, { action: 'cancel', rowVersion: d.rowVersion });
    assert.ok(d.cancelledAt);
    assert.equal(d.status, 'moi_dang_ky');
    const waiting = async () =>
      (await o.counter.get('/api/dossiers?list=cho_tiep_nhan&limit=100'))
        .json<DossierPage>()
        .items.some((x) => x.id === d.id);
    assert.equal(await waiting(), false, 'no longer waiting at the counter');
    await refused(o.counter, d.id, { action: 'accept' }, 409);
    await refused(o.citizen, d.id, { action: 'cancel' }, 409);
    d = await o.must(o.citizen, d.id, { action: 'restore', rowVersion: d.rowVersion });
    assert.equal(d.cancelledAt, null);
    assert.equal(await waiting(), true);
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    await refused(o.citizen, d.id, { action: 'cancel' }, 409);
    assert.deepEqual(
      d.history.map((h) => h.action),
      ['submit', 'cancel', 'restore', 'accept'],
    );
  });
});

describe('returning the result', () => {
  it('records originals missing, then returns; the Annex I line follows', async () => {
    let d = await toFinished(o);
    d = await o.detail(o.counter, d.id);
    const bare = await refused(o.counter, d.id, { action: 'not_returned' }, 400);
    assert.match(JSON.stringify(bare), /reason/);
    d = await o.must(o.counter, d.id, {
      action: 'not_returned',
      rowVersion: d.rowVersion,
      reason: 'Người nộp chưa mang bản chính để đối chiếu',
    });
    assert.equal(d.status, 'da_xu_ly_xong');
    assert.equal(d.originalsMissing, true);
    assert.deepEqual(d.annexLines, ['Đang trả kết quả']);
    assert.ok(d.actions.some((a) => a.action === 'return_result'));
    const noRecipient = await refused(o.counter, d.id, { action: 'return_result' }, 400);
    assert.deepEqual(fields(noRecipient), ['recipient']);
    d = await o.must(o.counter, d.id, { action: 'return_result', rowVersion: d.rowVersion, recipient });
    assert.equal(d.status, 'da_tra_ket_qua');
    assert.equal(d.originalsMissing, false);
    assert.ok(d.returnedAt);
    assert.deepEqual(d.annexLines, [`Ngày trả kết quả: ${formatDate(d.returnedAt)}`]);
    assert.equal(d.recipient?.name, 'Trần Thị Bình');
  });

  it('by post: needs the postal address, given at receipt or at return', async () => {
    let d = await o.detail(o.counter, (await toFinished(o)).id);
    d = await o.must(o.counter, d.id, { action: 'return_result', rowVersion: d.rowVersion, postal });
    assert.equal(d.status, 'da_tra_ket_qua');
    assert.equal(d.resultDelivery, 'postal');
    assert.equal(d.postal?.address, 'Số 1 Lê Lợi');
    // Asked for at receipt: the stored address is used.
    let e = await o.detail(o.counter, (await toFinished(o, { resultDelivery: 'postal', postal })).id);
    e = await o.must(o.counter, e.id, { action: 'return_result', rowVersion: e.rowVersion });
    assert.equal(e.status, 'da_tra_ket_qua');
    assert.equal(e.recipient?.delivery, 'postal');
    // Postal without the address at receipt is refused before anything is stored.
    const res = await o.receive({ resultDelivery: 'postal' }, 400);
    assert.match(JSON.stringify(res), /postal/);
  });
});

describe('stop', () => {
  it('needs a reason; stopped while appraising it ends there', async () => {
    let d = await toAppraisal(o);
    const bare = await refused(o.handler, d.id, { action: 'stop' }, 400);
    assert.match(JSON.stringify(bare), /reason/);
    d = await o.must(o.handler, d.id, { action: 'stop', rowVersion: d.rowVersion, reason: REASON });
    assert.equal(d.status, 'dung_xu_ly');
    assert.equal(d.task, 'done');
    assert.ok(d.completedAt);
    assert.deepEqual(d.annexLines, [`Lý do không giải quyết: ${REASON}`]);
    assert.equal((await lastNotice(d.id)).kind, 'stopped');
  });

  it('refused at signature, the letter goes back through the counter and the status stays', async () => {
    let d = await go(o, o.leader, await toSigning(o), 'reject', { reason: 'Không đủ điều kiện' });
    assert.equal(d.status, 'dung_xu_ly');
    assert.equal(d.stepId, 'tra-ket-qua');
    d = await o.detail(o.counter, d.id);
    const letter = d.actions.find((a) => a.action === 'return_result');
    assert.equal(letter?.label, 'Trả văn bản trả lời cho người nộp');
    d = await o.must(o.counter, d.id, { action: 'return_result', rowVersion: d.rowVersion, recipient });
    assert.equal(d.status, 'dung_xu_ly');
    assert.ok(d.returnedAt);
    assert.equal((await lastNotice(d.id)).kind, 'stopped', 'no “returned” notice for a letter');
    await refused(o.counter, d.id, { action: 'return_result', recipient }, 409);
  });
});
