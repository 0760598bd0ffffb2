/**
 * Procedure catalog benchmark on PostgreSQL: public search and detail over 5,000 published procedures
 * at 50 concurrent clients (target: p95 under 20 ms on the 2-core development machine).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:catalog
 *
 * Creates its own database on that server (dropped at the end unless BENCH_KEEP=1; BENCH_REUSE=<url>
 * measures a kept one again), applies the migrations, seeds the demo (its 1,601 real national
 * procedures), then imports variants of the real records through the same import path until at least
 * BENCH_PROCEDURES (5,000) are published, and runs ANALYZE. The platform runs as its own process
 * (`node src/main.ts`) on 127.0.0.1; this process only generates load, BENCH_CONCURRENCY (50) clients
 * for BENCH_SECONDS (10) per scenario: the health check (what the machine and the load generator can
 * do at all), a mix of popular searches (each asked once before, as a warm-up and a check), a long
 * tail of 4,000 distinct searches (mostly asked once: the database's work), details by code or slug,
 * and a mix of all.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { foldVietnamese } from '../src/domain/text.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { startRuntime } from '../src/runtime.ts';
import { seed } from '../src/seed/seed.ts';
import { freshDatabaseUrl } from '../test/support/db.ts';
import { nationalRecords } from '../test/support/procedures.ts';
import { httpClient } from './lib/http.ts';
import { formatRow, runLoad, TABLE_HEADER } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { rng, variantRecords } from './lib/procedures.ts';
import { cpuSeconds, startServer } from './lib/server.ts';

const TARGET = Number(process.env.BENCH_PROCEDURES ?? 5000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const KEEP = process.env.BENCH_KEEP === '1';
/** An existing database of an earlier run (BENCH_KEEP=1) to measure again without regenerating. */
const REUSE = process.env.BENCH_REUSE;
if (!process.env.DATABASE_URL)
  throw new Error(
    'DATABASE_URL (a PostgreSQL server) is required: PGlite cannot be shared between processes',
  );

/**
 * What citizens type: with and without diacritics, partial words, a typo, a national code, a word
 * that matches only the content (documents, results), a few rare words and a few very common ones.
 */
const QUERIES = [
  'đăng ký khai sinh',
  'dang ky khai sinh',
  'khai sinh',
  'khai snh',
  'đăng ký kết hôn',
  'ket hon',
  'cấp giấy phép xây dựng',
  'giay phep xay dung',
  'thuong tru',
  'tạm trú',
  'ho chieu',
  'chứng thực',
  'chung thuc ban sao',
  'đất đai',
  'quyen su dung dat',
  'dang ky kinh doanh',
  'hộ kinh doanh',
  'thành lập doanh nghiệp',
  'giay phep lai xe',
  'bảo hiểm y tế',
  'tro cap',
  'người có công',
  'liet sy',
  'khai tu',
  'nhận con nuôi',
  'hộ tịch',
  'giáy phép',
  'an toàn thực phẩm',
  'môi trường',
  'giay chung nhan',
  'thu hồi',
  'cap lai',
  'xuat nhap canh',
  '1.000253',
  '1.004222',
  'phiếu lý lịch tư pháp',
  'ly lich tu phap',
  'đăng ký tạm vắng',
];

const FILTERS = [
  '',
  '',
  '',
  '',
  '&applicant=citizen',
  '&applicant=business',
  '&onlineLevel=full',
  '&onlineLevel=partial',
];

