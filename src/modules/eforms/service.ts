import { eformDefinitionProblems } from '../../domain/eform.ts';
import type { EformDefinition } from '../../domain/eform.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { Executor } from '../../db/tx.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { assertCatalogReader } from '../procedures/store.ts';
import { assertEditor, findProcedure, lockProcedure } from '../processes/store.ts';
import { defaultEform } from './default.ts';
import type { EformView } from './schema.ts';

/**
 * E-forms of procedures (Annex III groups 1 and 4): the current version of a procedure's form (or the
 * built-in default until an editor saves one), a given version (to show or print a dossier with the
 * form it was filled in), and saving a new version — `procedures.edit` at the top level, as for the
 * default process; refused with every problem while the definition has any; audited.
 */
export class EformsService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  async current(procedureCode: string, db: Executor = this.db): Promise<EformView> {
    const procedure = await findProcedure(db, procedureCode);
    const row = await db
      .selectFrom('eform_versions')
      .select(['version', 'definition', 'created_at'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row)
      return {
        procedureCode: procedure.code,
        version: 0,
        definition: defaultEform(procedure.name),
        updatedAt: null,
      };
    return {
      procedureCode: procedure.code,
      version: row.version,
      definition: row.definition as unknown as EformDefinition,
      updatedAt: row.created_at.toISOString(),
    };
  }

  /** The form as it was at `version` (0: the default). */
  async version(procedureCode: string, version: number, db: Executor = this.db): Promise<EformView> {
    const procedure = await findProcedure(db, procedureCode);
    if (version === 0)
      return {
        procedureCode: procedure.code,
        version: 0,
        definition: defaultEform(procedure.name),
        updatedAt: null,
      };
    const row = await db
      .selectFrom('eform_versions')
      .select(['definition', 'created_at'])
      .where('procedure_id', '=', procedure.id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return {
      procedureCode: procedure.code,
      version,
      definition: row.definition as unknown as EformDefinition,
      updatedAt: row.created_at.toISOString(),
    };
  }

  /** Every saved version, newest first, with who saved it (for the designer: editors and reviewers). */
  async versions(
    auth: AuthContext | undefined,
    procedureCode: string,
  ): Promise<{ version: number; createdAt: string; createdBy: string | null }[]> {
    assertCatalogReader(auth);
    const procedure = await findProcedure(this.db, procedureCode);
    const rows = await this.db
      .selectFrom('eform_versions as v')
      .leftJoin('accounts as a', 'a.id', 'v.created_by')
      .select(['v.version', 'v.created_at', 'a.full_name'])
      .where('v.procedure_id', '=', procedure.id)
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      createdAt: r.created_at.toISOString(),
      createdBy: r.full_name,
    }));
  }

  /** Saves a new version; `baseVersion` is the version the editor started from (409 when stale). */
  async save(
    c: { auth: AuthContext | undefined; actor: Actor },
    procedureCode: string,
    input: { definition: EformDefinition; baseVersion: number },
  ): Promise<EformView> {
    await assertEditor(this.db, c.auth, null);
    const problems = eformDefinitionProblems(input.definition);
    if (problems.length) {
      throw new ValidationError(
        problems.map((p) => ({ field: `definition.${p.path}`, message: p.message })),
        'Tờ khai còn lỗi',
      );
    }
    return this.db.transaction().execute(async (trx) => {
      const procedure = await lockProcedure(trx, procedureCode);
      const last = await trx
        .selectFrom('eform_versions')
        .select('version')
        .where('procedure_id', '=', procedure.id)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const current = last?.version ?? 0;
      if (current !== input.baseVersion) {
        throw new ConflictError('Tờ khai vừa được người khác sửa; vui lòng tải lại', 'stale_eform');
      }
      const version = current + 1;
      const row = await trx
        .insertInto('eform_versions')
        .values({
          procedure_id: procedure.id,
          version,
          definition: JSON.stringify(input.definition),
          created_by: c.actor.accountId,
        })
        .returning('created_at')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, c.actor, {
        action: 'eform.save',
        entityType: 'procedure',
        entityId: procedure.id,
        details: { code: procedure.code, version },
      });
      return {
        procedureCode: procedure.code,
        version,
        definition: input.definition,
        updatedAt: row.created_at.toISOString(),
      };
    });
  }
}
