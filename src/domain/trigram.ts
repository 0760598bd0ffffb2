/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it (`similarity`, `word_similarity`), for
 * folded ASCII text (see foldVietnamese). The public catalog searches in memory with these, so its
 * relevance is the one the SQL search had; trigram.test.ts compares both on the real database.
 *
 * A word is a run of letters and digits; each is padded with two spaces before and one after
 * ("  ab ") and cut into overlapping three-character pieces. Ratios are single precision, as in C.
 */

const WORD = /[a-z0-9]+/g;

/** Trigrams of every word of `text`, in order and with repeats (pg_trgm's generate_trgm_only). */
export function trigramList(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const padded = `  ${match[0]} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  }
  return out;
}

/** Distinct trigrams of `text` (what show_trgm lists). */
export function trigramSet(text: string): Set<string> {
  return new Set(trigramList(text));
}

const ratio = (count: number, len1: number, len2: number): number =>
  Math.fround(Math.fround(count) / Math.fround(len1 + len2 - count));

/** pg_trgm `similarity(a, b)`: shared distinct trigrams over all distinct trigrams of both. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return ratio(shared, a.size, b.size);
}

/**
 * A text's trigrams ready for repeated word similarity: each position's distinct-trigram slot, and
 * each slot's trigram.
 */
export interface SlottedTrigrams {
  slots: Int32Array;
  keys: readonly string[];
}

export function slotTrigrams(list: readonly string[]): SlottedTrigrams {
  const byKey = new Map<string, number>();
  const slots = new Int32Array(list.length);
  const keys: string[] = [];
  list.forEach((t, i) => {
    let slot = byKey.get(t);
    if (slot === undefined) {
      slot = keys.length;
      byKey.set(t, slot);
      keys.push(t);
    }
    slots[i] = slot;
  });
  return { slots, keys };
}

/**
 * pg_trgm `word_similarity(query, text)`: the greatest similarity between the query's trigrams and a
 * continuous extent of the text's trigrams (iterate_word_similarity, non-strict). `text` is the
 * text's trigramList.
 */
export function wordSimilarity(query: ReadonlySet<string>, text: readonly string[]): number {
  return wordSimilarityTo(query, slotTrigrams(text));
}

/** The same, for a text slotted once (the search index slots every name when it loads). */
export function wordSimilarityTo(query: ReadonlySet<string>, text: SlottedTrigrams): number {
  return wordSimilaritySlotted(
    query.size,
    text.slots,
    text.keys.map((k) => query.has(k)),
  );
}

/**
 * The core of word similarity over a slotted text: `found[slot]` says whether the query holds that slot's trigram,
 * `ulen1` is the query's count of distinct trigrams.
 */
export function wordSimilaritySlotted(ulen1: number, index: Int32Array, found: readonly boolean[]): number {
  if (ulen1 === 0 || index.length === 0) return 0;
  const lastpos = new Int32Array(found.length).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let best = 0;
  for (let i = 0; i < index.length; i++) {
    const slot = index[i] as number;
    if (lower >= 0 || found[slot]) {
      if ((lastpos[slot] as number) < 0) {
        ulen2++;
        if (found[slot]) count++;
      }
      lastpos[slot] = i;
    }
    if (!found[slot]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let current = ratio(count, ulen1, ulen2);
    // Also try moving the lower bound right for a better ratio.
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const tmp = ratio(tmpCount, ulen1, tmpUlen2);
      if (tmp > current) {
        current = tmp;
        ulen2 = tmpUlen2;
        lower = tmpLower;
        count = tmpCount;
      }
      const s = index[tmpLower] as number;
      if (lastpos[s] === tmpLower) {
        tmpUlen2--;
        if (found[s]) tmpCount--;
      }
    }
    if (current > best) best = current;
    for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
      const s = index[tmpLower] as number;
      if (lastpos[s] === tmpLower) lastpos[s] = -1;
    }
  }
  return best;
}
