import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { defaultEform } from '../../src/modules/eforms/default.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import { statementsOf } from '../support/statements.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Where a new dossier enters (agency, procedure, process, e-form) is kept under the catalog
 * generation on PostgreSQL (src/modules/dossiers/entry.ts): a receipt's transaction reads none of it,
 * and any change to those tables is seen by the very next receipt or submission.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

const eformVersionOf = async (id: string) =>
  (
    await rt.database.db
      .selectFrom('dossiers')
      .select('eform_version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).eform_version;

const expectProblem = async (over: Record<string, unknown>, field: string) => {
  const res = await o.counter.post('/api/dossiers', {
    procedureCode: o.procedureCode,
    agencyId: o.agency.id,
    applicant: { kind: 'citizen', fullName: 'Nguyễn Văn Thử', idNumber: '001090000001', phone: '0912345678' },
    summary: 'Thử',
    components: [],
    decision: 'accept',
    ...over,
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.ok(
    res.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === field),
    res.body,
  );
};

describe('entry facts of receipts and submissions', () => {
  it('reads neither the agency, the procedure nor the process inside a receipt once kept', async (t) => {
    if (rt.database.kind !== 'postgres') return t.skip('PGlite reads them each time');
    await o.receive();
    const statements = await statementsOf(() => o.receive());
    const begin = statements.indexOf('begin');
    const inside = statements.slice(begin, statements.indexOf('commit', begin));
    assert.ok(begin >= 0 && inside.length > 0, statements.join('\n'));
    const reads = inside.filter((s) => /from "(agencies|procedures|process_definitions)"/.test(s));
    assert.deepEqual(reads, []);
  });

  it('sees a withdrawn procedure, an agency taken off it and a new e-form at the next request', async () => {
    const db = rt.database.db;
    await o.receive();
    await db.updateTable('procedures').set({ status: 'withdrawn' }).where('code', '=', o.procedureCode).execute();
    await expectProblem({}, 'procedureCode');
    await db.updateTable('procedures').set({ status: 'published' }).where('code', '=', o.procedureCode).execute();
    await o.receive();

    const procedure = await db
      .selectFrom('procedures')
      .select('id')
      .where('code', '=', o.procedureCode)
      .executeTakeFirstOrThrow();
    const kept = await db
      .selectFrom('procedure_agencies')
      .selectAll()
      .where('procedure_id', '=', procedure.id)
      .where('agency_id', '=', o.agency.id)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('procedure_agencies').where('procedure_id', '=', procedure.id).where('agency_id', '=', o.agency.id).execute();
    await expectProblem({}, 'agencyId');
    await db.insertInto('procedure_agencies').values(kept).execute();
    assert.equal(await eformVersionOf((await o.submit()).id), 0);

    await db
      .insertInto('eform_versions')
      .values({
        procedure_id: procedure.id,
        version: 1,
        definition: JSON.stringify(defaultEform('Tờ khai mới')),
      })
      .execute();
    assert.equal(await eformVersionOf((await o.submit()).id), 1);
  });

  it("takes the agency's own published process over the default, from the next receipt", async () => {
    assert.equal((await o.receive()).processId, o.processId);
    const { rows } = await sql<{ id: string }>`
      insert into process_definitions (procedure_id, agency_id, version, status, definition, published_at)
      select procedure_id, ${o.agency.id}::uuid, 1, 'published', definition, now()
      from process_definitions where id = ${o.processId}::uuid
      returning id`.execute(rt.database.db);
    const variant = rows[0]?.id;
    assert.ok(variant);
    assert.equal((await o.receive()).processId, variant);
  });
});
