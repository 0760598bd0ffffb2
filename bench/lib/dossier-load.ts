import http from 'node:http';
import { FlowRecorder } from './load.ts';
import { foldVietnamese } from '../../src/domain/text.ts';
import { FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M } from './dossier-org.ts';

/**
 * The officials of the dossier benchmark as the browser drives them: one kept-alive connection each,
 * from its own loopback address (127.0.1.x, so that the per-address sign-in limit sees 100
 * workstations), the session cookie and the CSRF token of the sign-in, and the turn each repeats:
 * counts, a worklist, its next page, a dossier, a search and a dossier found, and for counter
 * officers a receipt. Latencies are recorded per flow.
 */

export interface Reply {
  status: number;
  body: Buffer;
}

export class Official {
  readonly profile: Profile;
  private agent: http.Agent;
  private url: URL;
  private readonly localAddress: string;
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(base: string, localAddress: string, profile: Profile) {
    this.url = new URL(base);
    this.localAddress = localAddress;
    this.profile = profile;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** A JSON request; a Buffer body goes as application/octet-stream (an upload), `accept` as given. */
  request(method: 'GET' | 'POST', path: string, body?: unknown, accept = 'application/json'): Promise<Reply> {
    const raw = Buffer.isBuffer(body);
    const payload = body === undefined ? undefined : raw ? body : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload) {
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (method === 'POST') headers['x-csrf-token'] = this.csrf;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          headers,
          agent: this.agent,
          localAddress: this.localAddress,
        },
        (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = c.split(';');
            const at = pair.indexOf('=');
            this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          const chunks: Buffer[] = [];
          res.on('data', (ch: Buffer) => chunks.push(ch));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async signIn(password: string): Promise<void> {
    const csrf = await this.request('GET', '/api/auth/csrf');
    this.csrf = (JSON.parse(csrf.body.toString()) as { csrfToken: string }).csrfToken;
    const res = await this.request('POST', '/api/auth/sign-in', {
      username: this.profile.username,
      password,
    });
    if (res.status !== 200)
      throw new Error(`sign-in of ${this.profile.username}: ${res.status} ${res.body.toString()}`);
    this.csrf = (JSON.parse(res.body.toString()) as { csrfToken: string }).csrfToken;
  }

  /** The same session on another server (sessions live in the database): a new connection there. */
  moveTo(base: string): void {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.url = new URL(base);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** What an official works with: their lists (from the counts), and search terms from their own dossiers. */
export interface Profile {
  username: string;
  role: string;
  agencyId: string;
  lists: string[];
  procedures: string[];
  names: string[];
  codes: string[];
}

export const FLOWS = [
  'counts',
  'worklist, first page',
  'worklist, next page (cursor)',
  'search: applicant name (no diacritics)',
  'search: code prefix',
  'search: status + received period',
  'search: procedure',
  'detail',
  'receipt (accept)',
] as const;
export type Flow = (typeof FLOWS)[number];

/** The recorder of this benchmark's flows. */
export class Recorder extends FlowRecorder<Flow> {
  constructor() {
    super(FLOWS);
  }
}

const STATUSES = [
  'da_tra_ket_qua',
  'da_tra_ket_qua',
  'dang_xu_ly',
  'khong_duoc_tiep_nhan',
  'da_xu_ly_xong',
  'yeu_cau_bo_sung',
];

/** A Vietnamese name for a new applicant. */
export function personName(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const female = rand() < 0.5;
  return `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
}

/**
 * One official's loop until `until` (ms, performance.now()): each request waits `think()` ms first.
 * Every answer must have the expected status (200, or 201 for a receipt).
 */
export async function officialLoop(
  o: Official,
  rec: Recorder,
  rand: () => number,
  until: number,
  think: () => number,
): Promise<void> {
  const p = o.profile;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const call = async (flow: Flow, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const wait = think();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() >= until) return null;
    const t = performance.now();
    let res: Reply;
    try {
      res = await o.request(method, path, body);
    } catch (err) {
      rec.record(flow, performance.now() - t, false, `${path}: ${String(err)}`);
      return null;
    }
    const ok = res.status === (method === 'POST' ? 201 : 200);
    rec.record(
      flow,
      performance.now() - t,
      ok,
      `${res.status} ${method} ${path}: ${res.body.toString().slice(0, 200)}`,
    );
    return ok ? JSON.parse(res.body.toString()) : null;
  };
  type Page = { items: { id: string }[]; nextCursor: string | null } | null;
  let turn = Math.floor(rand() * 4);
  while (performance.now() < until) {
    turn++;
    await call('counts', 'GET', '/api/dossiers/counts');
    const list = p.lists[0] && rand() < 0.5 ? p.lists[0] : pick(p.lists);
    const first = (await call('worklist, first page', 'GET', `/api/dossiers?list=${list}`)) as Page;
    if (first?.nextCursor && rand() < 0.5)
      await call(
        'worklist, next page (cursor)',
        'GET',
        `/api/dossiers?list=${list}&cursor=${encodeURIComponent(first.nextCursor)}`,
      );
    if (first?.items.length) await call('detail', 'GET', `/api/dossiers/${pick(first.items).id}`);
    const kind = turn % 4;
    let found: Page;
    if (kind === 0 && p.names.length) {
      let name = pick(p.names);
      if (rand() < 0.3) {
        const w = name.split(' ');
        name = `${w[0] ?? ''} ${w.at(-1) ?? ''}`;
      }
      found = (await call(
        'search: applicant name (no diacritics)',
        'GET',
        `/api/dossiers?q=${encodeURIComponent(name)}`,
      )) as Page;
    } else if (kind === 1 && p.codes.length) {
      const code = pick(p.codes);
      const prefix = rand() < 0.5 ? code : code.slice(0, code.length - 7);
      found = (await call(
        'search: code prefix',
        'GET',
        `/api/dossiers?code=${encodeURIComponent(prefix)}`,
      )) as Page;
    } else if (kind === 2) {
      const month = new Date(Date.now() - Math.floor(rand() * 35) * 31 * 86_400_000);
      const from = `${month.toISOString().slice(0, 7)}-01`;
      const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
      found = (await call(
        'search: status + received period',
        'GET',
        `/api/dossiers?status=${pick(STATUSES)}&receivedFrom=${from}&receivedTo=${to}`,
      )) as Page;
    } else {
      found = (await call(
        'search: procedure',
        'GET',
        `/api/dossiers?procedureCode=${encodeURIComponent(pick(p.procedures))}`,
      )) as Page;
    }
    if (found?.items.length && rand() < 0.5)
      await call('detail', 'GET', `/api/dossiers/${pick(found.items).id}`);
    if (p.role === 'can_bo_mot_cua' && turn % 2 === 0) {
      const idNumber = `0799${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      await call('receipt (accept)', 'POST', '/api/dossiers', {
        procedureCode: p.procedures[Math.floor(p.procedures.length * rand() ** 2.5)],
        agencyId: p.agencyId,
        applicant: {
          kind: 'citizen',
          idNumber,
          fullName: personName(rand),
          phone: `09${idNumber.slice(-8)}`,
        },
        components: [{ name: 'Tờ khai theo mẫu', copyType: 'original', count: 1, received: true }],
        decision: 'accept',
      });
    }
  }
}

/** Folded search names of a few dossiers (what the official would type). */
export const folded = (names: string[]) => names.map((n) => foldVietnamese(n).toLowerCase());
