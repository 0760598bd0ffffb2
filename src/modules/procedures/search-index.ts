import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { CHANNELS } from '../../domain/procedure.ts';
import type { ApplicantKind, Channel } from '../../domain/procedure.ts';
import { similarity, slotTrigrams, trigramList, trigramSet, wordSimilarityTo } from '../../domain/trigram.ts';
import type { SlottedTrigrams } from '../../domain/trigram.ts';
import type { DB } from '../../db/types.ts';
import type { ProcedureSummary, PublicSearchQuery } from './schema.ts';

/** Similarity above which a name counts as a match despite typos ("khai snh" → "khai sinh"). */
const TYPO_SIMILARITY = Math.fround(0.45);
/** Closeness above which a name is suggested when nothing matched. */
const SUGGEST_SIMILARITY = Math.fround(0.3);

interface Doc {
  id: string;
  summary: ProcedureSummary;
  levels: readonly string[];
  /** Folded name and code, as stored in search_name. */
  name: string;
  trigrams: SlottedTrigrams;
  /** Trigrams of the name without a leading "thu tuc" (some national names open with it, others not). */
  whole: ReadonlySet<string>;
  /** Position in (name, code) order: ties of relevance are broken by it. */
  rank: number;
}

export interface Ranked {
  summary: ProcedureSummary;
  score: number;
}

type Filters = Omit<PublicSearchQuery, 'q' | 'after' | 'limit' | 'agency'>;

/**
 * Every published procedure's searchable text in memory, rebuilt when the catalog changes (see
 * CatalogCache): a search is a few inverted-index lookups and a few dozen trigram comparisons, with
 * no round trip, instead of a trigram scan of the table (bench/catalog.ts). Relevance is that of
 * pg_trgm: whole phrase in the name (+3,000), every word in the name (+2,000), then closeness of the
 * words to part of the name and to the whole name (up to 1,000 each).
 */
export class SearchIndex {
  private readonly docs: Doc[];
  private readonly byCode: Map<string, Doc>;
  private readonly nameTokens: Map<string, number[]>;
  private readonly bodyTokens: Map<string, number[]>;
  private readonly trigramPostings: Map<string, number[]>;
  private readonly wordCache = new Map<string, { name: Uint8Array; any: Uint8Array }>();

