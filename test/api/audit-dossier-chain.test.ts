import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { verifyDossierChains } from '../../src/modules/dossiers/history.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** The dossiers' histories are hash chains (II.18.1): verified whole, and any tampering is found. */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  for (let i = 0; i < 3; i++) {
    const d = await o.receive();
    await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
    });
  }
});
after(async () => rt.stop());

describe('dossier history chain', () => {
  it('verifies every dossier, in batches smaller than one dossier’s history', async () => {
    const r = await verifyDossierChains(rt.database.db, { batchSize: 1 });
    assert.deepEqual(r, { ok: true, dossiers: 3, events: 6 });
  });

  it('finds an edited reason, a rewound head and a deleted event', async () => {
    const db = rt.database.db;
    const [first] = await db
      .selectFrom('dossiers')
      .select(['id', 'history_seq', 'history_hash'])
      .orderBy('id')
      .limit(1)
      .execute();
    assert.ok(first);
    await sql`alter table dossier_events disable trigger dossier_events_append_only`.execute(db);
    try {
      await db
        .updateTable('dossier_events')
        .set({ reason: 'sửa lén' })
        .where('dossier_id', '=', first.id)
        .where('seq', '=', 1)
        .execute();
      let r = await verifyDossierChains(db);
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && r.broken, { dossierId: first.id, seq: 1, reason: 'hash_mismatch' });
      await db
        .updateTable('dossier_events')
        .set({ reason: null })
        .where('dossier_id', '=', first.id)
        .where('seq', '=', 1)
        .execute();
      assert.equal((await verifyDossierChains(db)).ok, true);

      await db.updateTable('dossiers').set({ history_seq: 1 }).where('id', '=', first.id).execute();
      r = await verifyDossierChains(db);
      assert.deepEqual(!r.ok && r.broken, { dossierId: first.id, seq: 2, reason: 'head_mismatch' });
      await db
        .updateTable('dossiers')
        .set({ history_seq: first.history_seq })
        .where('id', '=', first.id)
        .execute();

      await db.deleteFrom('dossier_events').where('dossier_id', '=', first.id).where('seq', '=', 1).execute();
      r = await verifyDossierChains(db);
      assert.deepEqual(!r.ok && r.broken, { dossierId: first.id, seq: 2, reason: 'gap' });
    } finally {
      await sql`alter table dossier_events enable trigger dossier_events_append_only`.execute(db);
    }
  });

  it('refuses to change or delete history rows', async () => {
    const db = rt.database.db;
    await assert.rejects(db.updateTable('dossier_events').set({ reason: 'x' }).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('dossier_events').execute(), /append-only/);
  });
});
