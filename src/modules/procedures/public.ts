import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { CHANNELS } from '../../domain/procedure.ts';
import type { ApplicantKind, Channel, OnlineLevel } from '../../domain/procedure.ts';
import { escapeLike, foldVietnamese } from '../../domain/text.ts';
import { NotFoundError } from '../../errors.ts';
import type { ModuleDeps } from '../deps.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { CatalogCache } from './public-cache.ts';
import type { ProcedureSummary, PublicProcedure, PublicSearchQuery, SearchPage } from './schema.ts';
import { ProcedureContentSchema } from './schema.ts';
import { agenciesOf } from './store.ts';

/** Similarity above which a name counts as a match despite typos ("khai snh" → "khai sinh"). */
const TYPO_SIMILARITY = 0.45;

/**
 * The public service catalog (III.3.1, III.10.1, V.2): search by words with or without diacritics,
 * partial words and small typos; filters by field, agency, online level, applicant and level; the
 * published procedure; everything search engines need. Reads only published versions.
 */
export class PublicCatalog {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /**
   * Answers kept while the catalog is unchanged; see CatalogCache. At most 2,000 search pages and
   * 2,000 procedures (about 28 KB of heap each, measured on the national records): under 80 MB.
   */
  private readonly cache = new CatalogCache(
    async () =>
      Number(
        (await sql<{ value: string }>`select value from catalog_generation`.execute(this.db)).rows[0]
          ?.value ?? 0,
      ),
    { search: 2000, procedure: 2000, fields: 1 },
  );

  async search(query: PublicSearchQuery): Promise<SearchPage> {
    const key = JSON.stringify([
      searchWords(query.q),
      query.field,
      query.agency,
      query.onlineLevel,
      query.legacyLevel,
      query.applicant,
      query.level,
      query.after,
      query.limit,
    ]);
    return this.cache.get('search', key, () => this.searchNow(query));
  }

