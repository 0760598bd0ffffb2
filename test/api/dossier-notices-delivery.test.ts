import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Notices reach the applicant's portal inbox through the real path: outbox row in the action's
 * transaction → relay → pg-boss job → `notices` (II.5.10, II.8.9, II.10.2; III.5.2 a), once each.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime({ WORKERS: 'true' });
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

async function noticesOf(dossierId: string, want: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await rt.database.db
      .selectFrom('notices')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
    if (rows.length >= want) return rows;
    await sleep(100);
  }
  return rt.database.db
    .selectFrom('notices')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();
}

describe('dossier notices', () => {
  it('keeps the applicant’s notices for the portal, in order, once each', async () => {
    let d = await o.submit();
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
    });
    const rows = await noticesOf(d.id, 3);
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['submitted', 'received', 'processing'],
    );
    assert.ok(rows.every((r) => r.account_id === o.ids.citizen));
    assert.match(
      rows[1]?.body ?? '',
      new RegExp(
        `đã tiếp nhận hồ sơ ${d.code.replace(/\./g, '\\.')}.*Ngày hẹn trả kết quả: \\d{2}/\\d{2}/\\d{4}`,
      ),
    );
    // Relaying again (as after a crash) adds nothing.
    await rt.services.relay.nudge();
    await sleep(300);
    assert.equal((await noticesOf(d.id, 3)).length, 3);
  });

  it('tells a refused applicant why', async () => {
    const d = await o.receive({ decision: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' });
    const rows = await noticesOf(d.id, 1);
    assert.equal(rows[0]?.kind, 'refused');
    assert.match(rows[0]?.body ?? '', /Lý do: Không thuộc thẩm quyền giải quyết/);
  });
});
