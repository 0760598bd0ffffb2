import { sql } from 'kysely';
import type { ProcessDefinition } from '../../domain/process.ts';
import { longestBudgetPath } from '../../domain/process-budget.ts';
import type { ProcessProblem } from '../../domain/process-validation.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import { ConflictError, ProcessInvalidError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import type {
  ProcessDefinitionOutput,
  ProcessDetail,
  ProcessExport,
  ProcessVersion,
  PublishedProcess,
} from './schema.ts';
import { PROCESS_FILE_FORMAT } from './schema.ts';
import type { ProcessCaller, ProcessRow } from './store.ts';
import {
  assertDraft,
  assertEditor,
  assertReader,
  assertRowVersion,
  definitionOf,
  publishedDefinition,
  findProcedure,
  countAtSteps,
  findProcess,
  legalDeadlineOf,
  lockProcedure,
  lockProcess,
  parseDefinition,
  parseImport,
  problemFields,
  problemsOf,
  summary,
  uniqueViolation,
} from './store.ts';
import { starterDefinition } from './templates.ts';
import { actorChoices } from './choices.ts';

export type { ProcessCaller } from './store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Process definitions of procedures (II.3.1–3.4, drawn by the designer of II.24.1): versions per
 * procedure, a default for every agency and optional variants per agency. A draft is edited and saved
 * with its problems shown; publishing refuses while any problem remains, retires the previous
 * version and never changes a published one (dossiers keep the version they started with).
 * `caller` is {auth, actor}: the web context of a loader or action is one as it is.
 */