  private async searchNow(query: PublicSearchQuery): Promise<SearchPage> {
    const words = searchWords(query.q);
    const phrase = words.join(' ');
    const nameHasAll = words.length
      ? sql.join(
          words.map((w) => sql`p.search_name like ${likeWord(w)}`),
          sql` and `,
        )
      : sql`true`;
    const anyHasAll = words.length
      ? sql.join(
          words.map((w) => sql`(p.search_name like ${likeWord(w)} or p.search_body like ${likeWord(w)})`),
          sql` and `,
        )
      : sql`true`;
    // Relevance as an integer (stable for the keyset cursor): whole phrase in the name, every word in
    // the name, closeness of the typed words to part of the name, then of the whole name (which puts
    // "Thủ tục đăng ký khai sinh" before longer names that merely contain it).
    // "Thủ tục" opens some national names and not others ("Đăng ký lại khai tử"): it is left out of
    // the whole-name closeness, or the names without it would win for being shorter.
    const score: RawBuilder<number> = words.length
      ? sql<number>`((case when p.search_name like ${likeWord(phrase)} then 3000 else 0 end)
          + (case when ${nameHasAll} then 2000 else 0 end)
          + round(word_similarity(${phrase}, p.search_name) * 1000)
          + round(similarity(${phrase}, regexp_replace(p.search_name, '^thu tuc ', '')) * 1000))::int`
      : sql<number>`0`;
    // An upper bound of the score of a name holding every word, from its stored trigram count: at most
    // 1,000 for closeness to part of the name, and at most min/max of the two trigram counts for the
    // whole name (computed as similarity() computes its ratio, in single precision).
    const phraseTrigrams = sql`cardinality(show_trgm(${phrase}))`;
    const bound = sql<number>`((case when p.search_name like ${likeWord(phrase)} then 3000 else 0 end) + 3000
      + round((least(${phraseTrigrams}, p.search_name_trigrams)::real
        / greatest(${phraseTrigrams}, p.search_name_trigrams)::real) * 1000))::int`;
    const holders = this.filters(
      this.db
        .selectFrom('procedures as p')
        .select(['p.id', 'p.pub_name', 'p.code', bound.as('bound')])
        .where('p.status', '=', 'published')
        .where(sql<boolean>`(${nameHasAll})`),
      query,
    );
    /** Matches of `condition`, or with `ranked`, of the `ranked` names holding every word that have the highest bounds. */
    const matching = (condition: RawBuilder<boolean> | null, ranked?: number) => {
      const boundRow = (columns: RawBuilder<unknown>) =>
        sql`(select ${columns} from holders order by bound desc, pub_name, code offset ${ranked ?? 0} limit 1)`;
      const db = ranked ? (this.db.with('holders', () => holders) as unknown as typeof this.db) : this.db;
      let q = db
        .selectFrom('procedures as p')
        .innerJoin('procedure_fields as f', 'f.code', 'p.pub_field_code')
        .select([
          'p.code',
          'p.slug',
          'p.pub_name as name',
          'p.pub_field_code as fieldCode',
          'f.name as fieldName',
          'p.online_level as onlineLevel',
          'p.legacy_level as legacyLevel',
          'p.applicant_kinds as applicantKinds',
          sql<
            Channel[]
          >`array(select distinct c->>'channel' from jsonb_array_elements(p.published->'channels') c)`.as(
            'channels',
          ),
          score.as('score'),
          // The first name left unscored: its bound, and whether this row's name sorts before it.
          (ranked ? sql<number | null>`${boundRow(sql`bound`)}` : sql<number | null>`null::int`).as(
            'nextBound',
          ),
          (ranked
            ? sql<boolean | null>`(p.pub_name, p.code) < ${boundRow(sql`pub_name, code`)}`
            : sql<boolean | null>`null::boolean`
          ).as('beforeNext'),
        ])
        .where('p.status', '=', 'published');
      if (condition) q = q.where(condition);
      if (ranked)
        q = q.where(
          sql<boolean>`p.id in (select id from holders order by bound desc, pub_name, code limit ${ranked})`,
        );
      q = this.filters(q, query);
      if (query.after) {
        // The cursor carries the score and the code; the name (up to 2,000 characters) is read back.
        const [s, code] = decodeCursor(query.after, ['int', 'string']);
        const name = sql`(select c.pub_name from procedures c where c.code = ${code})`;
        q = q.where(
          sql<boolean>`(${score} < ${s} or (${score} = ${s} and (p.pub_name, p.code) > (${name}, ${code})))`,
        );
      }
      return q
        .orderBy('score', 'desc')
        .orderBy('p.pub_name')
        .orderBy('p.code')
        .limit(query.limit + 1)
        .execute();
    };
    const anyMatch = sql<boolean>`(${anyHasAll} or word_similarity(${phrase}, p.search_name) > ${TYPO_SIMILARITY})`;
    // A name holding every word scores above 2,000 and any other match at most 2,000 (it would need
    // the very trigrams of the words), so when such names fill the page they are the page: found
    // through the name's trigram index without scoring the whole catalog. Among them, only the few
    // with the highest bounds are scored: the page is theirs when its last row still beats the bound
    // of the first name left out (every name left out then sorts after it). Otherwise all such names
    // are scored, and when they do not fill the page, every match.
    let rows: Awaited<ReturnType<typeof matching>> = [];
    if (words.length) {
      const k = query.limit + 1;
      rows = await matching(null, (query.after ? 8 : 3) * k);
      const last = rows.at(-1);
      const complete = rows.length > 0 && rows[0]?.nextBound === null;
      const exact =
        rows.length === k &&
        last !== undefined &&
        (last.nextBound === null ||
          last.score > last.nextBound ||
          (last.score === last.nextBound && last.beforeNext === true));
      if (!exact && !complete) rows = await matching(sql<boolean>`(${nameHasAll})`);
    }
    if (rows.length <= query.limit) rows = await matching(words.length ? anyMatch : null);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const items: ProcedureSummary[] = page.map((r) => ({
      code: r.code,
      slug: r.slug,
      name: r.name ?? '',
      fieldCode: r.fieldCode ?? '',
      fieldName: r.fieldName,
      onlineLevel: r.onlineLevel ?? 'none',
      legacyLevel: r.legacyLevel ?? 1,
      channels: CHANNELS.filter((c) => r.channels.includes(c)),
      applicantKinds: r.applicantKinds as ApplicantKind[],
    }));
    const suggestions = items.length === 0 && !query.after && phrase ? await this.suggest(phrase) : [];
    return {
      items,
      next: rows.length > query.limit && last ? encodeCursor([last.score, last.code]) : null,
      suggestions,
    };
  }

