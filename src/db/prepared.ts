import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Compilable } from 'kysely';
import pg from 'pg';

/**
 * Named prepared statements for the few statements whose planning costs more than their running
 * (issue 8: the worklist counts, one subquery per list and branch over a table of 22 indexes, took
 * 10 ms to plan and 1–30 ms to run at every call). Prepared on a connection, a statement is planned
 * for its values five times, after which PostgreSQL keeps one generic plan when it costs no more than
 * those (plan_cache_mode auto), and only binds and runs it from then on.
 *
 * A query opts in with `prepared(query)`: its text gets a marker comment, and the pool's clients
 * (`PreparingClient`) send a marked text as a statement named by its hash. Other statements, and every
 * statement on PGlite (whose pool does not use this client), run as before: the marker is a comment.
 */
const MARK = '/* prepared */ ';

/**
 * A connection keeps at most this many statements of its own: a statement's text varies with the
 * caller's grants and lists, so the shapes are few but not fixed; past the bound, a new shape runs
 * unprepared rather than growing every connection's memory without end.
 */
export const STATEMENTS_PER_CONNECTION = 200;

/** `query` compiled and marked to run as a named prepared statement on PostgreSQL. */
export function prepared<R>(query: Compilable<R>): CompiledQuery<R> {
  const compiled = query.compile();
  return CompiledQuery.raw(MARK + compiled.sql, [...compiled.parameters]);
}

/** The statement's name: its text's hash (PostgreSQL names are at most 63 bytes). */
function nameOf(text: string): string {
  return `p_${createHash('sha1').update(text).digest('base64url')}`;
}

/** pg's client with marked texts sent as named statements (pg keeps which ones it has parsed). */
export class PreparingClient extends pg.Client {
  private readonly names = new Set<string>();

  // pg's query has many overloads; only (text, values) calls, as Kysely makes them, are looked at.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(MARK) && Array.isArray(values)) {
      const name = nameOf(text);
      if (this.names.has(name) || this.names.size < STATEMENTS_PER_CONNECTION) {
        this.names.add(name);
        return super.query({ name, text, values }) as never;
      }
    }
    return (super.query as (...a: unknown[]) => unknown)(...args) as never;
  }
}
