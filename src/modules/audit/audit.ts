import { sql } from 'kysely';
import { auditHash } from '../../domain/audit-chain.ts';
import type { Tx } from '../../db/tx.ts';

/** Who acts, from where: carried from the HTTP request into every service call. */
export interface Actor {
  accountId: string | null;
  name: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { accountId: null, name: 'hệ thống', ip: null };

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  agencyId?: string | null;
  /** Short before/after summary; never passwords, tokens or full personal records. */
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction. The head row is
 * locked, so concurrent writers take turns and the chain stays linear; call it last in a transaction
 * to keep that lock short.
 */
export async function appendAudit(trx: Tx, actor: Actor, input: AuditInput): Promise<number> {
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  const seq = head.seq + 1;
  // Millisecond precision: what PostgreSQL stores must equal what we hashed.
  const at = new Date();
  const summary = compact({ before: input.before, after: input.after, ...input.details });
  const content = {
    seq,
    at: at.toISOString(),
    actorId: actor.accountId,
    actorName: actor.name,
    ip: actor.ip,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    agencyId: input.agencyId ?? null,
    summary,
  };
  const hash = auditHash(head.hash, content);
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at,
      actor_id: actor.accountId,
      actor_name: actor.name,
      ip: actor.ip,
      action: input.action,
      entity_type: input.entityType,
      entity_id: content.entityId,
      agency_id: content.agencyId,
      summary: JSON.stringify(summary),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where(sql<boolean>`true`).execute();
  return seq;
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Fields whose values never enter the audit summary. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash', 'captcha']);

/** A record minus secrets, for before/after summaries. */
export function redactForAudit(row: Record<string, unknown> | undefined | null): Record<string, unknown> | undefined {
  if (!row) return undefined;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !SECRET_KEYS.has(k) && k !== 'search')
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}