  /** Closest published names to what was typed, when nothing matched. */
  private async suggest(phrase: string) {
    return this.db
      .selectFrom('procedures')
      .select(['code', 'slug', 'pub_name as name'])
      .where('status', '=', 'published')
      .where(sql<boolean>`word_similarity(${phrase}, search_name) > 0.3`)
      .orderBy(sql`word_similarity(${phrase}, search_name)`, 'desc')
      .orderBy('code')
      .limit(5)
      .execute()
      .then((rows) => rows.map((r) => ({ code: r.code, slug: r.slug, name: r.name ?? '' })));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's builder type for this join is unwieldy
  private filters<Q extends { where: (...args: any[]) => Q }>(q: Q, query: PublicSearchQuery): Q {
    if (query.field) q = q.where('p.pub_field_code', '=', query.field);
    if (query.onlineLevel) q = q.where('p.online_level', '=', query.onlineLevel);
    if (query.legacyLevel) q = q.where('p.legacy_level', '=', query.legacyLevel);
    if (query.applicant) q = q.where(sql<boolean>`p.applicant_kinds @> array[${query.applicant}]::text[]`);
    if (query.level) q = q.where(sql<boolean>`p.levels @> array[${query.level}]::text[]`);
    if (query.agency)
      q = q.where(
        sql<boolean>`exists (select 1 from procedure_agencies pa where pa.procedure_id = p.id and pa.agency_id = ${query.agency})`,
      );
    return q;
  }

  /** A published procedure by code or by slug, with its agencies and downloadable forms. */
  async get(codeOrSlug: string): Promise<PublicProcedure> {
    return this.cache.get('procedure', codeOrSlug, () => this.getNow(codeOrSlug));
  }

  private async getNow(codeOrSlug: string): Promise<PublicProcedure> {
    const row = await this.db
      .selectFrom('procedures as p')
      .innerJoin('procedure_fields as f', 'f.code', 'p.pub_field_code')
      .select([
        'p.id',
        'p.code',
        'p.slug',
        'p.published',
        'p.published_at',
        'p.publications',
        'f.code as fieldCode',
        'f.name as fieldName',
      ])
      .where('p.status', '=', 'published')
      .where((eb) => eb.or([eb('p.code', '=', codeOrSlug), eb('p.slug', '=', codeOrSlug)]))
      .executeTakeFirst();
    if (!row || !row.published)
      throw new NotFoundError(`Không có thủ tục "${codeOrSlug}" trong danh mục đã công bố`);
    const content = ProcedureContentSchema.parse(row.published);
    const formCodes = [
      ...new Set(
        content.components.flatMap((g) =>
          g.items.map((i) => i.formCode).filter((c): c is string => c !== null),
        ),
      ),
    ];
    const forms = formCodes.length
      ? await this.db
          .selectFrom('form_templates')
          .select(['code', 'name', 'legal_basis', 'file_name'])
          .where('code', 'in', formCodes)
          .orderBy('name')
          .execute()
      : [];
    return {
      code: row.code,
      slug: row.slug,
      field: { code: row.fieldCode, name: row.fieldName },
      content,
      agencies: await agenciesOf(this.db, row.id),
      forms: forms.map((f) => ({
        code: f.code,
        name: f.name,
        legalBasis: f.legal_basis,
        fileName: f.file_name,
        url: f.file_name
          ? `/bieu-mau/${encodeURIComponent(f.code)}/${encodeURIComponent(f.file_name)}`
          : null,
      })),
      publishedAt: (row.published_at ?? new Date(0)).toISOString(),
      version: row.publications,
    };
  }

  /** Fields with how many published procedures each has (home page, filters, the field index). */
  async fields(): Promise<{ code: string; name: string; count: number }[]> {
    return this.cache.get('fields', '', () => this.fieldsNow());
  }

  private async fieldsNow(): Promise<{ code: string; name: string; count: number }[]> {
    return this.db
      .selectFrom('procedure_fields as f')
      .innerJoin('procedures as p', (j) =>
        j.onRef('p.pub_field_code', '=', 'f.code').on('p.status', '=', 'published'),
      )
      .select(['f.code', 'f.name', sql<number>`count(*)::int`.as('count')])
      .where('f.active', '=', true)
      .groupBy(['f.code', 'f.name', 'f.sort_order'])
      .orderBy('f.sort_order')
      .orderBy('f.name')
      .execute();
  }

  /** Agencies carrying out published procedures, with counts, in tree order (the "by agency" entry). */
  async agencies(): Promise<{ id: string; code: string; name: string; level: string; count: number }[]> {
    return this.db
      .selectFrom('agencies as a')
      .innerJoin('procedure_agencies as pa', 'pa.agency_id', 'a.id')
      .innerJoin('procedures as p', (j) =>
        j.onRef('p.id', '=', 'pa.procedure_id').on('p.status', '=', 'published'),
      )
      .select(['a.id', 'a.code', 'a.name', 'a.level', 'a.depth', sql<number>`count(*)::int`.as('count')])
      .where('a.active', '=', true)
      .groupBy(['a.id', 'a.code', 'a.name', 'a.level', 'a.depth'])
      .orderBy('a.depth')
      .orderBy('a.name')
      .execute();
  }

  /** Every published procedure of a field on one page, so each is two clicks from the field index (V.2). */
  async byField(fieldCode: string): Promise<{
    field: { code: string; name: string };
    items: { code: string; slug: string; name: string; onlineLevel: OnlineLevel }[];
  }> {
    const field = await this.db
      .selectFrom('procedure_fields')
      .select(['code', 'name'])
      .where('code', '=', fieldCode)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!field) throw new NotFoundError(`Không có lĩnh vực "${fieldCode}"`);
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'slug', 'pub_name', 'online_level'])
      .where('status', '=', 'published')
      .where('pub_field_code', '=', fieldCode)
      .orderBy('pub_name')
      .orderBy('code')
      .execute();
    return {
      field,
      items: rows.map((r) => ({
        code: r.code,
        slug: r.slug,
        name: r.pub_name ?? '',
        onlineLevel: r.online_level ?? 'none',
      })),
    };
  }

  /** Published procedures by code, in the order given (unknown or unpublished codes are left out); one query. */
  async byCodes(
    codes: readonly string[],
  ): Promise<{ code: string; slug: string; name: string; onlineLevel: OnlineLevel }[]> {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'slug', 'pub_name', 'online_level'])
      .where('status', '=', 'published')
      .where('code', 'in', [...codes])
      .execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.flatMap((c) => {
      const r = byCode.get(c);
      return r
        ? [
            {
              code: r.code,
              slug: r.slug,
              name: r.pub_name ?? '',
              onlineLevel: r.online_level ?? 'none',
            },
          ]
        : [];
    });
  }

  /** Every published procedure's URL segment and date, for sitemap.xml. */
  async sitemap(): Promise<{ slug: string; updatedAt: Date }[]> {
    const rows = await this.db
      .selectFrom('procedures')
      .select(['slug', 'published_at'])
      .where('status', '=', 'published')
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ slug: r.slug, updatedAt: r.published_at ?? new Date(0) }));
  }
}

/** Folded words of a query, without "thủ tục"; punctuation is a separator, at most 8 words are used. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  // Every entry is a procedure: "thủ tục" typed in a query says nothing and only hides the names without it.
  return foldVietnamese(q.normalize('NFC'))
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^| )thu tuc(?= |$)/g, ' ')
    .split(' ')
    .filter((w) => /[a-z0-9]/.test(w))
    .slice(0, 8);
}

function likeWord(word: string): string {
  return `%${escapeLike(word)}%`;
}
