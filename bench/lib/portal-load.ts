import http from 'node:http';
import { FlowRecorder } from './load.ts';
import { Official } from './dossier-load.ts';
import type { Reply } from './dossier-load.ts';
import type { CitizenProfile } from './portal-setup.ts';

/**
 * The citizens of the portal benchmark as their browsers drive the API: a signed-in citizen is the
 * officials' client (bench/lib/dossier-load.ts: one kept-alive connection from its own loopback
 * address, session cookie, CSRF token); tracking is public and anonymous, and limited to 30 lookups a
 * minute per address, so each citizen tracks from addresses of its own that it leaves after
 * TRACKS_PER_ADDRESS lookups — as many people checking their dossiers from their own devices, never
 * more than the limit allows one of them. Latencies are recorded per flow.
 */

export const FLOWS = [
  'tracking: code + phone',
  'tracking: code + identity number',
  'tracking: wrong second factor (404 expected)',
  'submission (online, default e-form)',
] as const;
export type Flow = (typeof FLOWS)[number];
export const TRACKING_FLOWS: readonly Flow[] = FLOWS.slice(0, 3);

/** Lookups from one address before the citizen moves on: well under the route's 30 a minute. */
export const TRACKS_PER_ADDRESS = 20;

/** 127.0.2.1, 127.0.2.2, … for signed-in citizen i (officials of the dossier bench use 127.0.1.x). */
export const citizenAddress = (i: number) => `127.0.${2 + Math.floor(i / 254)}.${1 + (i % 254)}`;

/** Tracking addresses: 127.16.1.1 onwards, none used twice in a run (the limit's window is a minute). */
let nextTrackAddress = 0;
function trackAddress(): string {
  const n = nextTrackAddress++;
  return `127.${16 + Math.floor(n / 64516)}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}

/** The anonymous tracking client: GET over a kept-alive connection, a new address every TRACKS_PER_ADDRESS. */
export class Tracker {
  private readonly url: URL;
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private address = trackAddress();
  private used = 0;

  constructor(base: string) {
    this.url = new URL(base);
  }

  get(path: string): Promise<Reply> {
    if (this.used++ >= TRACKS_PER_ADDRESS) {
      this.agent.destroy();
      this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      this.address = trackAddress();
      this.used = 1;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          agent: this.agent,
          localAddress: this.address,
          headers: { accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A citizen: the signed-in client, the tracking client, and the dossiers it submitted in this run. */
export class Citizen {
  readonly session: Official;
  readonly tracker: Tracker;
  readonly submitted: { code: string; phone: string; idNumber: string }[] = [];
  readonly profile: CitizenProfile;

  constructor(base: string, i: number, profile: CitizenProfile) {
    this.profile = profile;
    this.session = new Official(base, citizenAddress(i), {
      username: profile.username,
      role: 'citizen',
      agencyId: profile.agencyId,
      lists: [],
      procedures: profile.procedures,
      names: [],
      codes: [],
    });
    this.tracker = new Tracker(base);
  }

  close(): void {
    this.session.close();
    this.tracker.close();
  }
}

/** The recorder of this benchmark's flows. */
export class Recorder extends FlowRecorder<Flow> {
  constructor() {
    super(FLOWS);
  }
}

const REQUESTS = [
  'Đề nghị giải quyết theo hồ sơ đã khai',
  'Đề nghị cấp bản chính, nhận tại Bộ phận Một cửa',
  'Bổ sung theo hướng dẫn của cán bộ tiếp nhận',
  'Đề nghị giải quyết sớm do cần gấp giấy tờ',
];

/** An online submission of citizen `p` with the default e-form (a procedure of its agency, most asked first). */
export function submissionBody(p: CitizenProfile, rand: () => number, fileIds: string[] = []) {
  const request = REQUESTS[Math.floor(rand() * REQUESTS.length)] as string;
  return {
    procedureCode: p.procedures[Math.floor(p.procedures.length * rand() ** 2.5)],
    agencyId: p.agencyId,
    applicant: {
      kind: 'citizen',
      idNumber: p.idNumber,
      fullName: p.fullName,
      phone: p.phone,
      address: p.address,
    },
    summary: request,
    formData: {
      hoTen: p.fullName,
      soDinhDanh: p.idNumber,
      dienThoai: p.phone,
      tinh: p.province,
      xa: p.commune,
      diaChi: p.address,
      noiDung: request,
      camDoan: true,
    },
    resultDelivery: 'counter',
    ...(fileIds.length ? { fileIds } : {}),
  };
}

/** A second factor that matches nothing: one digit of the phone or of the identity number changed. */
function wrong(value: string, rand: () => number): string {
  const at = value.length - 1 - Math.floor(rand() * 6);
  const d = Number(value[at] ?? 0);
  return `${value.slice(0, at)}${(d + 1 + Math.floor(rand() * 9)) % 10}${value.slice(at + 1)}`;
}

/**
 * One citizen's loop until `until` (ms, performance.now()); each request waits `think()` ms first.
 * A turn: tracking a dossier with the right second factor (phone or identity number), a second
 * lookup that is wrong one time in four (404 is then the correct answer), and every
 * `submitEvery`-th turn an online submission whose dossier the citizen may track afterwards.
 */
export async function citizenLoop(
  c: Citizen,
  rec: Recorder,
  rand: () => number,
  until: number,
  think: () => number,
  submitEvery: number,
): Promise<void> {
  const p = c.profile;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const call = async (flow: Flow, expect: number, send: () => Promise<Reply>, what: string) => {
    // No wait past the end: the scenario's window is the measured one.
    const wait = Math.min(think(), until - performance.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() >= until) return null;
    const t = performance.now();
    let res: Reply;
    try {
      res = await send();
    } catch (err) {
      rec.record(flow, performance.now() - t, false, `${what}: ${String(err)}`);
      return null;
    }
    const ok = res.status === expect;
    rec.record(
      flow,
      performance.now() - t,
      ok,
      `${res.status} ${what}: ${res.body.toString().slice(0, 200)}`,
    );
    return ok ? res : null;
  };
  const track = (d: { code: string; phone: string; idNumber: string }, bad: boolean) => {
    const byPhone = rand() < 0.5;
    const factor = byPhone
      ? `phone=${bad ? wrong(d.phone, rand) : d.phone}`
      : `idNumber=${bad ? wrong(d.idNumber, rand) : d.idNumber}`;
    const path = `/api/public/dossiers/${encodeURIComponent(d.code)}?${factor}`;
    const flow: Flow = bad
      ? 'tracking: wrong second factor (404 expected)'
      : byPhone
        ? 'tracking: code + phone'
        : 'tracking: code + identity number';
    return call(flow, bad ? 404 : 200, () => c.tracker.get(path), `GET ${path}`);
  };
  let turn = Math.floor(rand() * submitEvery);
  while (performance.now() < until) {
    turn++;
    const own = c.submitted.length > 0 && rand() < 0.3;
    await track(own ? pick(c.submitted) : pick(p.tracked), false);
    await track(pick(p.tracked), rand() < 0.25);
    if (turn % submitEvery !== 0) continue;
    const body = submissionBody(p, rand);
    const res = await call(
      'submission (online, default e-form)',
      201,
      () => c.session.request('POST', '/api/portal/dossiers', body),
      `POST /api/portal/dossiers ${body.procedureCode}`,
    );
    if (res) {
      const { code } = JSON.parse(res.body.toString()) as { code: string };
      c.submitted.push({ code, phone: p.phone, idNumber: p.idNumber });
    }
  }
}
