import { sql } from 'kysely';
import { arrivedAt } from '../../arrival.ts';
import type { Executor } from '../../db/tx.ts';
/**
 * Answers of the public catalog kept in memory while the catalog is unchanged (bench/catalog.ts:
 * without it a search costs a planned and scored query, a procedure three queries and a 20 KB row).
 *
 * Every committed change to the tables the catalog reads bumps `catalog_generation` (migration 0008,
 * triggers), so an answer is reused only under the generation it was read in. Each call waits for a
 * reading of the generation that started after the call did: a change committed before a request
 * arrived is always seen, by this process and by every other one on the same database. Concurrent
 * calls share one reading (`catalogGeneration`, shared by every cache of the process). Values are frozen: they are shared between requests.
 */
export class CatalogCache {
  private readonly current: () => Promise<number>;
  private readonly limits: Readonly<Record<string, number>>;
  private generation = 0;
  private entries = new Map<string, Map<string, Promise<unknown>>>();

  /** `current` answers with a reading of the generation that started after the call (`coalesced`). */
  constructor(current: () => Promise<number>, limits: Readonly<Record<string, number>>) {
    this.current = current;
    this.limits = limits;
  }

  /** The value of `kind`/`key` under the current generation, loaded once by `load` when missing. */
  async get<T>(kind: string, key: string, load: () => Promise<T>): Promise<T> {
    const generation = await this.current();
    if (generation > this.generation) {
      this.generation = generation;
      this.entries = new Map();
    }
    // A reading older than one another call already saw: answer from the database, keep nothing.
    if (generation < this.generation) return load();
    return this.lookup(kind, key, load);
  }

  private lookup<T>(kind: string, key: string, load: () => Promise<T>): Promise<T> {
    let map = this.entries.get(kind);
    if (!map) this.entries.set(kind, (map = new Map<string, Promise<unknown>>()));
    const hit = map.get(key) as Promise<T> | undefined;
    if (hit) {
      // Least recently used first: a hit moves to the end.
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const loaded = load().then(deepFreeze);
    map.set(key, loaded);
    const limit = this.limits[kind] ?? 500;
    if (map.size > limit) map.delete(map.keys().next().value as string);
    const entries = map;
    loaded.catch(() => {
      if (entries.get(key) === loaded) entries.delete(key);
    });
    return loaded;
  }

  /** Drops one value of `kind` (a revoked session), or all of them: the next get loads it again. */
  forget(kind: string, key?: string): void {
    if (key === undefined) this.entries.delete(kind);
    else this.entries.get(kind)?.delete(key);
  }

  /**
   * Like get, under the generation last read, without reading it again: for values a `load` of get
   * needs (the search index under a search page), whose generation was read an instant before.
   */
  getCurrent<T>(kind: string, key: string, load: () => Promise<T>): Promise<T> {
    return this.lookup(kind, key, load);
  }
}

/**
 * `read` shared between concurrent calls: each call gets a reading that started after it, or after
 * the request it serves arrived (src/arrival.ts), so that a change committed before is always seen.
 * Calls share the reading in flight when it started late enough, else one queued behind it, and the
 * last one done while it is late enough: the database sees at most one tiny query at a time whatever
 * the traffic, and a request waits for at most one reading.
 */
export function coalesced<T>(read: () => Promise<T>): () => Promise<T> {
  let inflight: { start: number; value: Promise<T> } | null = null;
  let queued: Promise<T> | null = null;
  let done: { start: number; value: T } | null = null;
  const start = (): Promise<T> => {
    const reading = { start: performance.now(), value: read() };
    inflight = reading;
    reading.value.then(
      (value) => {
        if (!done || reading.start > done.start) done = { start: reading.start, value };
      },
      () => undefined,
    );
    void reading.value
      .finally(() => {
        if (inflight === reading) inflight = null;
      })
      .catch(() => undefined);
    return reading.value;
  };
  const current = (): Promise<T> => {
    const since = arrivedAt() ?? performance.now();
    if (done && done.start >= since) return Promise.resolve(done.value);
    if (!inflight) return start();
    if (inflight.start >= since) return inflight.value;
    queued ??= inflight.value
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return inflight ? inflight.value : start();
      });
    return queued;
  };
  return current;
}

/** The generations every cache of a process is kept under, read together. */
interface Generations {
  /** Migration 0008: what the portal's catalog and the working calendars are made of. */
  catalog: number;
  /** Migration 0026: what a signed-in session is made of (session-cache.ts). */
  access: number;
  /** Migration 0026: the number of the last session revocation (session_revocations). */
  revoked: number;
}

const readers = new WeakMap<Executor, () => Promise<Generations>>();
const GENERATIONS = sql<{ catalog: string; access: string; revoked: string }>`select
  (select value from catalog_generation) as catalog, a.value as access, a.revoked from access_generation a`;

/**
 * Both generations read through `db` (the database's side connection) in one tiny statement, one
 * coalesced reading for every cache of the process on that database: the catalog's answers, the
 * working calendars and the sessions of one request wait for the same reading (two readings would
 * queue behind each other on the one side connection).
 */
export function generations(db: Executor): Promise<Generations> {
  let read = readers.get(db);
  if (!read) {
    read = coalesced(async () => {
      const row = (await GENERATIONS.execute(db)).rows[0];
      return {
        catalog: Number(row?.catalog ?? 0),
        access: Number(row?.access ?? 0),
        revoked: Number(row?.revoked ?? 0),
      };
    });
    readers.set(db, read);
  }
  return read();
}

export const catalogGeneration = async (db: Executor): Promise<number> => (await generations(db)).catalog;
export const accessGeneration = async (db: Executor): Promise<number> => (await generations(db)).access;

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
