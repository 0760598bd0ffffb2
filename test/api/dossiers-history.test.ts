import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { NOTICE_KINDS } from '../../src/domain/dossier-notices.ts';
import { eventHash, FIRST_HASH } from '../../src/modules/dossiers/store.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import {
  arrowIn,
  go,
  MISSING,
  namesOf,
  paymentProcess,
  publishProcedure,
  REASON,
  stored,
  toAppraisal,
  VIETNAMESE,
} from '../support/dossier-cases.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Every decision on a dossier queues the applicant's notice (outbox topic dossier.notice) in the same
 * transaction, with its Vietnamese text; actions that decide nothing for the applicant queue none.
 * The history of each dossier is a hash chain that recomputes from the stored rows, and a row changed
 * behind the append-only trigger's back is detected.
 */

let rt: TestRuntime;
let o: DossierOffice;
let agency: string;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  agency = (await namesOf(o)).agency;
});
after(async () => rt.stop());

interface NoticeRow {
  key: string;
  dossierId: string;
  accountId: string | null;
  phone: string | null;
  email: string | null;
  kind: string;
  title: string;
  text: string;
}

async function notices(id: string): Promise<NoticeRow[]> {
  const rows = await rt.database.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'dossier.notice')
    .where(sql<boolean>`payload->>'dossierId' = ${id}`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.payload as unknown as NoticeRow);
}

const seen = new Set<string>();
async function kinds(id: string): Promise<string[]> {
  const list = await notices(id);
  for (const n of list) {
    seen.add(n.kind);
    assert.equal(n.accountId, o.ids.citizen, 'to the applicant’s account');
    assert.equal(n.phone, '0912345678');
    assert.match(n.title, VIETNAMESE);
    assert.match(n.text, VIETNAMESE);
  }
  assert.equal(new Set(list.map((n) => n.key)).size, list.length, 'one key per notice');
  return list.map((n) => n.kind);
}

