import { Official } from './dossier-load.ts';
import type { Reply } from './dossier-load.ts';
import { FlowRecorder } from './load.ts';
import type { Tracker } from './portal-load.ts';
import { submissionBody } from './portal-load.ts';
import type { CitizenProfile } from './portal-setup.ts';

/**
 * The people of the capacity benchmark besides the officials (bench/lib/dossier-load.ts): idle
 * visitors who hold a connection open and read a page now and then, anonymous people looking for a
 * procedure and tracking a dossier, and signed-in citizens who follow their dossiers and submit new
 * ones with an uploaded scan. Each has one kept-alive connection from a loopback address of its own;
 * tracking goes through portal-load's Tracker (a new address every 20 lookups, under the route's
 * per-address limit). Latencies per flow; every answer must have the expected status.
 */

export const MIX_FLOWS = [
  'visitor: home page (idle connection)',
  'anonymous: catalog search page',
  'anonymous: procedure page',
  'anonymous: tracking',
  'citizen: my dossiers page',
  'citizen: tracking own dossier',
  'citizen: upload (150 kB PDF)',
  'citizen: online submission with the upload',
  'leader: statistics report',
] as const;
export type MixFlow = (typeof MIX_FLOWS)[number];

export class MixRecorder extends FlowRecorder<MixFlow> {
  constructor() {
    super(MIX_FLOWS);
  }
}

/** 127.a.b.c for person i of group a (1 officials, 2 citizens, 3 idle visitors, 4 anonymous). */
export const addressOf = (group: number, i: number) =>
  `127.${group}.${1 + Math.floor(i / 254)}.${1 + (i % 254)}`;

/** What the anonymous people look at: search terms, procedure slugs, dossiers they track. */
export interface PublicData {
  terms: string[];
  slugs: string[];
  tracked: { code: string; phone: string; idNumber: string }[];
}

/** A client without a session: Official's connection handling, never signed in. */
export const anonymous = (base: string, address: string) =>
  new Official(base, address, {
    username: '',
    role: 'anonymous',
    agencyId: '',
    lists: [],
    procedures: [],
    names: [],
    codes: [],
  });

interface Ctx {
  rec: MixRecorder;
  rand: () => number;
  until: number;
  think: () => number;
}

/** Waits the think time (never past the end), sends, records; the reply when its status is `expect`. */
async function timed(
  c: Ctx,
  flow: MixFlow,
  expect: number,
  what: string,
  send: () => Promise<Reply>,
  wait = c.think(),
): Promise<Reply | null> {
  const pause = Math.min(wait, c.until - performance.now());
  if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  if (performance.now() >= c.until) return null;
  const t = performance.now();
  try {
    const res = await send();
    const ok = res.status === expect;
    c.rec.record(
      flow,
      performance.now() - t,
      ok,
      `${res.status} ${what}: ${res.body.toString().slice(0, 160)}`,
    );
    return ok ? res : null;
  } catch (err) {
    c.rec.record(flow, performance.now() - t, false, `${what}: ${String(err)}`);
    return null;
  }
}

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;

/**
 * One of `xs`, most asked first: page views of a catalog are as skewed as the dossiers (a few
 * procedures such as birth registration get most of them), the rank drawn as uniform^2.5.
 */
export const popular = <T>(rand: () => number, xs: readonly T[]) =>
  xs[Math.floor(xs.length * rand() ** 2.5)] as T;

const trackPath = (d: { code: string; phone: string; idNumber: string }, byPhone: boolean) =>
  `/api/public/dossiers/${encodeURIComponent(d.code)}?${byPhone ? `phone=${d.phone}` : `idNumber=${d.idNumber}`}`;

/**
 * An idle visitor: a page on arrival (at a random moment of the first `spreadMs`), then one every
 * `everyMs` on average; the connection stays open in between (the server keeps it 72 s).
 */
export async function idleLoop(o: Official, data: PublicData, c: Ctx, spreadMs: number, everyMs: number) {
  let wait = c.rand() * spreadMs;
  while (performance.now() < c.until) {
    const path = c.rand() < 0.5 ? '/' : `/thu-tuc-hanh-chinh/${popular(c.rand, data.slugs)}`;
    await timed(
      c,
      'visitor: home page (idle connection)',
      200,
      `GET ${path}`,
      () => o.request('GET', path, undefined, 'text/html'),
      wait,
    );
    wait = everyMs * (0.5 + c.rand());
  }
}

