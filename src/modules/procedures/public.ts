import { sql } from 'kysely';
import type { OnlineLevel } from '../../domain/procedure.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { NotFoundError } from '../../errors.ts';
import type { ModuleDeps } from '../deps.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { CatalogCache, catalogGeneration } from './public-cache.ts';
import type { PublicProcedure, PublicSearchQuery, SearchPage } from './schema.ts';
import { ProcedureContentSchema } from './schema.ts';
import { SearchIndex } from './search-index.ts';
import { agenciesOf } from './store.ts';

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
  private readonly cache = new CatalogCache(() => catalogGeneration(this.deps.database.side), {
    search: 2000,
    procedure: 2000,
    fields: 1,
    agencies: 1,
    index: 1,
    agency: 200,
    page: 300,
  });

  /**
   * A rendered public page (src/http/page-cache.ts), kept like the answers it is made of: reused while
   * the catalog is unchanged, by this process only. At most 300: a national procedure's page is
   * 185-225 kB (its full text, and the same data again for hydration; issue 8), so up to ~65 MB.
   */
  page<T>(key: string, render: () => Promise<T>): Promise<T> {
    return this.cache.get('page', key, render);
  }

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
    const index = await this.index();
    const words = searchWords(query.q);
    const after = query.after ? decodeCursor(query.after, ['int', 'string']) : null;
    const agency = query.agency;
    const only = agency
      ? index.docsOf(await this.cache.getCurrent('agency', agency, () => this.proceduresOf(agency)))
      : null;
    const rows = index.search(words, query, query.limit, after, only);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => r.summary),
      next: rows.length > query.limit && last ? encodeCursor([last.score, last.summary.code]) : null,
      suggestions: page.length === 0 && !after && words.length ? index.suggest(words) : [],
    };
  }

  /** The published catalog's searchable text, loaded once per catalog generation. */
  private index(): Promise<SearchIndex> {
    return this.cache.getCurrent('index', '', () => SearchIndex.load(this.db));
  }

  private async proceduresOf(agencyId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('procedure_agencies')
      .select('procedure_id')
      .where('agency_id', '=', agencyId)
      .execute();
    return new Set(rows.map((r) => r.procedure_id));
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

  /**
   * Agencies carrying out published procedures, with counts, in tree order (the "by agency" entry, the
   * search page's filter). Kept: counting a province's 190,000 procedure-agency pairs took 450 ms, and
   * every search page asked for it (issue 8).
   */
  async agencies(): Promise<{ id: string; code: string; name: string; level: string; count: number }[]> {
    return this.cache.get('agencies', '', () => this.agenciesNow());
  }

  private async agenciesNow(): Promise<
    { id: string; code: string; name: string; level: string; count: number }[]
  > {
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
