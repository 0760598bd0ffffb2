import { fromKysely } from 'pg-boss';
import type { PgBoss } from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/client.ts';

/** How long a nudge waits for others to share its pass: unnoticeable for a notice, many commits under load. */
const GATHER_MS = 20;

/**
 * Moves committed outbox rows to the job queue. Rows are claimed with SKIP LOCKED, so several app
 * processes can relay at once without sending an event twice.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private next: Promise<number> | undefined;

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

  /**
   * Runs a relay pass that starts after this call, so it sees every row committed before it; returns
   * how many events that pass relayed. Nudges coalesce: a pass starts GATHER_MS after the first
   * nudge that asks for it (and not before the one running ends), and every nudge until then shares
   * it. Every commit nudges (services.ts afterCommit); a pass per commit was 5 statements and a
   * second commit for each online submission under load (issue 8).
   */
  nudge(): Promise<number> {
    this.next ??= (async () => {
      await Promise.all([this.running?.catch(() => undefined), sleep(GATHER_MS)]);
      this.next = undefined;
      const pass = this.relayOnce();
      this.running = pass;
      try {
        return await pass;
      } finally {
        if (this.running === pass) this.running = undefined;
      }
    })();
    return this.next;
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
    await this.next?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }
}
