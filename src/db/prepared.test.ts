import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { prepared, PreparingClient, STATEMENTS_PER_CONNECTION } from './prepared.ts';

// Named statements are a PostgreSQL server's: PGlite's pool does not use PreparingClient.
const url = process.env.DATABASE_URL;

describe('prepared statements (PostgreSQL)', { skip: url ? false : 'needs DATABASE_URL' }, () => {
  let pool: pg.Pool;
  let db: Kysely<Record<string, never>>;
  const preparedNames = async () =>
    (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)).rows.map((r) => r.name);

  before(() => {
    // One connection: every statement below runs on the same session.
    pool = new pg.Pool({ connectionString: url, max: 1, Client: PreparingClient });
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  });
  after(async () => db.destroy());

  it('runs a marked query as one named statement, planned generically after five runs', async () => {
    const query = db.selectNoFrom(sql<number>`${sql.val(1)}::int + ${sql.val(2)}::int`.as('sum'));
    for (let i = 0; i < 8; i++) {
      const { rows } = await db.executeQuery(prepared(query));
      assert.deepEqual(rows, [{ sum: 3 }]);
    }
    const names = await preparedNames();
    assert.equal(names.length, 1);
    const [plans] = (
      await sql<{ generic: number; custom: number }>`
        select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements`.execute(db)
    ).rows;
    assert.deepEqual(plans, { generic: 3, custom: 5 });
    // Unmarked statements stay unnamed.
    await query.execute();
    assert.equal((await preparedNames()).length, 1);
  });

  it(`keeps at most ${STATEMENTS_PER_CONNECTION} statements a connection; past it, new texts run unprepared`, async () => {
    for (let i = 0; i <= STATEMENTS_PER_CONNECTION; i++) {
      const query = db.selectNoFrom(sql<number>`${sql.lit(i)}::int + ${sql.val(1)}::int`.as('n'));
      const { rows } = await db.executeQuery(prepared(query));
      assert.deepEqual(rows, [{ n: i + 1 }]);
    }
    assert.equal((await preparedNames()).length, STATEMENTS_PER_CONNECTION);
  });
});
