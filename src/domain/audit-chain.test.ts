import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditHash, canonicalJson, GENESIS_HASH, verifyChain } from './audit-chain.ts';
import type { StoredAuditEntry } from './audit-chain.ts';

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = { seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), actorId: null, actorName: 'hệ thống', ip: null, action: 'test', entityType: 't', entityId: String(seq), agencyId: null, summary: { b: 1, a: [seq, 'Đăng ký'] } };
    const hash = auditHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('hashes the same content the same way whatever the key order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } }), '{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
  });

  it('verifies an intact chain and reports the last link', () => {
    const entries = chain(5);
    assert.deepEqual(verifyChain(entries), { ok: true, last: { seq: 5, hash: entries[4]!.hash } });
  });

  it('reports a changed entry, a gap and a relinked entry at the right seq', () => {
    const changed = chain(5);
    changed[2] = { ...changed[2]!, summary: { b: 2 } };
    assert.deepEqual(verifyChain(changed), { ok: false, broken: { seq: 3, reason: 'hash_mismatch' } });

    const gap = chain(5).filter((e) => e.seq !== 3);
    assert.deepEqual(verifyChain(gap), { ok: false, broken: { seq: 4, reason: 'gap', expectedSeq: 3 } });

    const relinked = chain(5);
    relinked[3] = { ...relinked[3]!, prevHash: GENESIS_HASH };
    assert.deepEqual(verifyChain(relinked), { ok: false, broken: { seq: 4, reason: 'prev_hash_mismatch' } });
  });

  it('continues from a checkpoint (batched verification)', () => {
    const entries = chain(6);
    const first = verifyChain(entries.slice(0, 3));
    assert.equal(first.ok, true);
    if (first.ok) assert.equal(verifyChain(entries.slice(3), first.last).ok, true);
  });
});