export class ProcessesService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Every version of the procedure's processes: the default first, then each agency's, newest first. */
  async listForProcedure(caller: ProcessCaller, procedureCode: string): Promise<ProcessVersion[]> {
    assertReader(caller.auth);
    const proc = await findProcedure(this.db, procedureCode);
    const rows = await this.db
      .selectFrom('process_definitions as p')
      .leftJoin('agencies as a', 'a.id', 'p.agency_id')
      .select([
        'p.id',
        'p.version',
        'p.agency_id',
        'a.name as agency_name',
        'p.status',
        'p.updated_at',
        'p.published_at',
        'p.row_version',
      ])
      .where('p.procedure_id', '=', proc.id)
      .orderBy(sql`p.agency_id is not null`)
      .orderBy('a.name')
      .orderBy('p.agency_id')
      .orderBy('p.version', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      status: r.status,
      updatedAt: r.updated_at.toISOString(),
      publishedAt: r.published_at?.toISOString() ?? null,
      rowVersion: r.row_version,
    }));
  }

  /** One version with its problems, measured against the procedure's legal deadline. */
  async get(caller: ProcessCaller, id: string): Promise<ProcessDetail> {
    assertReader(caller.auth);
    return this.detail(await findProcess(this.db, id));
  }

  /**
   * A new draft for the procedure (and agency): a copy of `fromId`, else of the version in force (the
   * agency's, else the default), else a starter fitted to the legal deadline. Returns its id.
   */
  async createDraft(
    caller: ProcessCaller,
    procedureCode: string,
    opts: { agencyId?: string | null; fromId?: string } = {},
  ): Promise<string> {
    const agencyId = opts.agencyId ?? null;
    return this.db.transaction().execute(async (trx) => {
      await assertEditor(trx, caller.auth, agencyId);
      const proc = await lockProcedure(trx, procedureCode);
      const source = opts.fromId
        ? await findProcess(trx, opts.fromId)
        : ((await this.publishedRow(trx, proc.id, agencyId)) ??
          (agencyId ? await this.publishedRow(trx, proc.id, null) : undefined));
      const definition = source
        ? definitionOf(source)
        : starterDefinition(
            `Quy trình giải quyết: ${proc.name}`.slice(0, 300),
            legalDeadlineOf(await findProcedure(trx, proc.code))?.minutes ?? null,
          );
      return this.insertDraft(trx, caller, proc, agencyId, definition, 'process.create', source?.id ?? null);
    });
  }

  /**
   * Saves the draft even with problems (they are returned); the definition is checked against the
   * contract first (400 listing every shape error). A stale rowVersion is a 409 version_conflict.
   */
  async saveDraft(
    caller: ProcessCaller,
    id: string,
    input: { definition: ProcessDefinition | ProcessDefinitionOutput; rowVersion: number },
  ): Promise<{ rowVersion: number; problems: ProcessProblem[] }> {
    const definition = parseDefinition(input.definition);
    return this.db.transaction().execute(async (trx) => {
      const before = await lockProcess(trx, id);
      await assertEditor(trx, caller.auth, before.agency_id);
      assertDraft(before);
      assertRowVersion(before, input.rowVersion);
      const after = await trx
        .updateTable('process_definitions')
        .set({
          definition: JSON.stringify(definition),
          row_version: before.row_version + 1,
          updated_at: new Date(),
          updated_by: caller.actor.accountId,
        })
        .where('id', '=', id)
        .returning(['row_version', 'procedure_id'])
        .executeTakeFirstOrThrow();
      const problems = await problemsOf(
        trx,
        definition,
        legalDeadlineOf(await this.procedureOf(trx, before)),
      );
      await appendAudit(trx, caller.actor, {
        action: 'process.save',
        entityType: 'process_definition',
        entityId: id,
        agencyId: before.agency_id,
        before: { rowVersion: before.row_version },
        after: summary(definition, after.row_version, problems),
      });
      return { rowVersion: after.row_version, problems };
    });
  }

  /** Puts the draft in force; refuses (400) with every problem while any remains. */
  async publish(caller: ProcessCaller, id: string, input: { rowVersion: number }): Promise<ProcessDetail> {
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await lockProcess(trx, id);
      await assertEditor(trx, caller.auth, before.agency_id);
      assertDraft(before);
      assertRowVersion(before, input.rowVersion);
      const definition = definitionOf(before);
      const problems = await problemsOf(
        trx,
        definition,
        legalDeadlineOf(await this.procedureOf(trx, before)),
      );
      if (problems.length > 0)
        throw new ProcessInvalidError(
          `Quy trình còn ${problems.length} vấn đề cần sửa trước khi công bố`,
          problemFields(problems),
          problems,
        );
      const now = new Date();
      const retired = await trx
        .updateTable('process_definitions')
        .set((eb) => ({
          status: 'retired',
          retired_at: now,
          row_version: eb('row_version', '+', 1),
          updated_at: now,
          updated_by: caller.actor.accountId,
        }))
        .where('procedure_id', '=', before.procedure_id)
        .where(sql<boolean>`agency_id is not distinct from ${before.agency_id}`)
        .where('status', '=', 'published')
        .returning(['id', 'version'])
        .executeTakeFirst();
      const after = await trx
        .updateTable('process_definitions')
        .set({
          status: 'published',
          published_at: now,
          published_by: caller.actor.accountId,
          row_version: before.row_version + 1,
          updated_at: now,
          updated_by: caller.actor.accountId,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, caller.actor, {
        action: 'process.publish',
        entityType: 'process_definition',
        entityId: id,
        agencyId: before.agency_id,
        before: retired
          ? { publishedId: retired.id, publishedVersion: retired.version }
          : { published: null },
        after: { status: 'published', version: after.version },
      });
      return after;
    });
    return this.detail(row);
  }

  /** Deletes a draft (published and retired versions are kept for ever). */
  async discardDraft(caller: ProcessCaller, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await lockProcess(trx, id);
      await assertEditor(trx, caller.auth, before.agency_id);
      assertDraft(before);
      await trx.deleteFrom('process_definitions').where('id', '=', id).execute();
      await appendAudit(trx, caller.actor, {
        action: 'process.discard',
        entityType: 'process_definition',
        entityId: id,
        agencyId: before.agency_id,
        before: { status: 'draft', version: before.version },
      });
    });
  }

  /** The definition with what identifies it, as a file another deployment (or procedure) can import. */
  async exportJson(caller: ProcessCaller, id: string): Promise<ProcessExport> {
    assertReader(caller.auth);
    const row = await findProcess(this.db, id);
    const proc = await this.procedureOf(this.db, row);
    const agency = row.agency_id
      ? await this.db
          .selectFrom('agencies')
          .select(['code', 'name'])
          .where('id', '=', row.agency_id)
          .executeTakeFirst()
      : undefined;
    return {
      format: PROCESS_FILE_FORMAT,
      procedureCode: proc.code,
      procedureName: proc.name,
      agencyId: row.agency_id,
      agencyCode: agency?.code ?? null,
      agencyName: agency?.name ?? null,
      version: row.version,
      status: row.status,
      publishedAt: row.published_at?.toISOString() ?? null,
      exportedAt: new Date().toISOString(),
      definition: definitionOf(row),
    };
  }

  /**
   * A new draft from a file of exportJson (or a bare definition). The shape is checked field by field
   * (400 listing every error); what validateProcess finds stays on the draft as its problems.
   */
  async importJson(
    caller: ProcessCaller,
    procedureCode: string,
    json: unknown,
    opts: { agencyId?: string | null } = {},
  ): Promise<string> {
    const definition = parseImport(json);
    const agencyId = opts.agencyId ?? null;
    return this.db.transaction().execute(async (trx) => {
      await assertEditor(trx, caller.auth, agencyId);
      const proc = await lockProcedure(trx, procedureCode);
      return this.insertDraft(trx, caller, proc, agencyId, definition, 'process.import', null);
    });
  }

  /**
   * The published process an agency uses for the procedure (its own variant, else the default), or
   * null. The agency is given by id or by its code (QCVN 102). No caller: it is public (the portal's
   * read-only diagram). Only published procedures count.
   */
  async publishedFor(
    procedureCode: string,
    agencyId: string | null,
    db: Executor = this.db,
  ): Promise<PublishedProcess | null> {
    const variant =
      agencyId === null
        ? null
        : UUID.test(agencyId)
          ? agencyId
          : ((await db.selectFrom('agencies').select('id').where('code', '=', agencyId).executeTakeFirst())
              ?.id ?? null);
    const row = await db
      .selectFrom('process_definitions as p')
      .innerJoin('procedures as pr', 'pr.id', 'p.procedure_id')
      .leftJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'p.version', 'p.agency_id', 'a.name as agency_name', 'p.published_at'])
      .select(['pr.code', 'pr.pub_name', 'pr.name'])
      .where('pr.code', '=', procedureCode)
      .where('pr.status', '=', 'published')
      .where('p.status', '=', 'published')
      .where((eb) =>
        variant
          ? eb.or([eb('p.agency_id', 'is', null), eb('p.agency_id', '=', variant)])
          : eb('p.agency_id', 'is', null),
      )
      .orderBy(sql`p.agency_id is null`)
      .limit(1)
      .executeTakeFirst();
    if (!row?.published_at) return null;
    return {
      id: row.id,
      procedureCode: row.code,
      procedureName: row.pub_name ?? row.name,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      version: row.version,
      publishedAt: row.published_at.toISOString(),
      definition: await publishedDefinition(db, row.id),
    };
  }

  /** Departments and groups of an agency a step may name as actor, for whoever may change its process. */
  readonly actorChoices = (c: ProcessCaller, agency: string) => actorChoices(this.db, c.auth, agency);

  /** How many dossiers are at each step of a definition (0 for steps nobody is at). */
  async stepCounts(definitionId: string): Promise<Record<string, number>> {
    return countAtSteps(this.db, await findProcess(this.db, definitionId));
  }

  // ───────── helpers ─────────

  private async detail(row: ProcessRow): Promise<ProcessDetail> {
    const proc = await this.procedureOf(this.db, row);
    const agency = row.agency_id
      ? await this.db.selectFrom('agencies').select('name').where('id', '=', row.agency_id).executeTakeFirst()
      : undefined;
    const definition = definitionOf(row);
    const legalDeadline = legalDeadlineOf(proc);
    return {
      id: row.id,
      procedureCode: proc.code,
      procedureName: proc.name,
      agencyId: row.agency_id,
      agencyName: agency?.name ?? null,
      version: row.version,
      status: row.status,
      rowVersion: row.row_version,
      updatedAt: row.updated_at.toISOString(),
      publishedAt: row.published_at?.toISOString() ?? null,
      definition,
      problems: await problemsOf(this.db, definition, legalDeadline),
      legalDeadline,
      longestPathMinutes: longestBudgetPath(definition)?.minutes ?? null,
    };
  }

  private async procedureOf(db: Executor, row: { procedure_id: string }) {
    return db
      .selectFrom('procedures')
      .select(['id', 'code', 'name', 'content', 'published'])
      .where('id', '=', row.procedure_id)
      .executeTakeFirstOrThrow();
  }

  private async publishedRow(
    trx: Tx,
    procedureId: string,
    agencyId: string | null,
  ): Promise<ProcessRow | undefined> {
    return trx
      .selectFrom('process_definitions')
      .selectAll()
      .where('procedure_id', '=', procedureId)
      .where(sql<boolean>`agency_id is not distinct from ${agencyId}`)
      .where('status', '=', 'published')
      .executeTakeFirst();
  }

  private async insertDraft(
    trx: Tx,
    caller: ProcessCaller,
    proc: { id: string; code: string },
    agencyId: string | null,
    definition: ProcessDefinition,
    action: 'process.create' | 'process.import',
    fromId: string | null,
  ): Promise<string> {
    const draft = await trx
      .selectFrom('process_definitions')
      .select('version')
      .where('procedure_id', '=', proc.id)
      .where(sql<boolean>`agency_id is not distinct from ${agencyId}`)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (draft)
      throw new ConflictError(
        `Quy trình này đã có bản nháp (phiên bản ${draft.version}): hãy sửa tiếp hoặc hủy bản nháp đó trước khi tạo bản mới`,
        'process_draft_exists',
      );
    const last = await trx
      .selectFrom('process_definitions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('procedure_id', '=', proc.id)
      .where(sql<boolean>`agency_id is not distinct from ${agencyId}`)
      .executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    const row = await trx
      .insertInto('process_definitions')
      .values({
        procedure_id: proc.id,
        agency_id: agencyId,
        version,
        definition: JSON.stringify(definition),
        created_by: caller.actor.accountId,
        updated_by: caller.actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(uniqueViolation);
    await appendAudit(trx, caller.actor, {
      action,
      entityType: 'process_definition',
      entityId: row.id,
      agencyId,
      after: { procedureCode: proc.code, version, status: 'draft', ...(fromId ? { fromId } : {}) },
    });
    return row.id;
  }
}