/** Recomputes the chain of a dossier's history from the stored rows; the first broken seq, or null. */
async function brokenAt(id: string): Promise<number | null> {
  const db = rt.database.db;
  const events = await db
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_id', '=', id)
    .orderBy('seq')
    .execute();
  const head = await db
    .selectFrom('dossiers')
    .select(['history_seq', 'history_hash'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  let prev = FIRST_HASH;
  for (const [i, e] of events.entries()) {
    const content = {
      dossierId: e.dossier_id,
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actor_id,
      actorName: e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      fromStep: e.from_step,
      toStep: e.to_step,
      fromHolder: e.from_holder,
      toHolder: e.to_holder,
      reason: e.reason,
      files: e.files,
      details: e.details,
    };
    if (e.seq !== i + 1 || e.prev_hash !== prev || eventHash(prev, content) !== e.hash) return e.seq;
    prev = e.hash;
  }
  if (head.history_seq !== events.length || head.history_hash !== prev) return head.history_seq;
  return null;
}

describe('dossier notices', () => {
  it('a whole journey queues one notice per decision, with its text', async () => {
    let d = await o.submit();
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    d = await go(o, o.counter, d, 'forward');
    d = await go(o, o.head, d, 'forward', { assigneeId: o.ids.handler });
    const quiet = await stored(o, d.id);
    await o.must(o.handler, d.id, { action: 'comment', text: 'Đang xem xét' });
    assert.equal((await stored(o, d.id)).notices, quiet.notices, 'a comment tells the applicant nothing');
    d = await go(o, o.handler, d, 'extend', { reason: 'Cần xác minh thực địa', extensionMinutes: 960 });
    d = await go(o, o.handler, d, 'request_supplement', { reason: REASON, missingItems: MISSING });
    d = await o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });
    const beforeResume = await stored(o, d.id);
    d = await o.must(o.handler, d.id, { action: 'resume', rowVersion: d.rowVersion });
    d = await o.must(o.head, d.id, {
      action: 'assign',
      rowVersion: d.rowVersion,
      assigneeId: o.ids.handler2,
    });
    assert.equal((await stored(o, d.id)).notices, beforeResume.notices, 'resume and reassign notify nobody');
    d = await go(o, o.handler2, d, 'forward', { assigneeId: o.ids.handler2 });
    d = await go(o, o.handler2, d, 'submit_approval');
    d = await go(o, o.head, d, 'submit_approval');
    d = await go(o, o.leader, d, 'finish');
    d = await o.must(o.counter, d.id, {
      action: 'return_result',
      rowVersion: d.rowVersion,
      recipient: { relation: 'proxy', name: 'Trần Văn An', idNumber: '079111222333', authorisation: 'UQ-01' },
    });
    assert.deepEqual(await kinds(d.id), [
      'submitted',
      'received',
      'processing',
      'extended',
      'supplement_requested',
      'supplemented',
      'finished',
      'returned',
    ]);
    const byKind = new Map((await notices(d.id)).map((n) => [n.kind, n]));
    assert.equal(byKind.get('submitted')?.title, `Đã nộp hồ sơ ${d.code}`);
    assert.equal(
      byKind.get('supplement_requested')?.text,
      `${agency} yêu cầu bổ sung, hoàn thiện hồ sơ ${d.code}. Lý do: ${REASON}. Giấy tờ cần bổ sung: ${MISSING.join('; ')}.`,
    );
    const extended = byKind.get('extended');
    assert.equal(extended?.title, `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`);
    assert.ok(extended?.text.includes('Lý do: Cần xác minh thực địa.'), extended?.text);
    assert.equal(
      byKind.get('returned')?.text,
      `Kết quả giải quyết hồ sơ ${d.code} (${d.procedureName}) đã được trả.`,
    );
    assert.equal(await brokenAt(d.id), null);
  });

  it('refusal, stop and withdrawal each queue their notice with the reason', async () => {
    const why = 'Hồ sơ không thuộc thẩm quyền';
    const refused = await o.receive({ decision: 'refuse', reason: why });
    assert.deepEqual(await kinds(refused.id), ['refused']);
    assert.equal(
      (await notices(refused.id))[0]?.text,
      `${agency} từ chối tiếp nhận hồ sơ ${refused.code} (${refused.procedureName}). Lý do: ${why}.`,
    );
    let stopped = await toAppraisal(o);
    stopped = await o.must(o.handler, stopped.id, {
      action: 'stop',
      rowVersion: stopped.rowVersion,
      reason: why,
    });
    assert.deepEqual(await kinds(stopped.id), ['received', 'processing', 'stopped']);
    assert.equal(
      (await notices(stopped.id)).at(-1)?.text,
      `Hồ sơ ${stopped.code} (${stopped.procedureName}) không được giải quyết. Lý do: ${why}.`,
    );
    let withdrawn = await o.receive({
      decision: 'request_supplement',
      reason: REASON,
      missingItems: MISSING,
    });
    withdrawn = await o.must(o.citizen, withdrawn.id, {
      action: 'withdraw',
      rowVersion: withdrawn.rowVersion,
      reason: 'Không còn nhu cầu',
    });
    assert.deepEqual(await kinds(withdrawn.id), ['supplement_requested', 'withdrawn']);
    assert.equal(
      (await notices(withdrawn.id)).at(-1)?.text,
      `Hồ sơ ${withdrawn.code} đã được rút theo yêu cầu của người nộp. Lý do: Không còn nhu cầu.`,
    );
  });

  it('a fee request and its payment queue their notices', async () => {
    const def = paymentProcess();
    const procedureCode = await publishProcedure(o, def);
    let d: DossierDetail = await o.receive({ procedureCode });
    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'forward'),
      assigneeId: o.ids.handler,
    });
    d = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'request_payment'),
      amount: 1_250_000,
    });
    d = await o.must(o.handler, d.id, { action: 'pay', rowVersion: d.rowVersion, receipt: 'BL-7' });
    assert.deepEqual(await kinds(d.id), ['received', 'processing', 'payment_requested', 'paid']);
    const asked = (await notices(d.id))[2];
    assert.match(asked?.text ?? '', /^Đề nghị nộp 1\.250\.000 đồng để tiếp tục giải quyết hồ sơ /);
  });

  it('every notice kind was queued by some decision above', () => {
    assert.deepEqual([...seen].sort(), [...NOTICE_KINDS].sort());
  });
});

describe('dossier history chain', () => {
  it('recomputes from the stored rows, and a changed row is detected', async () => {
    let d = await toAppraisal(o);
    d = await go(o, o.handler, d, 'extend', { reason: 'Chờ xác minh', extensionMinutes: 240 });
    await o.must(o.handler, d.id, { action: 'comment', text: 'Ghi chú nội bộ' });
    assert.equal(await brokenAt(d.id), null);
    const db = rt.database.db;
    // The trigger refuses any change.
    await assert.rejects(
      sql`update dossier_events set reason = 'đã sửa' where dossier_id = ${d.id} and seq = 2`.execute(db),
      /append-only/,
    );
    await sql`alter table dossier_events disable trigger dossier_events_append_only`.execute(db);
    try {
      await sql`update dossier_events set reason = 'Lý do đã bị sửa' where dossier_id = ${d.id} and seq = 4`.execute(
        db,
      );
    } finally {
      await sql`alter table dossier_events enable trigger dossier_events_append_only`.execute(db);
    }
    assert.equal(await brokenAt(d.id), 4);
    // A row removed from the middle breaks it too.
    const e = await toAppraisal(o);
    await sql`alter table dossier_events disable trigger dossier_events_append_only`.execute(db);
    try {
      await sql`delete from dossier_events where dossier_id = ${e.id} and seq = 2`.execute(db);
    } finally {
      await sql`alter table dossier_events enable trigger dossier_events_append_only`.execute(db);
    }
    assert.equal(await brokenAt(e.id), 3);
    await assert.rejects(
      sql`delete from dossier_events where dossier_id = ${e.id}`.execute(db),
      /append-only/,
    );
  });
});
