import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUSEKEEPING } from '../../src/jobs/housekeeping.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** The nightly housekeeping job: scheduled when workers run, and a run deletes drafts unused for 90 days. */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime({ WORKERS: 'true' });
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

async function draft(daysAgo: number): Promise<string> {
  const proc = await rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  const row = await rt.database.db
    .insertInto('dossier_drafts')
    .values({
      account_id: o.ids.citizen,
      procedure_id: proc.id,
      procedure_code: o.procedureCode,
      agency_id: null,
      form_values: JSON.stringify({ hoTen: 'Trần Thị Bình' }),
      eform_version: 0,
      updated_at: new Date(Date.now() - daysAgo * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('housekeeping', () => {
  it('is scheduled every night in Vietnam time', async () => {
    const schedules = await rt.boss.getSchedules(HOUSEKEEPING.queue);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]?.cron, HOUSEKEEPING.cron);
    assert.equal(schedules[0]?.options?.tz ?? (schedules[0] as { tz?: string }).tz, 'Asia/Ho_Chi_Minh');
  });

  it('deletes drafts unused for 90 days when the job runs, and keeps the others', async () => {
    const stale = await draft(91);
    const fresh = await draft(89);
    await rt.boss.send(HOUSEKEEPING.queue, {});
    let left: string[] = [];
    for (let i = 0; i < 100; i++) {
      left = (
        await rt.database.db
          .selectFrom('dossier_drafts')
          .select('id')
          .where('id', 'in', [stale, fresh])
          .execute()
      ).map((r) => r.id);
      if (!left.includes(stale)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(left, [fresh]);
  });
});
