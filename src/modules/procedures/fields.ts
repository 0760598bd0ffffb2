import { sql } from 'kysely';
import { fieldCodeFromName } from '../../domain/procedure.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import type { FieldView } from './schema.ts';
import { assertCatalogReader, assertEditor } from './store.ts';

interface FieldInput {
  name: string;
  nationalCode: string | null;
  sortOrder: number;
  active: boolean;
}

/** Fields (lĩnh vực, II.1.1): the grouping of procedures, kept in step with the national list. */
export class ProcedureFields {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  async list(auth: AuthContext | undefined): Promise<FieldView[]> {
    assertCatalogReader(auth);
    const rows = await this.db
      .selectFrom('procedure_fields as f')
      .leftJoin('procedures as p', 'p.field_code', 'f.code')
      .select([
        'f.code',
        'f.name',
        'f.national_code',
        'f.sort_order',
        'f.active',
        sql<number>`count(p.id)::int`.as('n'),
      ])
      .groupBy(['f.code', 'f.name', 'f.national_code', 'f.sort_order', 'f.active'])
      .orderBy('f.sort_order')
      .orderBy('f.name')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      nationalCode: r.national_code,
      sortOrder: r.sort_order,
      active: r.active,
      procedureCount: r.n,
    }));
  }

  async create(
    auth: AuthContext | undefined,
    actor: Actor,
    input: FieldInput & { code?: string | undefined },
  ): Promise<FieldView> {
    assertEditor(auth);
    const code = input.code ?? fieldCodeFromName(input.name);
    if (!code)
      throw new ValidationError([
        { field: 'body.code', message: 'Không tạo được mã lĩnh vực (code) từ tên; hãy nhập mã' },
      ]);
    return this.db.transaction().execute(async (trx) => {
      const clash = await trx
        .selectFrom('procedure_fields')
        .select(['code', 'name'])
        .where((eb) =>
          eb.or([eb('code', '=', code), eb(sql`vn_fold(name)`, '=', sql`vn_fold(${input.name})`)]),
        )
        .executeTakeFirst();
      if (clash) throw new ConflictError(`Lĩnh vực "${clash.name}" (mã ${clash.code}) đã có`, 'field_exists');
      await trx
        .insertInto('procedure_fields')
        .values({
          code,
          name: input.name,
          national_code: input.nationalCode,
          sort_order: input.sortOrder,
          active: input.active,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'procedure_field.create',
        entityType: 'procedure_field',
        entityId: code,
        after: input,
      });
      return {
        code,
        name: input.name,
        nationalCode: input.nationalCode,
        sortOrder: input.sortOrder,
        active: input.active,
        procedureCount: 0,
      };
    });
  }

  async update(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    input: FieldInput,
  ): Promise<FieldView> {
    assertEditor(auth);
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('procedure_fields')
        .selectAll()
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError(`Không có lĩnh vực mã "${code}"`);
      const clash = await trx
        .selectFrom('procedure_fields')
        .select(['code', 'name'])
        .where('code', '<>', code)
        .where(sql`vn_fold(name)`, '=', sql`vn_fold(${input.name})`)
        .executeTakeFirst();
      if (clash)
        throw new ConflictError(`Tên lĩnh vực trùng với "${clash.name}" (mã ${clash.code})`, 'field_exists');
      await trx
        .updateTable('procedure_fields')
        .set({
          name: input.name,
          national_code: input.nationalCode,
          sort_order: input.sortOrder,
          active: input.active,
          updated_at: new Date(),
        })
        .where('code', '=', code)
        .execute();
      const n = await trx
        .selectFrom('procedures')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('field_code', '=', code)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'procedure_field.update',
        entityType: 'procedure_field',
        entityId: code,
        before: {
          name: before.name,
          nationalCode: before.national_code,
          sortOrder: before.sort_order,
          active: before.active,
        },
        after: input,
      });
      return { code, ...input, procedureCount: n.n };
    });
  }
}
