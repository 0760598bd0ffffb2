import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createAccount } from '../support/factories.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * A dossier's applicant is linked to the account with the same identity number (citizens) or tax code
 * (organisations) on every online submission and counter receipt, and the counter's applicant lookup
 * searches by either. With hundreds of thousands of accounts these must be index lookups
 * (migration 0017; bench/portal.ts measured 264 ms a submission walking 250,000 accounts).
 */

let rt: TestRuntime;
let citizen: { id: string };
let organisation: { id: string };

before(async () => {
  rt = await startTestRuntime();
  const db = rt.database.db;
  citizen = await createAccount(rt.database, { kind: 'citizen' });
  organisation = await createAccount(rt.database, { kind: 'organisation' });
  await db
    .updateTable('accounts')
    .set({ id_type: 'CCCD', id_number: '079012345678' })
    .where('id', '=', citizen.id)
    .execute();
  await db
    .updateTable('accounts')
    .set({ tax_code: '0312345678' })
    .where('id', '=', organisation.id)
    .execute();
});
after(async () => rt.stop());

/** The plan of `query` with sequential scans ruled out, so the table's tiny size does not decide. */
async function planOf(query: ReturnType<typeof sql>): Promise<string> {
  return rt.database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const r = await sql<Record<string, string>>`explain ${query}`.execute(trx);
    return r.rows.map((row) => Object.values(row).join(' ')).join('\n');
  });
}

describe('account lookup by identity number or tax code', () => {
  it('finds the citizen by identity number through the accounts_identity index', async () => {
    const q = sql`select id from accounts where id_number = ${'079012345678'} and kind = ${'citizen'}`;
    const rows = (await q.execute(rt.database.db)).rows as { id: string }[];
    assert.deepEqual(
      rows.map((r) => r.id),
      [citizen.id],
    );
    assert.match(await planOf(q), /accounts_identity/);
  });

  it('finds the organisation by tax code through the accounts_tax_code index', async () => {
    const q = sql`select id from accounts where tax_code = ${'0312345678'} and kind = ${'organisation'}`;
    const rows = (await q.execute(rt.database.db)).rows as { id: string }[];
    assert.deepEqual(
      rows.map((r) => r.id),
      [organisation.id],
    );
    assert.match(await planOf(q), /accounts_tax_code/);
  });
});
