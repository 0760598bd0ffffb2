import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { asArrivedAt } from '../../src/arrival.ts';
import { CatalogCache, coalesced } from '../../src/modules/procedures/public-cache.ts';
import { createAgency } from '../support/factories.ts';
import { importNational } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The public catalog's answers are kept in memory (bench/catalog.ts) but a committed change is seen
 * by the next call, whoever made it: another process writing the database directly, a field or an
 * agency renamed, a procedure withdrawn. Kept values cannot be changed by a caller.
 */

const BIRTH = '1.001193';
const MARRIAGE = '1.000894';

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
  await importNational(rt.services, { codes: [BIRTH, MARRIAGE, '1.003583', '1.004884'] });
});
after(async () => rt.stop());

const search = (q: string) => rt.services.publicCatalog.search({ q, limit: 20 });
const codes = async (q: string) => (await search(q)).items.map((i) => i.code);

describe('public catalog cache', () => {
  it('answers the same values again, frozen', async () => {
    const first = await search('khai sinh');
    assert.equal(await search('Khai Sinh'), first, 'same words, same kept page');
    assert.throws(() => (first.items as unknown[]).push(null), TypeError);
    const birth = await rt.services.publicCatalog.get(BIRTH);
    assert.equal(await rt.services.publicCatalog.get(BIRTH), birth);
    assert.throws(() => {
      (birth.content as { name: string }).name = 'x';
    }, TypeError);
  });

  it('sees a change committed by another process (straight to the database) at the next call', async () => {
    const db = rt.database.db;
    assert.ok((await codes('khai sinh')).includes(BIRTH));
    await db.updateTable('procedures').set({ status: 'withdrawn' }).where('code', '=', BIRTH).execute();
    assert.ok(!(await codes('khai sinh')).includes(BIRTH));
    await assert.rejects(rt.services.publicCatalog.get(BIRTH), { code: 'not_found' });
    await db.updateTable('procedures').set({ status: 'published' }).where('code', '=', BIRTH).execute();
    assert.ok((await codes('khai sinh')).includes(BIRTH));

    const field = (await rt.services.publicCatalog.get(MARRIAGE)).field.code;
    await db
      .updateTable('procedure_fields')
      .set({ name: 'Hộ tịch (đổi tên)' })
      .where('code', '=', field)
      .execute();
    assert.equal((await rt.services.publicCatalog.get(MARRIAGE)).field.name, 'Hộ tịch (đổi tên)');
    assert.ok((await rt.services.publicCatalog.fields()).some((f) => f.name === 'Hộ tịch (đổi tên)'));
  });

  it('keeps the agencies with their counts, and sees an agency renamed or a procedure withdrawn', async () => {
    const db = rt.database.db;
    const agency = await createAgency(rt.database, { level: 'province' });
    await db
      .insertInto('procedure_agencies')
      .columns(['procedure_id', 'agency_id'])
      .expression(
        db
          .selectFrom('procedures')
          .select(['id', sql<string>`${agency.id}::uuid`.as('agency_id')])
          .where('code', 'in', [BIRTH, MARRIAGE]),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const first = await rt.services.publicCatalog.agencies();
    assert.ok(first.length > 0);
    assert.equal(await rt.services.publicCatalog.agencies(), first, 'kept');
    const top = first.find((a) => a.id === agency.id)!;
    await db.updateTable('agencies').set({ name: `${top.name} (đổi tên)` }).where('id', '=', top.id).execute();
    const renamed = await rt.services.publicCatalog.agencies();
    assert.equal(renamed.find((a) => a.id === top.id)?.name, `${top.name} (đổi tên)`);
    await db.updateTable('procedures').set({ status: 'withdrawn' }).where('code', '=', BIRTH).execute();
    const fewer = (await rt.services.publicCatalog.agencies()).find((a) => a.id === top.id)?.count ?? 0;
    await db.updateTable('procedures').set({ status: 'published' }).where('code', '=', BIRTH).execute();
    await db.updateTable('agencies').set({ name: top.name }).where('id', '=', top.id).execute();
    const again = (await rt.services.publicCatalog.agencies()).find((a) => a.id === top.id)?.count ?? 0;
    assert.ok(fewer < again, `withdrawing a procedure lowers the count (${fewer} < ${again})`);
  });

  it('does not see what is not committed yet, and sees it once committed', async () => {
    const db = rt.database.db;
    const before = await codes('ket hon');
    assert.ok(before.includes(MARRIAGE));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('procedures').set({ status: 'withdrawn' }).where('code', '=', MARRIAGE).execute();
      // PGlite is one session: only a PostgreSQL server lets another connection read meanwhile.
      if (rt.database.kind === 'postgres') assert.deepEqual(await codes('ket hon'), before);
    });
    assert.ok(!(await codes('ket hon')).includes(MARRIAGE));
    await sql`update procedures set status = 'published' where code = ${MARRIAGE}`.execute(db);
  });

  it('shares one reading of the generation between concurrent calls, each reading started after the call', async () => {
    let readings = 0;
    let generation = 1;
    const pending: (() => void)[] = [];
    const cache = new CatalogCache(
      coalesced(
        () =>
          new Promise<number>((resolve) => {
            readings++;
            const seen = generation;
            pending.push(() => resolve(seen));
          }),
      ),
      { k: 10 },
    );
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const a = cache.get('k', 'x', load); // starts reading 1
    await Promise.resolve();
    generation = 2; // committed while reading 1 is in flight
    const b = cache.get('k', 'x', load); // must not be answered by reading 1
    const c = cache.get('k', 'x', load); // shares the queued reading with b
    assert.equal(readings, 1);
    pending.shift()?.();
    assert.equal(await a, 1);
    await new Promise((r) => setImmediate(r));
    assert.equal(readings, 2);
    pending.shift()?.();
    assert.equal(await b, 2, 'a new generation loads again');
    assert.equal(await c, 2, 'one load for both');
    assert.equal(loads, 2);
  });

  it('answers every call of a request from one reading that started after the request arrived', async () => {
    let readings = 0;
    const current = coalesced(() => Promise.resolve(++readings));
    await asArrivedAt(performance.now(), async () => {
      assert.equal(await current(), 1);
      assert.equal(await current(), 1, 'a reading that started after the arrival serves the request');
      assert.equal(readings, 1);
    });
    // Outside a request, and in a request that arrived after it, the reading is too old.
    assert.equal(await current(), 2);
    await asArrivedAt(performance.now(), async () => {
      assert.equal(await current(), 3);
    });
    // A request that arrived before a reading started shares it.
    const early = performance.now();
    assert.equal(await current(), 4);
    await asArrivedAt(early, async () => {
      assert.equal(await current(), 4);
    });
    assert.equal(readings, 4);
  });
});
