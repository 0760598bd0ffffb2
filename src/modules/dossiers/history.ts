import { sql } from 'kysely';
import type { Executor } from '../../db/tx.ts';
import { eventHash, FIRST_HASH } from './store.ts';

/**
 * Verification of the dossiers' histories (II.18.1, decision 0006): each dossier's events form a hash
 * chain from FIRST_HASH, and the dossier row holds its head (history_seq, history_hash). Editing,
 * deleting or inserting an event, or rewinding the head, breaks it. Streams the whole table in
 * (dossier, seq) order, a batch at a time; `npm run audit:verify` runs it after the audit log.
 */

export type DossierChainBreak = {
  dossierId: string;
  seq: number;
  reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'head_mismatch';
};

export type DossierVerifyResult =
  | { ok: true; dossiers: number; events: number }
  | { ok: false; dossiers: number; events: number; broken: DossierChainBreak };

export function describeDossierBreak(b: DossierChainBreak): string {
  const what = {
    gap: 'thiếu bản ghi',
    prev_hash_mismatch: 'mã băm của bản ghi trước không khớp',
    hash_mismatch: 'nội dung bản ghi đã bị thay đổi',
    head_mismatch: 'đầu chuỗi trên hồ sơ không khớp với bản ghi cuối cùng',
  }[b.reason];
  return `hồ sơ ${b.dossierId}, bản ghi số ${b.seq}: ${b.reason} (${what})`;
}

export async function verifyDossierChains(
  db: Executor,
  opts: { batchSize?: number } = {},
): Promise<DossierVerifyResult> {
  const batchSize = opts.batchSize ?? 5_000;
  let after: { id: string; seq: number } | null = null;
  let current: { id: string; seq: number; hash: string } | null = null;
  let dossiers = 0;
  let events = 0;
  // Heads are checked a batch at a time (one query per batch of closed dossiers, never one per dossier).
  let closed: { id: string; seq: number; hash: string }[] = [];
  const checkHeads = async (): Promise<DossierChainBreak | null> => {
    if (closed.length === 0) return null;
    const heads = await db
      .selectFrom('dossiers')
      .select(['id', 'history_seq', 'history_hash'])
      .where(
        'id',
        'in',
        closed.map((c) => c.id),
      )
      .execute();
    const byId = new Map(heads.map((h) => [h.id, h]));
    const bad = closed.find((c) => {
      const h = byId.get(c.id);
      return !h || h.history_seq !== c.seq || h.history_hash !== c.hash;
    });
    closed = [];
    return bad ? { dossierId: bad.id, seq: bad.seq, reason: 'head_mismatch' } : null;
  };
  const page = (from: { id: string; seq: number } | null) =>
    db
      .selectFrom('dossier_events')
      .selectAll()
      .where(from ? sql<boolean>`(dossier_id, seq) > (${from.id}::uuid, ${from.seq})` : sql<boolean>`true`)
      .orderBy('dossier_id')
      .orderBy('seq')
      .limit(batchSize)
      .execute();
  for (;;) {
    const rows = await page(after);
    for (const e of rows) {
      if (!current || current.id !== e.dossier_id) {
        if (current) closed.push(current);
        current = { id: e.dossier_id, seq: 0, hash: FIRST_HASH };
        dossiers += 1;
      }
      if (e.seq !== current.seq + 1)
        return {
          ok: false,
          dossiers,
          events,
          broken: { dossierId: e.dossier_id, seq: e.seq, reason: 'gap' },
        };
      if (e.prev_hash !== current.hash) {
        return {
          ok: false,
          dossiers,
          events,
          broken: { dossierId: e.dossier_id, seq: e.seq, reason: 'prev_hash_mismatch' },
        };
      }
      const expected = eventHash(e.prev_hash, {
        dossierId: e.dossier_id,
        seq: e.seq,
        at: e.at.toISOString(),
        actorId: e.actor_id,
        actorName: e.actor_name,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        fromStep: e.from_step,
        toStep: e.to_step,
        fromHolder: e.from_holder,
        toHolder: e.to_holder,
        reason: e.reason,
        files: e.files,
        details: e.details,
      });
      if (expected !== e.hash)
        return {
          ok: false,
          dossiers,
          events,
          broken: { dossierId: e.dossier_id, seq: e.seq, reason: 'hash_mismatch' },
        };
      current = { id: e.dossier_id, seq: e.seq, hash: e.hash };
      events += 1;
    }
    const broken = await checkHeads();
    if (broken) return { ok: false, dossiers, events, broken };
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = { id: last.dossier_id, seq: last.seq };
  }
  if (current) closed.push(current);
  const broken = await checkHeads();
  if (broken) return { ok: false, dossiers, events, broken };
  return { ok: true, dossiers, events };
}
