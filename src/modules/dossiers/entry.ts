import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Executor } from '../../db/tx.ts';
import type { EformDefinition } from '../../domain/eform.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { CatalogCache, catalogGeneration } from '../procedures/public-cache.ts';
import { legalDeadlineOf } from '../processes/store.ts';
import type { ProcessesService } from '../processes/service.ts';
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

async function readAgency(db: Executor, id: string): Promise<EntryAgency | null> {
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'path', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  return agency ?? null;
}

async function readProcedure(db: Executor, code: string, agencyId: string): Promise<Entry['procedure']> {
  const row = await db
    .selectFrom('procedures as p')
    .leftJoin('procedure_agencies as pa', (j) =>
      j.onRef('pa.procedure_id', '=', 'p.id').on('pa.agency_id', '=', agencyId),
    )
    .select(['p.id', 'p.code', 'p.name', 'p.pub_name', 'p.field_code', 'p.pub_field_code', 'p.status'])
    .select(['pa.channels', sql`coalesce(p.published, p.content)->'channels'`.as('deadlines')])
    .where('p.code', '=', code)
    .executeTakeFirst();
  if (!row || row.status !== 'published') return 'unknown';
  if (!row.channels) return 'not_here';
  return {
    id: row.id,
    code: row.code,
    name: row.pub_name ?? row.name,
    fieldCode: row.pub_field_code ?? row.field_code,
    channels: row.channels,
    deadline: legalDeadlineOf({ content: { channels: row.deadlines ?? [] }, published: null }),
  };
}

async function readEntry(
  db: Executor,
  processes: ProcessesService,
  code: string,
  agencyId: string,
): Promise<Entry> {
  const agency = await readAgency(db, agencyId);
  if (!agency) return { agency, procedure: 'unknown', process: null };
  const procedure = await readProcedure(db, code, agencyId);
  const process = typeof procedure === 'string' ? null : await processes.publishedFor(code, agencyId, db);
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
  private readonly processes: ProcessesService;
  private readonly cache: CatalogCache;

  constructor(database: Database, processes: ProcessesService) {
    this.database = database;
    this.processes = processes;
    // An entry is a few hundred bytes (the process definition is shared); an e-form a few kB.
    this.cache = new CatalogCache(() => catalogGeneration(database.side), { entry: 10_000, eform: 2_000 });
  }

  private get kept(): boolean {
    return this.database.kind === 'postgres';
  }

  entry(code: string, agencyId: string): Promise<Entry> {
    const read = () => readEntry(this.database.db, this.processes, code, agencyId);
    return this.kept ? this.cache.get('entry', `${agencyId} ${code}`, read) : read();
  }

  eform(procedure: ProcedureFacts): Promise<{ version: number; definition: EformDefinition }> {
    const read = () => currentEform(this.database.db, procedure);
    return this.kept ? this.cache.get('eform', procedure.id, read) : read();
  }
}
