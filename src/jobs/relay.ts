import { fromKysely } from 'pg-boss';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';

/**
 * Moves committed outbox rows to the job queue. Rows are claimed with SKIP LOCKED, so several app
 * processes can relay at once without sending an event twice.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  private readonly database: Database;
  private readonly boss: PgBoss;

  constructor(database: Database, boss: PgBoss) {
    this.database = database;
    this.boss = boss;
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.nudge(), intervalMs);
    this.timer.unref();
  }

  /** Runs one relay pass now (or joins the one in progress); returns how many events were relayed. */
  nudge(): Promise<number> {
    this.running ??= this.relayOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relayOnce(): Promise<number> {
    return this.database.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload'])
        .where('dispatched_at', 'is', null)
        .orderBy('id')
        .limit(100)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        // The job is written in this same transaction (never through a second pool connection: on
        // PGlite that would deadlock), so the outbox row and its job commit or roll back together.
        await this.boss.send(row.topic, row.payload, { db: fromKysely(trx) });
      }
      if (rows.length > 0) {
        await trx
          .updateTable('outbox')
          .set({ dispatched_at: new Date() })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      }
      return rows.length;
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
