import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { accessGeneration, CatalogCache, generations } from '../procedures/public-cache.ts';
import type { AuthContext, StoredSession } from './sessions.ts';
import { readSession, touchSession } from './sessions.ts';
import { sha256 } from './tokens.ts';

/** Sessions kept per process; a signed-in person's next request usually comes within minutes. */
const KEPT_SESSIONS = 20_000;
/** "Last seen" is written at most once a minute per session, not at every request. */
const TOUCH_EVERY_MS = 60_000;
/** A load that found no live session: not kept (random tokens must not evict real sessions). */
class NoSession extends Error {}

/**
 * Resolves a cookie token to its AuthContext. Every signed-in request needs one, and it was one
 * statement each (session, account, grants, place; issue 8): on PostgreSQL the answer is kept in
 * memory (migration 0026). A change of an account's name or status, of an official's place, group,
 * roles or agency bumps the access generation, and every process reads its sessions again; a revoked
 * or ended session (sign-out, password change, session limit) is logged with a number in commit
 * order, and every process forgets just that session. As for the catalog caches, each request waits
 * for a reading of both numbers that started after it arrived (and for the log up to it), so such a
 * change committed before the request is always seen, by every process on the database. Expiry is
 * checked on every use. On PGlite (one session) the session is read each time.
 */
export class SessionResolver {
  private readonly database: Database;
  private readonly cache: CatalogCache;
  private readonly touched = new Map<string, number>();
  /** Revocations up to this number are applied to the cache; null before the first reading. */
  private revokedSeen: number | null = null;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(database: Database) {
    this.database = database;
    this.cache = new CatalogCache(() => accessGeneration(database.side), { session: KEPT_SESSIONS });
  }

  async resolve(token: string): Promise<AuthContext | undefined> {
    const session = await this.stored(sha256(token));
    const now = Date.now();
    if (!session || session.expiresAt <= now) return undefined;
    const id = session.auth.sessionId;
    if (now - Math.max(session.lastSeenAt, this.touched.get(id) ?? 0) > TOUCH_EVERY_MS) {
      if (this.touched.size >= KEPT_SESSIONS) this.touched.clear();
      this.touched.set(id, now);
      await touchSession(this.database.db, id);
    }
    return session.auth;
  }

  private async stored(sessionId: string): Promise<StoredSession | undefined> {
    const read = async () =>
      (await readSession(this.database.db, sessionId)) ?? Promise.reject(new NoSession());
    try {
      if (this.database.kind !== 'postgres') return await read();
      await this.forgetRevoked((await generations(this.database.side)).revoked);
      return await this.cache.get('session', sessionId, read);
    } catch (err) {
      if (err instanceof NoSession) return undefined;
      throw err;
    }
  }

  /** Forgets the sessions revoked up to `upTo`, one catch-up at a time, in order. */
  private forgetRevoked(upTo: number): Promise<void> {
    this.revokedSeen ??= upTo; // the first reading: nothing is kept yet
    if (upTo <= this.revokedSeen) return Promise.resolve();
    const step = this.catchingUp.then(async () => {
      const from = this.revokedSeen ?? upTo;
      if (upTo <= from) return;
      const r = await sql<{ session_id: string }>`select session_id from session_revocations
        where seq > ${from} and seq <= ${upTo}`.execute(this.database.side);
      // Every number is logged; a day of the log is kept (0026). A process that has not read it for
      // longer (idle, and sessions last more than a day) misses some: it forgets every session.
      if (r.rows.length < upTo - from) this.cache.forget('session');
      for (const row of r.rows) this.cache.forget('session', row.session_id);
      this.revokedSeen = upTo;
    });
    // A failed catch-up fails its request only; the next one tries again from the same number.
    this.catchingUp = step.catch(() => undefined);
    return step;
  }
}
