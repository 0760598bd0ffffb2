import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { foldVietnamese } from '../../src/domain/text.ts';
import { similarity, trigramList, trigramSet, wordSimilarity } from '../../src/domain/trigram.ts';
import { searchWords } from '../../src/modules/procedures/public.ts';
import { nationalRecords } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The catalog searches in memory with our own trigram functions; relevance must stay what pg_trgm
 * gives. Compared with the database's own `similarity` and `word_similarity` on the national names
 * and queries citizens type (typos, partial words, codes).
 */

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

const QUERIES = [
  'dang ky khai sinh',
  'khai snh',
  'khaisinh',
  'dang ki khai sinh',
  'dagn ki khia sinh',
  'giay phep xay dung',
  'giap phep',
  'cap lai',
  '1.001193',
  'ho chieu',
  'a',
  'ket hon co yeu to nuoc ngoai',
  'thanh lap doanh nghiep',
  'x',
];

describe('trigram functions agree with pg_trgm', () => {
  it('on 1,601 national names × 14 queries, to single precision', async () => {
    const names = nationalRecords().map((r) => foldVietnamese(`${String(r.TENTTHC)} ${String(r.MATTHC)}`));
    const phrases = QUERIES.map((q) => searchWords(q).join(' '));
    const pairs = phrases.flatMap((q) => names.map((n) => [q, n] as const));
    const rows = (
      await sql<{ s: number; w: number }>`select similarity(q, n) as s, word_similarity(q, n) as w
        from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) with ordinality as x(q, n, i)
        order by i`.execute(rt.database.db)
    ).rows;
    assert.equal(rows.length, pairs.length);
    let differing = 0;
    const examples: string[] = [];
    pairs.forEach(([q, n], i) => {
      const row = rows[i] as { s: number; w: number };
      const s = similarity(trigramSet(q), trigramSet(n));
      const w = wordSimilarity(trigramSet(q), trigramList(n));
      if (Math.abs(s - row.s) > 1e-6 || Math.abs(w - row.w) > 1e-6) {
        differing++;
        if (examples.length < 5) examples.push(`${q} | ${n}: ${s}/${row.s} ${w}/${row.w}`);
      }
    });
    assert.equal(differing, 0, examples.join('\n'));
    // The comparison is not vacuous: typos and partial words give intermediate values.
    assert.ok(rows.some((r) => r.w > 0.3 && r.w < 1));
  });
});
