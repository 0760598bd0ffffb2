import { sql } from 'kysely';
import type { Grant } from '../../domain/permissions.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import type { AccountKind } from '../../db/types.ts';
import { randomToken, sha256 } from './tokens.ts';

/** The signed-in principal of a request: the account, its session and (for officials) its grants. */
export interface AuthContext {
  sessionId: string;
  account: {
    id: string;
    kind: AccountKind;
    username: string;
    fullName: string;
    email: string | null;
  };
  grants: Grant[];
  /**
   * An official's agency, department and groups (work pools are matched against them), read with
   * the session in the same statement; absent for other accounts and for contexts made otherwise.
   */
  place?: { agencyId: string | null; departmentId: string | null; groupIds: string[] };
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Creates a session and enforces the per-account limit (Annex V.23): beyond `maxSessions`, the oldest
 * active sessions are revoked. Returns the cookie token; only its hash is stored.
 */
export async function createSession(
  trx: Tx,
  accountId: string,
  meta: SessionMeta,
  opts: { ttlHours: number; maxSessions: number },
): Promise<{ token: string; sessionId: string; revokedIds: string[] }> {
  const token = randomToken();
  const sessionId = sha256(token);
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      account_id: accountId,
      expires_at: new Date(Date.now() + opts.ttlHours * 3_600_000),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  const active = await trx
    .selectFrom('sessions')
    .select('id')
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const excess = active.slice(opts.maxSessions).map((s) => s.id);
  if (excess.length > 0) {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: 'session_limit' })
      .where('id', 'in', excess)
      .execute();
  }
  return { token, sessionId, revokedIds: excess };
}

/** A live session as read from the database: who it is, until when, last seen when (epoch ms). */
export interface StoredSession {
  auth: AuthContext;
  expiresAt: number;
  lastSeenAt: number;
}

/**
 * The session `sessionId` with its account, grants and place in one round trip, or undefined for an
 * unknown, expired or revoked session or an account that is not active. Every signed-in request needs
 * it: SessionResolver (session-cache.ts) keeps it in memory.
 */
export async function readSession(db: Executor, sessionId: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      's.id as sessionId',
      's.last_seen_at',
      's.expires_at',
      'a.id',
      'a.kind',
      'a.username',
      'a.full_name',
      'a.email',
      'a.status',
    ])
    // Direct role assignments plus the roles of the official's groups (scoped to the group's agency):
    // SQL function account_grants (migration 0006), whose plan PostgreSQL keeps per connection.
    .select(
      sql<Grant[]>`case when a.kind = 'official' then account_grants(a.id) else '[]'::jsonb end`.as('grants'),
    )
    // An official's place too: every official's request needs it (one round trip fewer, issue 8).
    .leftJoin('officials as o', 'o.account_id', 'a.id')
    .select(['o.agency_id as place_agency_id', 'o.department_id as place_department_id'])
    .select(
      sql<
        string[] | null
      >`case when a.kind = 'official' then array(select m.group_id from user_group_members m where m.account_id = a.id) end`.as(
        'place_group_ids',
      ),
    )
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  if (row?.status !== 'active') return undefined;
  const auth: AuthContext = {
    sessionId,
    account: {
      id: row.id,
      kind: row.kind,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
    },
    grants: row.grants,
    ...(row.kind === 'official'
      ? {
          place: {
            agencyId: row.place_agency_id,
            departmentId: row.place_department_id,
            groupIds: row.place_group_ids ?? [],
          },
        }
      : {}),
  };
  return { auth, expiresAt: row.expires_at.getTime(), lastSeenAt: row.last_seen_at.getTime() };
}

/** Records that the session was used now ("last seen", shown in the account's session list). */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function revokeSession(
  db: Executor,
  accountId: string,
  sessionId: string,
  reason: string,
): Promise<boolean> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function revokeAllSessions(db: Executor, accountId: string, reason: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function listSessions(db: Executor, accountId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
}
