import pg from 'pg';
import type { Runtime } from '../../src/runtime.ts';
import { CITIZEN_PASSWORD } from './portal-setup.ts';
import type { CitizenProfile } from './portal-setup.ts';

/**
 * What one tracking lookup and one online submission cost, in the benchmark's own process with
 * nothing else running against the app: sequential calls of the services the routes call
 * (DossiersService.track; DossiersService.submit then detail, as POST /api/portal/dossiers answers;
 * DossiersService.mine, the first page of the applicant's own dossiers),
 * counting the SQL statements sent (begin and commit included) and their time; then, for one call of
 * each, every statement with its time and, for the reads, the plan PostgreSQL runs it with
 * (EXPLAIN ANALYZE with the same parameters): a sequential scan of a big table would show there.
 */

export interface Statement {
  sql: string;
  ms: number;
  /** Scan nodes of the plan (reads only), e.g. "Index Scan using dossiers_code_key on dossiers". */
  plan: string[];
}

export interface CallCost {
  calls: number;
  ms: number;
  statements: number;
  /** The statements of the last call, in order. */
  last: Statement[];
}

type Sent = { sql: string; values: unknown[]; ms: number };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Counts and times the statements of every pg client while `f` runs; returns them with `f`'s result. */
async function captured<T>(f: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  const sent: Sent[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const [first, second] = a;
    const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
    const values = Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? []);
    const entry: Sent = { sql: text, values, ms: 0 };
    sent.push(entry);
    const t = performance.now();
    const r = query.apply(this, a);
    if (r instanceof Promise) void r.finally(() => (entry.ms = performance.now() - t)).catch(() => undefined);
    return r;
  };
  try {
    return { result: await f(), sent };
  } finally {
    proto.query = query;
  }
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

function scans(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name'])
    out.push(
      `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} on ${node['Relation Name']}`,
    );
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** The statements of one call with the scans of the reads' plans (run again under EXPLAIN ANALYZE). */
async function explained(pool: pg.Pool, sent: Sent[]): Promise<Statement[]> {
  const out: Statement[] = [];
  for (const s of sent) {
    let plan: string[] = [];
    // Reads only: a `with` whose CTEs write (the dossier's update with its history row) would write again.
    const read = /^\s*(select|with)\b/i.test(s.sql) && !/\b(insert|update|delete)\b/i.test(s.sql);
    if (read) {
      const r = await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        `explain (analyze, format json) ${s.sql}`,
        s.values,
      );
      const root = r.rows[0]?.['QUERY PLAN'][0]?.Plan;
      plan = root ? scans(root) : [];
    }
    out.push({ sql: s.sql.replace(/\s+/g, ' ').trim(), ms: s.ms, plan });
  }
  return out;
}

export async function probePortal(
  rt: Runtime,
  pool: pg.Pool,
  citizen: CitizenProfile,
  n = 40,
): Promise<{ tracking: CallCost; submission: CallCost; mine: CallCost }> {
  const { services } = rt;
  const signed = await services.accounts.signIn(
    { username: citizen.username, password: CITIZEN_PASSWORD },
    { ip: '127.0.0.10', userAgent: 'bench' },
  );
  const auth = await services.resolveSession(signed.token);
  if (!auth) throw new Error('probe: no session');
  const caller = {
    auth,
    actor: { accountId: auth.account.id, name: auth.account.fullName, ip: '127.0.0.10' },
  };

  const measure = async (call: (i: number) => Promise<unknown>): Promise<CallCost> => {
    for (let i = 0; i < 5; i++) await call(i);
    const times: number[] = [];
    let statements = 0;
    let last: Sent[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const { sent } = await captured(() => call(i));
      times.push(performance.now() - t);
      statements += sent.length;
      last = sent;
    }
    return { calls: n, ms: mean(times), statements: statements / n, last: await explained(pool, last) };
  };

  const tracked = citizen.tracked;
  const tracking = await measure(async (i) => {
    const d = tracked[i % tracked.length];
    if (!d) throw new Error('probe: nothing to track');
    return services.dossiers.track(d.code, i % 2 ? { phone: d.phone } : { idNumber: d.idNumber });
  });
  const submission = await measure(async (i) => {
    const id = await services.dossiers.submit(caller, {
      procedureCode: citizen.procedures[i % Math.min(10, citizen.procedures.length)] ?? '',
      agencyId: citizen.agencyId,
      applicant: {
        kind: 'citizen',
        idNumber: citizen.idNumber,
        fullName: citizen.fullName,
        phone: citizen.phone,
        address: citizen.address,
      },
      summary: 'Đề nghị giải quyết theo hồ sơ đã khai',
      formData: {
        hoTen: citizen.fullName,
        soDinhDanh: citizen.idNumber,
        dienThoai: citizen.phone,
        tinh: citizen.province,
        xa: citizen.commune,
        diaChi: citizen.address,
        noiDung: 'Đề nghị giải quyết theo hồ sơ đã khai',
        camDoan: true,
      },
      components: [],
      fileIds: [],
      resultDelivery: 'counter',
    });
    return services.dossiers.detail(auth, id);
  });
  // "My dossiers" is a page of the web app (/ho-so-cua-toi), not timed over HTTP here: its first page,
  // which then holds the dossiers just submitted.
  const mine = await measure(() => services.dossiers.mine(auth, {}));
  return { tracking, submission, mine };
}
