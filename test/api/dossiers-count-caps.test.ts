import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { WorklistCounts } from '../../src/modules/dossiers/schema.ts';
import { ARCHIVE_COUNT_CAP } from '../../src/modules/dossiers/worklist-specs.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Counts stop at a cap and say so (issue 8): a work queue counts up to 10,000 dossiers, exactly below
 * that; a record of past work (all dossiers, refused, signed, taken part in) up to 1,000, shown "1.000+".
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime(
    {},
    { web: { buildDir: fileURLToPath(new URL('../../build', import.meta.url)) } },
  );
  o = await dossierOffice(rt);
  const d = await o.receive();
  // 1,000 more dossiers like it (accepted, waiting to be passed on), each with a code of its own.
  const columns = (
    await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_name = 'dossiers' and is_generated = 'NEVER' and column_name not in ('id', 'code')`.execute(
      rt.database.db,
    )
  ).rows.map((c) => `"${c.name}"`);
  await sql`insert into dossiers (code, ${sql.raw(columns.join(', '))})
    select regexp_replace(d.code, '[0-9]{4}$', lpad((5000 + g)::text, 4, '0')), ${sql.raw(
      columns.map((c) => `d.${c}`).join(', '),
    )}
    from dossiers d, generate_series(1, 1000) g where d.id = ${d.id}`.execute(rt.database.db);
});
after(async () => rt.stop());

const counts = async () =>
  Object.fromEntries(
    (await o.counter.get('/api/dossiers/counts')).json<WorklistCounts>().lists.map((l) => [l.list, l.count]),
  );

describe('worklist count caps', () => {
  it('counts a work queue exactly below 10,000, and a record up to 1,000, saying it stopped', async () => {
    const c = await counts();
    assert.deepEqual(c.cho_chuyen, { total: 1001, overdue: 0, nearDue: 0, capped: false });
    assert.equal(c.tat_ca?.total, ARCHIVE_COUNT_CAP);
    assert.equal(c.tat_ca?.capped, true);
    assert.equal(c.cho_tiep_nhan?.capped, false);
  });

  it('shows a stopped count as "1.000+" in the worklist tabs', async () => {
    const page = await o.counter.get('/mot-cua/ho-so?ds=tat_ca');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-list="tat_ca"[^]*?ds-tab-total">1\.000\+</);
    assert.match(page.body, /data-list="cho_chuyen"[^]*?ds-tab-total">1\.001</);
  });
});
