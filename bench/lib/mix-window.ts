import { sampleActivity } from './db-activity.ts';
import type { ActivityClass } from './db-activity.ts';
import { statementCosts } from './db-statements.ts';
import type { StatementCost } from './db-statements.ts';
import { cpuSeconds, cpuSecondsOf } from './server.ts';

export interface WindowMeasures {
  /** When the window opened (performance.now()). */
  openedAt: number;
  /** Cores used over the window (1.0 = one core): the application processes, PostgreSQL, this process. */
  cpu: { app: number; db: number; load: number };
  connections: ActivityClass[];
  statements: StatementCost[] | null;
}

/**
 * What the machine and the database do over a mix's measured window, which opens at `opensAt` and
 * closes at `closesAt` (performance.now() times): CPU, the database's connections by state, its
 * costliest statements. Measured over the window only: requests still in flight at its end may take
 * long to finish, and the quiet tail after them would dilute the figures. `onOpen` runs as it opens.
 */
export function measureWindow(o: {
  url: string;
  appPids: () => number[];
  opensAt: number;
  closesAt: number;
  onOpen: () => void;
}): { done: Promise<WindowMeasures>; cancel: () => void } {
  const appCpu = () => o.appPids().reduce((t, pid) => t + cpuSeconds(pid), 0);
  const activity = sampleActivity(o.url);
  let openedAt = performance.now();
  let cpu0 = { app: 0, db: 0, load: process.cpuUsage() };
  let costs: ReturnType<typeof statementCosts> | null = null;
  const open = setTimeout(() => {
    void activity.start();
    costs = statementCosts(o.url);
    o.onOpen();
    openedAt = performance.now();
    cpu0 = { app: appCpu(), db: cpuSecondsOf('postgres'), load: process.cpuUsage() };
  }, o.opensAt - performance.now());
  const done = new Promise<WindowMeasures>((resolve) =>
    setTimeout(() => {
      const elapsed = (performance.now() - openedAt) / 1000;
      const l = process.cpuUsage(cpu0.load);
      const cpu = {
        app: (appCpu() - cpu0.app) / elapsed,
        db: (cpuSecondsOf('postgres') - cpu0.db) / elapsed,
        load: (l.user + l.system) / 1e6 / elapsed,
      };
      const top = costs ? costs.then((c) => c.top(12)).catch(() => null) : Promise.resolve(null);
      void Promise.all([activity.stop(), top]).then(([connections, statements]) =>
        resolve({ openedAt, cpu, connections, statements }),
      );
    }, o.closesAt - performance.now()),
  );
  return { done, cancel: () => clearTimeout(open) };
}