const fresh = REUSE ? { url: REUSE, drop: () => Promise.resolve() } : await freshDatabaseUrl();
const dbUrl = fresh.url ?? '';
let stopServer: (() => Promise<void>) | undefined;
try {
  // 1. Schema, demo seed (1,601 real procedures) and generated variants, through the runtime's code.
  const setup = await startRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: dbUrl, WORKERS: 'false' }), {
    logger: false,
  });
  const db = setup.database.db;
  const t0 = performance.now();
  const count = async (where: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from procedures ${sql.raw(where)}`.execute(db))
      .rows[0]?.n ?? 0;
  const countPublished = () => count(`where status = 'published'`);
  if ((await countPublished()) < TARGET) await seed(setup.services, () => undefined);
  const seeded = performance.now();
  const real = nationalRecords();
  const publishedCodes = new Set(
    (await db.selectFrom('procedures').select('code').where('status', '=', 'published').execute()).map(
      (r) => r.code,
    ),
  );
  const templates = real.filter((r) => publishedCodes.has(r.MATTHC as string)) as (Record<string, unknown> & {
    MATTHC: string;
    TENTTHC: string;
  })[];
  let published = await countPublished();
  let next = 100_001;
  let round = 0;
  while (published < TARGET) {
    const batch = variantRecords(templates, TARGET - published, {
      seed: 20261124 + round++,
      firstCode: next,
    });
    next += batch.length;
    for (let i = 0; i < batch.length; i += 1000)
      await setup.services.procedureSync.importTrusted(
        SYSTEM_ACTOR,
        { result: batch.slice(i, i + 1000) },
        { publish: true },
      );
    published = await countPublished();
  }
  await sql`analyze`.execute(db);
  const generated = performance.now();
  const total = await count('');
  const rows = await db
    .selectFrom('procedures')
    .select(['code', 'slug', 'pub_name'])
    .where('status', '=', 'published')
    .orderBy('code')
    .execute();
  const fields = (
    await sql<{
      code: string;
    }>`select pub_field_code as code from procedures where status = 'published' group by 1 having count(*) >= 20 order by 1`.execute(
      db,
    )
  ).rows.map((r) => r.code);
  await setup.close();

  // 2. The platform in its own process.
  const server = await startServer({ DATABASE_URL: dbUrl });
  stopServer = server.stop;
  const client = httpClient(server.url);

  // Searches a citizen makes: a query (sometimes with a filter), a field's list, or a second page.
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const searches: string[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = rand();
    if (kind < 0.1) searches.push(`field=${pick(fields)}`);
    else if (kind < 0.2) searches.push(`q=${encodeURIComponent(pick(QUERIES))}&field=${pick(fields)}`);
    else searches.push(`q=${encodeURIComponent(pick(QUERIES))}${pick(FILTERS)}`);
  }
  // Second pages, reached through the first page's `next` (as the portal's "more" link does).
  const seconds: string[] = [];
  for (const q of QUERIES.slice(0, 24)) {
    const res = await client.get(`/api/public/procedures?q=${encodeURIComponent(q)}`);
    const first = JSON.parse(res.body.toString('utf8')) as { next: string | null };
    if (first.next) seconds.push(`q=${encodeURIComponent(q)}&after=${encodeURIComponent(first.next)}`);
  }
  for (let i = 0; i < 400; i += 8) searches[i] = pick(seconds);
  // The long tail: 4,000 distinct queries of 1 to 3 consecutive words of a published name, half of
  // them without diacritics, a quarter with the last word cut short; most are asked once in a run.
  const tail = new Set<string>();
  while (tail.size < 4000) {
    const words = (pick(rows).pub_name ?? '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length === 0) continue;
    const n = 1 + Math.floor(rand() * Math.min(3, words.length));
    const at = Math.floor(rand() * (words.length - n + 1));
    let q = words
      .slice(at, at + n)
      .join(' ')
      .replace(/[(),;.:]/g, '');
    if (rand() < 0.5) q = foldVietnamese(q);
    if (rand() < 0.25 && q.length > 6) q = q.slice(0, -2);
    if (q.length >= 3) tail.add(q.toLowerCase());
  }
  const tailSearches = [...tail].map((q) => `q=${encodeURIComponent(q)}`);
  const details = Array.from({ length: 2000 }, (_, i) => {
    const r = pick(rows);
    return i % 2 ? r.code : r.slug;
  });

  // Every query answers 200 with a page (a sanity check, and it warms the server up).
  let matched = 0;
  for (const s of new Set(searches)) {
    const res = await client.get(`/api/public/procedures?${s}`);
    if (res.status !== 200)
      throw new Error(`search ${s} answered ${res.status}: ${res.body.toString('utf8')}`);
    if ((JSON.parse(res.body.toString('utf8')) as { items: unknown[] }).items.length > 0) matched++;
  }

  const results: { r: LoadResult; cpu: number; loadCpu: number }[] = [];
  const measure = async (name: string, fn: (w: number, i: number) => Promise<boolean>) => {
    const c0 = cpuSeconds(server.child.pid ?? 0);
    const l0 = process.cpuUsage();
    const r = await runLoad(name, { concurrency: CONCURRENCY, durationMs: DURATION }, fn);
    const l = process.cpuUsage(l0);
    const seconds = r.durationMs / 1000;
    results.push({
      r,
      cpu: (cpuSeconds(server.child.pid ?? 0) - c0) / seconds,
      loadCpu: (l.user + l.system) / 1e6 / seconds,
    });
  };
  const failures: string[] = [];
  /** GET `path`; false (and the first few failures remembered) unless it answers 200. */
  const get = async (path: string) => {
    const res = await client.get(path);
    if (res.status !== 200 && failures.length < 5)
      failures.push(`${res.status} ${path}: ${res.body.toString('utf8').slice(0, 300)}`);
    return res.status === 200;
  };
  const search = (i: number) => get(`/api/public/procedures?${searches[i % searches.length] ?? ''}`);
  const tailSearch = (i: number) =>
    get(`/api/public/procedures?${tailSearches[i % tailSearches.length] ?? ''}`);
  const detail = (i: number) =>
    get(`/api/public/procedures/${encodeURIComponent(details[i % details.length] ?? '')}`);
  await measure('GET /api/health (baseline: no database)', () => get('/api/health'));
  await measure('search: GET /api/public/procedures?q=… (popular mix)', (_w, i) => search(i));
  await measure('search: long tail, 4,000 distinct queries', (_w, i) => tailSearch(i));
  await measure('detail: GET /api/public/procedures/{code|slug}', (_w, i) => detail(i));
  await measure('mixed: popular search, long-tail search, 2 details', (_w, i) =>
    i % 4 === 0 ? search(i / 4) : i % 4 === 1 ? tailSearch((i - 1) / 4) : detail(i),
  );
  client.close();
  stopServer = undefined;
  await server.stop();

  console.log(
    `Database: PostgreSQL; ${published} published procedures (${total} in all: 1,601 real, the rest generated from them), seed ${((seeded - t0) / 1000).toFixed(1)} s, ` +
      `generation and import ${((generated - seeded) / 1000).toFixed(1)} s; ${searches.length} search URLs (${new Set(searches).size} distinct, ${matched} with results, ${seconds.length} second pages), ${tailSearches.length} long-tail queries, ` +
      `${details.length} detail URLs; ${CONCURRENCY} clients, ${DURATION / 1000} s per scenario; app in its own process; loopback; 2 cores shared by app, database and load generator.\n`,
  );
  const [head, rule] = TABLE_HEADER.split('\n');
  console.log(`${head ?? ''} app CPU | load generator CPU |\n${rule ?? ''}---|---|`);
  for (const { r, cpu, loadCpu } of results)
    console.log(`${formatRow(r)} ${(cpu * 100).toFixed(0)} % | ${(loadCpu * 100).toFixed(0)} % |`);
  for (const f of failures) console.log(`\nFailed: ${f}`);
  if (KEEP) console.log(`\nDatabase kept: ${dbUrl}`);
} finally {
  await stopServer?.();
  if (!KEEP) await fresh.drop();
}
