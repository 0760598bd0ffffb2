import { GENESIS_HASH, verifyChain } from '../../domain/audit-chain.ts';
import type { ChainBreak, StoredAuditEntry } from '../../domain/audit-chain.ts';
import type { Executor } from '../../db/tx.ts';

/**
 * A break of the chain as found in the database: a link of the hash chain (see domain/audit-chain.ts),
 * or the head row disagreeing with the last entry (the newest entries were deleted or the head edited).
 */
export type AuditChainBreak = ChainBreak | { seq: number; reason: 'head_mismatch'; lastSeq: number };

export type AuditVerifyResult =
  | { ok: true; checked: number; head: { seq: number; hash: string } }
  | { ok: false; checked: number; broken: AuditChainBreak };

export interface VerifyOptions {
  /** Rows read per query; the log is streamed, never loaded whole. */
  batchSize?: number;
  /** Called after each batch with the number of entries checked so far. */
  onProgress?: (checked: number) => void;
}

/** Human-readable (Vietnamese) description of a break, for the CLI and the admin screen. */
export function describeBreak(b: AuditChainBreak): string {
  switch (b.reason) {
    case 'gap':
      return `bản ghi số ${b.seq}: gap (thiếu bản ghi số ${b.expectedSeq})`;
    case 'prev_hash_mismatch':
      return `bản ghi số ${b.seq}: prev_hash_mismatch (mã băm của bản ghi trước không khớp)`;
    case 'hash_mismatch':
      return `bản ghi số ${b.seq}: hash_mismatch (nội dung bản ghi đã bị thay đổi)`;
    case 'head_mismatch':
      return `bản ghi số ${b.seq}: head_mismatch (đầu chuỗi ghi số ${b.seq} nhưng bản ghi cuối cùng là số ${b.lastSeq})`;
  }
}

/**
 * Verifies the whole audit chain, batch by batch in seq order, up to the head as it was when the
 * check started: entries appended meanwhile are left for the next run. The head row and the audit
 * rows are written in the same transaction, so every entry up to the head read here is committed.
 */
export async function verifyAuditChain(db: Executor, opts: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const batchSize = Math.max(1, opts.batchSize ?? 5_000);
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  let prev = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prev.seq)
      .where('seq', '<=', headSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    const entries: StoredAuditEntry[] = rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      agencyId: r.agency_id,
      summary: r.summary,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const result = verifyChain(entries, prev);
    if (!result.ok) {
      const brokenAt = entries.findIndex((e) => e.seq === result.broken.seq);
      return { ok: false, checked: checked + Math.max(0, brokenAt), broken: result.broken };
    }
    checked += entries.length;
    prev = result.last;
    opts.onProgress?.(checked);
    if (rows.length < batchSize) break;
  }
  if (prev.seq !== headSeq || prev.hash !== (head?.hash ?? GENESIS_HASH)) {
    return { ok: false, checked, broken: { seq: headSeq, reason: 'head_mismatch', lastSeq: prev.seq } };
  }
  return { ok: true, checked, head: prev };
}
