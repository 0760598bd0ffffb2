import type { Insertable } from 'kysely';
import type { Executor } from '../../db/tx.ts';
import type { AccessLogTable } from '../../db/types.ts';

export type AccessEntry = Insertable<AccessLogTable>;

/**
 * Access log for usage reports (Annex III.14.1). Page requests are buffered and written in batches so
 * that logging never adds a write to the request path; sign-ins are written at once in their transaction.
 */
export class AccessLog {
  private buffer: AccessEntry[] = [];
  private timer: NodeJS.Timeout | undefined;

  private readonly db: Executor;
  private readonly maxBuffer: number;

  constructor(db: Executor, maxBuffer = 500) {
    this.db = db;
    this.maxBuffer = maxBuffer;
  }

  start(intervalMs = 2000): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  record(entry: AccessEntry): void {
    this.buffer.push({ ...entry, path: entry.path.slice(0, 500), user_agent: entry.user_agent?.slice(0, 300) ?? null });
    if (this.buffer.length >= this.maxBuffer) void this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.db.insertInto('access_log').values(batch).execute();
    } catch {
      // The database may be briefly unreachable; usage counts are not worth failing requests over.
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}

/** Writes one entry now, inside the caller's transaction (sign-in, sign-out). */
export async function writeAccess(db: Executor, entry: AccessEntry): Promise<void> {
  await db.insertInto('access_log').values(entry).execute();
}