/** Someone looking for a procedure: the search page, a procedure page, and one time in two a tracking lookup. */
export async function anonymousLoop(o: Official, tracker: Tracker, data: PublicData, c: Ctx) {
  while (performance.now() < c.until) {
    const q = encodeURIComponent(pick(c.rand, data.terms));
    await timed(c, 'anonymous: catalog search page', 200, `GET /thu-tuc-hanh-chinh?q=${q}`, () =>
      o.request('GET', `/thu-tuc-hanh-chinh?q=${q}`, undefined, 'text/html'),
    );
    const slug = popular(c.rand, data.slugs);
    await timed(c, 'anonymous: procedure page', 200, `GET /thu-tuc-hanh-chinh/${slug}`, () =>
      o.request('GET', `/thu-tuc-hanh-chinh/${slug}`, undefined, 'text/html'),
    );
    if (c.rand() < 0.5) {
      const path = trackPath(pick(c.rand, data.tracked), c.rand() < 0.5);
      await timed(c, 'anonymous: tracking', 200, `GET ${path}`, () => tracker.get(path));
    }
  }
}

/** A stand-in scan: a PDF header and 150 kB that differ on every upload (new content, new blob). */
export function scan(rand: () => number): Buffer {
  const body = Buffer.alloc(150_000);
  for (let i = 0; i < body.length; i += 4) body.writeUInt32LE(Math.floor(rand() * 0xffffffff), i);
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), body, Buffer.from('\n%%EOF\n')]);
}

/**
 * A signed-in citizen: their dossiers page, a tracking lookup of one of theirs, and every
 * `submitEvery`-th turn an upload and an online submission that attaches it.
 */
export async function citizenLoop(
  s: Official,
  tracker: Tracker,
  p: CitizenProfile,
  c: Ctx,
  submitEvery: number,
) {
  let turn = Math.floor(c.rand() * submitEvery);
  while (performance.now() < c.until) {
    turn++;
    await timed(c, 'citizen: my dossiers page', 200, 'GET /ho-so-cua-toi', () =>
      s.request('GET', '/ho-so-cua-toi', undefined, 'text/html'),
    );
    const path = trackPath(pick(c.rand, p.tracked), c.rand() < 0.5);
    await timed(c, 'citizen: tracking own dossier', 200, `GET ${path}`, () => tracker.get(path));
    if (turn % submitEvery !== 0) continue;
    const up = await timed(c, 'citizen: upload (150 kB PDF)', 201, 'POST /api/dossier-files', () =>
      s.request('POST', '/api/dossier-files?fileName=don-de-nghi.pdf', scan(c.rand)),
    );
    if (!up) continue;
    const { id } = JSON.parse(up.body.toString()) as { id: string };
    const body = submissionBody(p, c.rand, [id]);
    await timed(
      c,
      'citizen: online submission with the upload',
      201,
      `POST /api/portal/dossiers ${body.procedureCode}`,
      () => s.request('POST', '/api/portal/dossiers', body),
    );
  }
}

/** A leader's statistics report now and then (the path given; 200 expected). */
export async function reportLoop(o: Official, paths: readonly string[], c: Ctx) {
  while (performance.now() < c.until) {
    const path = pick(c.rand, paths);
    await timed(
      c,
      'leader: statistics report',
      200,
      `GET ${path}`,
      () => o.request('GET', path),
      c.think() * 10,
    );
  }
}

/** The statistics reports a leader asks for: this year by agency and by month, ten years by field. */
export function reportQueries(): string[] {
  const year = new Date().getFullYear();
  return [
    `/api/reports/processing?from=${year}-01-01&to=${year}-12-31&groupBy=agency`,
    `/api/reports/processing?from=${year}-01-01&to=${year}-12-31&groupBy=month`,
    `/api/reports/processing?from=${year - 9}-01-01&to=${year}-12-31&groupBy=field`,
    `/api/reports/processing?from=${year - 9}-01-01&to=${year}-12-31&groupBy=procedure`,
  ];
}

/** Each report query three times in a row by a province leader (over the whole tree), alone on the machine. */
export async function statistics(
  base: string,
  os: Official[],
): Promise<{ path: string; ms: number[]; status: number }[]> {
  const leader = os.find(
    (o) => o.profile.role === 'lanh_dao_don_vi' && o.profile.username.startsWith('bench.0.'),
  );
  if (!leader) return [];
  leader.moveTo(base);
  const out: { path: string; ms: number[]; status: number }[] = [];
  for (const path of reportQueries()) {
    const ms: number[] = [];
    let status = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      status = (await leader.request('GET', path)).status;
      ms.push(performance.now() - t);
    }
    out.push({ path, ms, status });
  }
  return out;
}
