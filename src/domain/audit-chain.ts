import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash covers; any change to one of them breaks the chain. */
export interface AuditEntryContent {
  seq: number;
  at: string; // ISO 8601, UTC
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  agencyId: string | null;
  summary: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, entry: AuditEntryContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export interface StoredAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; reason: 'gap'; expectedSeq: number }
  | { seq: number; reason: 'prev_hash_mismatch' }
  | { seq: number; reason: 'hash_mismatch' };

/** Checks consecutive entries, starting after (prevSeq, prevHash); returns the first broken link. */
export function verifyChain(
  entries: Iterable<StoredAuditEntry>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { ok: true; last: { seq: number; hash: string } } | { ok: false; broken: ChainBreak } {
  let prev = start;
  for (const e of entries) {
    if (e.seq !== prev.seq + 1) return { ok: false, broken: { seq: e.seq, reason: 'gap', expectedSeq: prev.seq + 1 } };
    if (e.prevHash !== prev.hash) return { ok: false, broken: { seq: e.seq, reason: 'prev_hash_mismatch' } };
    const { prevHash: _p, hash, ...content } = e;
    if (auditHash(e.prevHash, content) !== hash) return { ok: false, broken: { seq: e.seq, reason: 'hash_mismatch' } };
    prev = { seq: e.seq, hash };
  }
  return { ok: true, last: prev };
}
