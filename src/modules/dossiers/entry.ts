import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Executor } from '../../db/tx.ts';
import type { EformDefinition } from '../../domain/eform.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { CatalogCache, catalogGeneration } from '../procedures/public-cache.ts';
import { keepPublishedDefinition, legalDeadlineOf } from '../processes/store.ts';
import type { PublishedProcess } from '../processes/schema.ts';
import { currentEform } from './online-form.ts';

/**
 * Where a new dossier enters: the receiving agency, the procedure as published there, the process in
 * force and the procedure's e-form. Every receipt and online submission needs them, and they change
 * only when the catalog does: agencies, procedures, their agencies, process definitions and e-form
 * versions all bump the catalog generation (migrations 0008, 0022, 0025). On PostgreSQL they are kept
 * under it and read before the dossier's transaction opens (issue 8: four statements less inside
 * it, each a wait for the busy event loop); on PGlite, whose single connection the transaction would
 * hold while the generation is read, they are read each time.
 */

export interface EntryAgency {
  id: string;
  code: string;
  path: string;
  name: string;
}

export interface ProcedureFacts {
  id: string;
  code: string;
  name: string;
  fieldCode: string;
  channels: string[];
  /** The shortest legal deadline of its channels (the appointment), null when none has a unit. */
  deadline: ReturnType<typeof legalDeadlineOf>;
}

export interface Entry {
  agency: EntryAgency | null;
  /** Why the procedure cannot be received here, or its facts. */
  procedure: ProcedureFacts | 'unknown' | 'not_here';
  process: PublishedProcess | null;
}

interface EntryRow {
  a_id: string | null;
  a_code: string;
  a_path: string;
  a_name: string;
  id: string | null;
  code: string;
  name: string;
  pub_name: string | null;
  field_code: string;
  pub_field_code: string | null;
  status: string;
  channels: string[] | null;
  deadlines: unknown;
  process_id: string | null;
  version: number;
  process_agency_id: string | null;
  process_agency_name: string | null;
  published_at: Date | null;
  definition: unknown;
}

/**
 * The entry in one statement (the agency, the procedure with the agency's channels, and the process
 * in force there: the agency's own published variant, else the default, as publishedFor chooses):
 * a miss is one round trip, not four.
 */
async function readEntry(db: Executor, code: string, agencyId: string): Promise<Entry> {
  const { rows } = await sql<EntryRow>`
    select a.id as a_id, a.code as a_code, a.path as a_path, a.name as a_name,
      p.id, p.code, p.name, p.pub_name, p.field_code, p.pub_field_code, p.status, pa.channels,
      coalesce(p.published, p.content)->'channels' as deadlines,
      x.id as process_id, x.version, x.agency_id as process_agency_id, xa.name as process_agency_name,
      x.published_at, x.definition
    from (select ${agencyId}::uuid as id) k
    left join agencies a on a.id = k.id
    left join procedures p on p.code = ${code} and a.id is not null
    left join procedure_agencies pa on pa.procedure_id = p.id and pa.agency_id = a.id
    left join lateral (
      select d.id, d.version, d.agency_id, d.published_at, d.definition
      from process_definitions d
      where d.procedure_id = p.id and d.status = 'published' and (d.agency_id is null or d.agency_id = a.id)
      order by d.agency_id is null
      limit 1) x on p.status = 'published'
    left join agencies xa on xa.id = x.agency_id`.execute(db);
  const r = rows[0];
  if (!r?.a_id) return { agency: null, procedure: 'unknown', process: null };
  const agency = { id: r.a_id, code: r.a_code, path: r.a_path, name: r.a_name };
  if (!r.id || r.status !== 'published') return { agency, procedure: 'unknown', process: null };
  if (!r.channels) return { agency, procedure: 'not_here', process: null };
  const procedure = {
    id: r.id,
    code: r.code,
    name: r.pub_name ?? r.name,
    fieldCode: r.pub_field_code ?? r.field_code,
    channels: r.channels,
    deadline: legalDeadlineOf({ content: { channels: r.deadlines ?? [] }, published: null }),
  };
  const process =
    r.process_id && r.published_at
      ? {
          id: r.process_id,
          procedureCode: r.code,
          procedureName: procedure.name,
          agencyId: r.process_agency_id,
          agencyName: r.process_agency_name,
          version: r.version,
          publishedAt: r.published_at.toISOString(),
          definition: keepPublishedDefinition(r.process_id, r.definition),
        }
      : null;
  return { agency, procedure, process };
}

/** The agency, or the validation error a caller gets for an unknown one. */
export function agencyOf(entry: Entry): EntryAgency {
  if (!entry.agency)
    throw new ValidationError([{ field: 'agencyId', message: 'Cơ quan tiếp nhận (agencyId) không tồn tại' }]);
  return entry.agency;
}

/** The procedure's facts, or the validation error saying why it cannot be received there. */
export function procedureOf(entry: Entry): ProcedureFacts {
  if (entry.procedure === 'unknown')
    throw new ValidationError([
      { field: 'procedureCode', message: 'Thủ tục (procedureCode) không tồn tại hoặc chưa được công bố' },
    ]);
  if (entry.procedure === 'not_here')
    throw new ValidationError([
      { field: 'agencyId', message: 'Cơ quan tiếp nhận (agencyId) không thực hiện thủ tục này' },
    ]);
  return entry.procedure;
}

/** The process in force, or the conflict a caller gets when there is none. */
export function processInForce(entry: Entry): PublishedProcess {
  if (!entry.process)
    throw new ConflictError('Thủ tục chưa có quy trình xử lý được ban hành tại cơ quan này', 'no_process');
  return entry.process;
}

/** Entries and e-forms, kept under the catalog generation on PostgreSQL (see above). */
export class EntryFacts {
  private readonly database: Database;
  private readonly cache: CatalogCache;

  constructor(database: Database) {
    this.database = database;
    // An entry is a few hundred bytes (the process definition is shared); an e-form a few kB.
    this.cache = new CatalogCache(() => catalogGeneration(database.side), { entry: 10_000, eform: 2_000 });
  }

  private get kept(): boolean {
    return this.database.kind === 'postgres';
  }

  entry(code: string, agencyId: string): Promise<Entry> {
    const read = () => readEntry(this.database.db, code, agencyId);
    return this.kept ? this.cache.get('entry', `${agencyId} ${code}`, read) : read();
  }

  eform(procedure: ProcedureFacts): Promise<{ version: number; definition: EformDefinition }> {
    const read = () => currentEform(this.database.db, procedure);
    return this.kept ? this.cache.get('eform', procedure.id, read) : read();
  }
}