  private constructor(rows: readonly IndexRow[]) {
    const collator = new Intl.Collator('vi');
    const sorted = [...rows].sort(
      (a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    this.docs = sorted.map((r, rank) => ({
      id: r.id,
      summary: {
        code: r.code,
        slug: r.slug,
        name: r.name,
        fieldCode: r.fieldCode,
        fieldName: r.fieldName,
        onlineLevel: r.onlineLevel,
        legacyLevel: r.legacyLevel,
        channels: CHANNELS.filter((c) => r.channels.includes(c)),
        applicantKinds: r.applicantKinds,
      },
      levels: r.levels,
      name: r.searchName,
      trigrams: slotTrigrams(trigramList(r.searchName)),
      whole: trigramSet(r.searchName.replace(/^thu tuc /, '')),
      rank,
    }));
    this.byCode = new Map(this.docs.map((d) => [d.summary.code, d]));
    this.nameTokens = postings(sorted.map((r) => tokens(r.searchName)));
    this.bodyTokens = postings(sorted.map((r) => tokens(r.searchBody)));
    this.trigramPostings = postings(this.docs.map((d) => d.trigrams.keys));
  }

  static async load(db: Kysely<DB>): Promise<SearchIndex> {
    const rows = await db
      .selectFrom('procedures as p')
      .innerJoin('procedure_fields as f', 'f.code', 'p.pub_field_code')
      .select([
        'p.id',
        'p.code',
        'p.slug',
        sql<string>`coalesce(p.pub_name, '')`.as('name'),
        'f.code as fieldCode',
        'f.name as fieldName',
        sql<ProcedureSummary['onlineLevel']>`coalesce(p.online_level, 'none')`.as('onlineLevel'),
        sql<number>`coalesce(p.legacy_level, 1)`.as('legacyLevel'),
        sql<ApplicantKind[]>`p.applicant_kinds`.as('applicantKinds'),
        sql<string[]>`p.levels`.as('levels'),
        sql<
          Channel[]
        >`array(select distinct c->>'channel' from jsonb_array_elements(p.published->'channels') c)`.as(
          'channels',
        ),
        sql<string>`coalesce(p.search_name, '')`.as('searchName'),
        sql<string>`coalesce(p.search_body, '')`.as('searchBody'),
      ])
      .where('p.status', '=', 'published')
      .execute();
    return new SearchIndex(rows);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Ids of the published procedures, in index order, so a filter read from the database can be applied. */
  docsOf(ids: ReadonlySet<string>): Uint8Array {
    const out = new Uint8Array(this.docs.length);
    this.docs.forEach((d, i) => {
      if (ids.has(d.id)) out[i] = 1;
    });
    return out;
  }

  /**
   * The `limit` results after `after` (the score and code of the previous page's last row), and one
   * more to tell whether there is a next page. `only` restricts to some procedures (agency filter).
   */
  search(
    words: readonly string[],
    filters: Filters,
    limit: number,
    after: readonly [number, string] | null,
    only: Uint8Array | null,
  ): Ranked[] {
    const k = limit + 1;
    const allowed = (i: number) => (!only || only[i] === 1) && this.passes(this.docs[i] as Doc, filters);
    const cursorRank = after ? (this.byCode.get(after[1])?.rank ?? Infinity) : 0;
    const isAfter = (score: number, d: Doc) =>
      !after || score < after[0] || (score === after[0] && d.rank > cursorRank);
    if (words.length === 0) {
      const out: Ranked[] = [];
      for (let i = 0; i < this.docs.length && out.length < k; i++)
        if (allowed(i) && isAfter(0, this.docs[i] as Doc))
          out.push({ summary: (this.docs[i] as Doc).summary, score: 0 });
      return out;
    }
    const phrase = words.join(' ');
    const query = trigramSet(phrase);
    const shared = this.sharedTrigrams(query);
    const matches = words.map((w) => this.wordMatches(w));
    const inName = intersect(matches.map((m) => m.name));
    const inAny = intersect(matches.map((m) => m.any));
    const nameHasAll = (i: number) => inName[i] === 1;
    const anyHasAll = (i: number) => inAny[i] === 1;
    const bonus = (d: Doc, i: number) => (d.name.includes(phrase) ? 3000 : 0) + (nameHasAll(i) ? 2000 : 0);
    const score = (d: Doc, i: number, wsim: number) =>
      bonus(d, i) + roundHalfEven(wsim * 1000) + roundHalfEven(similarity(query, d.whole) * 1000);
    // An upper bound from counts alone: the name holds `shared` of the query's trigrams, so the word
    // similarity is at most shared / query, and the whole name (a subset of the name's trigrams)
    // shares at most min(shared, its size).
    const bound = (d: Doc, i: number) => {
      const n = shared[i] as number;
      const s = Math.min(n, d.whole.size);
      return (
        bonus(d, i) +
        Math.ceil(Math.min(1, n / query.size) * 1000) +
        Math.ceil((s / (query.size + d.whole.size - s)) * 1000)
      );
    };
    const rank = (candidates: number[], typo: boolean) =>
      topK(
        candidates,
        k,
        (i) => bound(this.docs[i] as Doc, i),
        (i) => {
          const d = this.docs[i] as Doc;
          const wsim = wordSimilarityTo(query, d.trigrams);
          if (typo && !anyHasAll(i) && !(wsim > TYPO_SIMILARITY)) return null;
          const s = score(d, i, wsim);
          return isAfter(s, d) ? s : null;
        },
        (i) => (this.docs[i] as Doc).rank,
      );
    // A name holding every word scores above 2,000 and any other match at most 2,000: when such names
    // fill the page they are the page; otherwise every match competes, typos included.
    const holders: number[] = [];
    for (let i = 0; i < this.docs.length; i++) if (nameHasAll(i) && allowed(i)) holders.push(i);
    let top = rank(holders, false);
    if (top.length < k) {
      const all: number[] = [];
      const typoFloor = TYPO_SIMILARITY * query.size;
      for (let i = 0; i < this.docs.length; i++)
        if ((anyHasAll(i) || (shared[i] as number) > typoFloor) && allowed(i)) all.push(i);
      top = rank(all, true);
    }
    return top.map(([i, s]) => ({ summary: (this.docs[i] as Doc).summary, score: s }));
  }

  /** Up to five names closest to what was typed, for a search that found nothing. */
  suggest(words: readonly string[]): { code: string; slug: string; name: string }[] {
    const query = trigramSet(words.join(' '));
    if (query.size === 0) return [];
    const shared = this.sharedTrigrams(query);
    const candidates: number[] = [];
    for (let i = 0; i < this.docs.length; i++)
      if ((shared[i] as number) > SUGGEST_SIMILARITY * query.size) candidates.push(i);
    return topK(
      candidates,
      5,
      // Plus a hair: the exact ratio is rounded to single precision and may pass the real one.
      (i) => (shared[i] as number) / query.size + 1e-6,
      (i) => {
        const w = wordSimilarityTo(query, (this.docs[i] as Doc).trigrams);
        return w > SUGGEST_SIMILARITY ? w : null;
      },
      (i) => i,
      (a, b) => ((this.docs[a] as Doc).summary.code < (this.docs[b] as Doc).summary.code ? -1 : 1),
    ).map(([i]) => {
      const s = (this.docs[i] as Doc).summary;
      return { code: s.code, slug: s.slug, name: s.name };
    });
  }

  private passes(d: Doc, f: Filters): boolean {
    const s = d.summary;
    return (
      (!f.field || s.fieldCode === f.field) &&
      (!f.onlineLevel || s.onlineLevel === f.onlineLevel) &&
      (!f.legacyLevel || s.legacyLevel === f.legacyLevel) &&
      (!f.applicant || s.applicantKinds.includes(f.applicant)) &&
      (!f.level || d.levels.includes(f.level))
    );
  }

  /** For each procedure, how many of the query's trigrams its name holds. */
  private sharedTrigrams(query: ReadonlySet<string>): Uint16Array {
    const counts = new Uint16Array(this.docs.length);
    for (const t of query)
      for (const i of this.trigramPostings.get(t) ?? []) counts[i] = (counts[i] ?? 0) + 1;
    return counts;
  }

  /** Procedures whose name (and whose name or content) holds `word`, whole or as part of a word. */
  private wordMatches(word: string): { name: Uint8Array; any: Uint8Array } {
    const known = this.wordCache.get(word);
    if (known) return known;
    const name = new Uint8Array(this.docs.length);
    for (const [token, docs] of this.nameTokens) if (token.includes(word)) for (const i of docs) name[i] = 1;
    const any = name.slice();
    for (const [token, docs] of this.bodyTokens) if (token.includes(word)) for (const i of docs) any[i] = 1;
    const result = { name, any };
    if (this.wordCache.size >= 5000) this.wordCache.delete(this.wordCache.keys().next().value as string);
    this.wordCache.set(word, result);
    return result;
  }
}

interface IndexRow {
  id: string;
  code: string;
  slug: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  onlineLevel: ProcedureSummary['onlineLevel'];
  legacyLevel: number;
  applicantKinds: ApplicantKind[];
  levels: string[];
  channels: Channel[];
  searchName: string;
  searchBody: string;
}

/** Positions set in every mask. */
function intersect(masks: readonly Uint8Array[]): Uint8Array {
  const out = (masks[0] as Uint8Array).slice();
  for (const m of masks.slice(1))
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) & (m[i] as number);
  return out;
}

/** Runs of letters, digits and dots (a query word never holds anything else). */
function tokens(text: string): Set<string> {
  return new Set(text.split(/[^a-z0-9.]+/).filter((t) => t !== ''));
}

function postings(perDoc: readonly Iterable<string>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  perDoc.forEach((keys, i) => {
    for (const key of keys) {
      const list = out.get(key);
      if (list) list.push(i);
      else out.set(key, [i]);
    }
  });
  return out;
}

/** PostgreSQL's round() of a double: halves to the even neighbour, as C's rint(). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The best `k` candidates by exact score (descending, ties by `tie` ascending), computing exact
 * scores in order of an upper bound and stopping once no remaining candidate can enter. `exact`
 * returns null for a candidate that is not a result.
 */
function topK(
  candidates: number[],
  k: number,
  bound: (i: number) => number,
  exact: (i: number) => number | null,
  tie: (i: number) => number,
  tieCompare: (a: number, b: number) => number = (a, b) => tie(a) - tie(b),
): [number, number][] {
  const bounds = Float64Array.from(candidates, bound);
  const order = Uint32Array.from(candidates.keys()).sort(
    (a, b) => (bounds[b] as number) - (bounds[a] as number),
  );
  const best: [number, number][] = [];
  const before = (a: [number, number], b: [number, number]) => b[1] - a[1] || tieCompare(a[0], b[0]);
  for (const at of order) {
    const i = candidates[at] as number;
    const last = best[k - 1];
    if (best.length === k && last && (bounds[at] as number) < last[1]) break;
    const s = exact(i);
    if (s === null) continue;
    const entry: [number, number] = [i, s];
    if (best.length === k && last && before(entry, last) >= 0) continue;
    let place = best.length;
    while (place > 0 && before(entry, best[place - 1] as [number, number]) < 0) place--;
    best.splice(place, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}
