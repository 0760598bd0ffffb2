import pg from 'pg';
import type { Runtime } from '../../src/runtime.ts';
import { personName } from './dossier-load.ts';
import { rng } from './procedures.ts';

/**
 * What one receipt costs, measured in the benchmark's own process with nothing else running against
 * the app: sequential receipts through DossiersService.receive (then the detail the route answers
 * with), counting the SQL statements sent and the time spent in LegalTimeService.calendarFor, which
 * loads the agency, its working hours and its calendar entries from the database on every call; and
 * the legal-time calls alone, with the calendar loaded each time and with one loaded beforehand.
 */

export interface Probe {
  receipts: number;
  receiptMs: number;
  queriesPerReceipt: number;
  calendarLoadsPerReceipt: number;
  calendarMsPerReceipt: number;
  calendarForMs: number;
  appointmentMs: number;
  appointmentPreloadedMs: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function probeReceipt(
  rt: Runtime,
  counter: { username: string; password: string; agencyId: string; procedures: string[] },
  n = 40,
): Promise<Probe> {
  const { services } = rt;
  const signed = await services.accounts.signIn(
    { username: counter.username, password: counter.password },
    { ip: '127.0.0.9', userAgent: 'bench' },
  );
  const auth = await services.resolveSession(signed.token);
  if (!auth) throw new Error('probe: no session');
  const caller = {
    auth,
    actor: { accountId: auth.account.id, name: auth.account.fullName, ip: '127.0.0.9' },
  };
  const lt = services.legalTime;
  const original = lt.calendarFor.bind(lt);
  let loads = 0;
  let loadMs = 0;
  lt.calendarFor = async (...args: Parameters<typeof original>) => {
    loads++;
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      loadMs += performance.now() - t;
    }
  };
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  let queries = 0;
  proto.query = function (this: unknown, ...a: unknown[]) {
    queries++;
    return query.apply(this, a);
  };
  const rand = rng(99);
  const times: number[] = [];
  try {
    for (let i = 0; i < n + 5; i++) {
      if (i === 5) [queries, loads, loadMs] = [0, 0, 0];
      const idNumber = `0798${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const t = performance.now();
      const id = await services.dossiers.receive(caller, {
        procedureCode: counter.procedures[i % counter.procedures.length] ?? '',
        agencyId: counter.agencyId,
        channel: 'counter',
        applicant: { kind: 'citizen', idNumber, fullName: personName(rand) },
        summary: '',
        formData: {},
        components: [{ name: 'Tờ khai theo mẫu', copyType: 'original', count: 1, received: true }],
        fileIds: [],
        resultDelivery: 'counter',
        decision: 'accept',
        missingItems: [],
      });
      await services.dossiers.detail(auth, id);
      if (i >= 5) times.push(performance.now() - t);
    }
  } finally {
    proto.query = query;
    lt.calendarFor = original;
  }
  const result = {
    receipts: n,
    receiptMs: mean(times),
    queriesPerReceipt: queries / n,
    calendarLoadsPerReceipt: loads / n,
    calendarMsPerReceipt: loadMs / n,
  };
  const timed = async (f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await f();
      xs.push(performance.now() - t);
    }
    return mean(xs.slice(20));
  };
  const deadline = { value: 5, unit: 'working_days' as const, minutes: 5 * 480 };
  const calendar = await lt.calendarFor(counter.agencyId);
  return {
    ...result,
    calendarForMs: await timed(() => lt.calendarFor(counter.agencyId)),
    appointmentMs: await timed(() => lt.appointment({ agencyId: counter.agencyId, deadline })),
    appointmentPreloadedMs: await timed(() =>
      lt.appointment({ agencyId: counter.agencyId, deadline, calendar }),
    ),
  };
}
