import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import { allows, holdsAtRoot } from '../../domain/permissions.ts';
import type { ProcessDefinition } from '../../domain/process.ts';
import { deadlineWorkingMinutes, DEFAULT_MINUTES_PER_WORKING_DAY } from '../../domain/process-budget.ts';
import { validateProcess } from '../../domain/process-validation.ts';
import type { ProcessProblem } from '../../domain/process-validation.ts';
import type { Deadline } from '../../domain/procedure.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import type { ProcessDefinitionsTable } from '../../db/types.ts';
import { deepFreeze } from '../procedures/public-cache.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { requireScopes } from '../access/authorize.ts';
import type { Actor } from '../audit/audit.ts';
import type { LegalDeadline } from './schema.ts';
import { ProcessDefinitionSchema, ProcessFile, toDefinition } from './schema.ts';

/** Row access and rules shared by the process use cases. */

export type ProcessRow = Selectable<ProcessDefinitionsTable>;

/** Who calls: the session's grants and the audit identity. The web context `w` ({auth, actor}) is one. */
export interface ProcessCaller {
  auth: AuthContext | undefined;
  actor: Actor;
}

/**
 * Reading process definitions (drafts included): whoever edits or reviews procedures somewhere. What
 * is published is public anyway (publishedFor).
 */
export function assertReader(auth: AuthContext | undefined): void {
  try {
    requireScopes(auth, 'procedures.edit');
  } catch {
    requireScopes(auth, 'procedures.review');
  }
}

/**
 * Changing the process of a procedure: `procedures.edit` (biên tập viên; system.admin includes it)
 * over the agency of a variant, or at the top-level agency for the default every agency uses.
 */
export async function assertEditor(
  db: Executor,
  auth: AuthContext | undefined,
  agencyId: string | null,
): Promise<void> {
  if (!auth) throw new UnauthenticatedError();
  requireScopes(auth, 'procedures.edit');
  if (agencyId === null) {
    if (!holdsAtRoot(auth.grants, 'procedures.edit'))
      throw new ForbiddenError(
        'Chỉ biên tập viên cấp tỉnh (bộ) được sửa quy trình chung của thủ tục; cơ quan khác hãy tạo quy trình riêng của mình',
      );
    return;
  }
  const agency = await db
    .selectFrom('agencies')
    .select(['path', 'active'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) throw new NotFoundError('Không tìm thấy cơ quan, đơn vị');
  if (!allows(auth.grants, 'procedures.edit', agency.path))
    throw new ForbiddenError('Bạn không có quyền sửa quy trình của cơ quan, đơn vị này');
  if (!agency.active) throw new ConflictError('Cơ quan, đơn vị đã ngừng hoạt động', 'agency_inactive');
}

export async function findProcedure(
  db: Executor,
  code: string,
): Promise<{ id: string; code: string; name: string; content: unknown; published: unknown }> {
  const row = await db
    .selectFrom('procedures')
    .select(['id', 'code', 'name', 'content', 'published'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Không có thủ tục mã "${code}"`);
  return row;
}

/** Serialises changes to the processes of one procedure (version numbers, one draft, one published). */
export async function lockProcedure(
  trx: Tx,
  code: string,
): Promise<{ id: string; code: string; name: string }> {
  const row = await trx
    .selectFrom('procedures')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Không có thủ tục mã "${code}"`);
  return row;
}

export async function lockProcess(trx: Tx, id: string): Promise<ProcessRow> {
  const row = await trx
    .selectFrom('process_definitions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy quy trình');
  return row;
}

export async function findProcess(db: Executor, id: string): Promise<ProcessRow> {
  const row = await db.selectFrom('process_definitions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy quy trình');
  return row;
}

export function assertDraft(row: ProcessRow): void {
  if (row.status !== 'draft')
    throw new ConflictError(
      `Phiên bản ${row.version} của quy trình đã ${row.status === 'published' ? 'công bố' : 'ngừng áp dụng'} nên không thể sửa hay xóa: hãy tạo bản nháp mới từ phiên bản này`,
      'process_not_draft',
    );
}

/** Optimistic concurrency: the writer read `rowVersion`; someone else's save since then wins. */
export function assertRowVersion(row: ProcessRow, rowVersion: number): void {
  if (row.row_version !== rowVersion)
    throw new ConflictError(
      `Quy trình vừa được người khác lưu (lần lưu ${row.row_version}, bạn đang sửa lần lưu ${rowVersion}): hãy tải lại quy trình rồi sửa tiếp`,
      'version_conflict',
    );
}

/** A definition as stored, through the contract (defaults filled in). */
export function definitionOf(row: { definition: unknown }): ProcessDefinition {
  return toDefinition(ProcessDefinitionSchema.parse(row.definition));
}

/** Parses a definition from any caller, listing every shape error with its path. */
export function parseDefinition(input: unknown, path = 'definition'): ProcessDefinition {
  const parsed = ProcessDefinitionSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        field: [path, ...i.path.map(String)].filter(Boolean).join('.'),
        message: i.message,
      })),
      'Quy trình không đúng định dạng',
    );
  return toDefinition(parsed.data);
}

/**
 * The legal deadline the process must fit: the strictest deadline (fewest working minutes) among the
 * channels of the procedure as published (else as drafted). Channels without a number and unit
 * cannot be compared and are left out.
 */
export function legalDeadlineOf(
  procedure: { content: unknown; published: unknown },
  minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY,
): LegalDeadline | null {
  const content = (procedure.published ?? procedure.content) as {
    channels?: { deadline?: Deadline | null }[];
  };
  let best: LegalDeadline | null = null;
  for (const ch of content.channels ?? []) {
    const d = ch.deadline;
    const minutes = deadlineWorkingMinutes(d ?? null, minutesPerWorkingDay);
    if (!d?.unit || minutes === null) continue;
    if (!best || minutes < best.minutes) best = { value: d.value, unit: d.unit, minutes };
  }
  return best;
}

/**
 * Every problem of a definition: the rules of validateProcess, then references to records that do not
 * exist (actor_unknown on the step, coordinate_target_unknown on the arrow).
 */
export async function problemsOf(
  db: Executor,
  def: ProcessDefinition,
  legalDeadline: LegalDeadline | null,
): Promise<ProcessProblem[]> {
  const problems = validateProcess(def, { legalDeadline });
  const uuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
  const wanted = {
    department: new Set<string>(),
    group: new Set<string>(),
    official: new Set<string>(),
    agency: new Set<string>(),
    role: new Set<string>(),
  };
  for (const s of def.steps) {
    const a = s.actor;
    if (a?.kind === 'department') wanted.department.add(a.departmentId);
    if (a?.kind === 'group') wanted.group.add(a.groupId);
    if (a?.kind === 'officials') a.officialIds.forEach((id) => wanted.official.add(id));
    if (a?.kind === 'role') wanted.role.add(a.role);
  }
  for (const t of def.transitions)
    if (t.action === 'coordinate' && t.coordinateWith?.id)
      wanted[t.coordinateWith.kind].add(t.coordinateWith.id);
  const ids = (set: Set<string>) => [...set].filter(uuid);
  const found = async (table: 'departments' | 'agencies', set: Set<string>) =>
    ids(set).length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom(table)
              .select('id')
              .where('id', 'in', ids(set))
              .where('active', '=', true)
              .execute()
          ).map((r) => r.id),
        );
  const departments = await found('departments', wanted.department);
  const agencies = await found('agencies', wanted.agency);
  const groups =
    ids(wanted.group).length === 0
      ? new Set<string>()
      : new Set(
          (
            await db.selectFrom('user_groups').select('id').where('id', 'in', ids(wanted.group)).execute()
          ).map((r) => r.id),
        );
  const officials =
    ids(wanted.official).length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('officials')
              .select('account_id')
              .where('account_id', 'in', ids(wanted.official))
              .execute()
          ).map((r) => r.account_id),
        );
  const roles =
    wanted.role.size === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('roles')
              .select('code')
              .where('code', 'in', [...wanted.role])
              .execute()
          ).map((r) => r.code),
        );
  for (const s of def.steps) {
    const a = s.actor;
    if (!a) continue;
    const missing =
      a.kind === 'department' && a.departmentId && !departments.has(a.departmentId)
        ? 'phòng ban'
        : a.kind === 'group' && a.groupId && !groups.has(a.groupId)
          ? 'nhóm người dùng'
          : a.kind === 'role' && a.role && !roles.has(a.role)
            ? 'vai trò'
            : a.kind === 'officials' && a.officialIds.some((id) => !officials.has(id))
              ? 'cán bộ'
              : null;
    if (missing)
      problems.push({
        code: 'actor_unknown',
        message: `Người thực hiện bước "${s.name || s.id}" (${s.id}) là ${missing} không có hoặc đã ngừng hoạt động`,
        stepId: s.id,
      });
  }
  for (const t of def.transitions) {
    const c = t.coordinateWith;
    if (t.action !== 'coordinate' || !c?.id) continue;
    if (!(c.kind === 'department' ? departments : agencies).has(c.id))
      problems.push({
        code: 'coordinate_target_unknown',
        message: `Mũi tên ${t.id}: ${c.kind === 'department' ? 'phòng ban' : 'cơ quan'} phối hợp không có hoặc đã ngừng hoạt động`,
        transitionId: t.id,
      });
  }
  return problems;
}

/** The problems as the fields of a 400 answer: one per problem, naming its step or arrow. */
export function problemFields(problems: ProcessProblem[]): { field: string; message: string }[] {
  return problems.map((p) => ({
    field:
      p.stepId !== undefined
        ? `definition.steps.${p.stepId}`
        : p.transitionId !== undefined
          ? `definition.transitions.${p.transitionId}`
          : 'definition',
    message: `[${p.code}] ${p.message}`,
  }));
}

/** Translates a unique-index violation into the conflict it means. */
export function uniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505' && (e.constraint ?? e.message ?? '').includes('process_definitions_one_draft'))
    throw new ConflictError(
      'Quy trình này đã có một bản nháp: hãy sửa tiếp hoặc hủy bản nháp đó trước khi tạo bản mới',
      'process_draft_exists',
    );
  throw err;
}

/** What the audit log keeps of a saved definition. */
export function summary(def: ProcessDefinition, rowVersion: number, problems: ProcessProblem[]) {
  return {
    rowVersion,
    steps: def.steps.length,
    transitions: def.transitions.length,
    problems: problems.length,
  };
}

/** A file of exportJson, or a bare definition; every shape error listed with its path. */
export function parseImport(json: unknown): ProcessDefinition {
  const isFile = json !== null && typeof json === 'object' && ('format' in json || 'definition' in json);
  if (!isFile) return parseDefinition(json, '');
  const parsed = ProcessFile.safeParse(json);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(tệp)',
        message: i.message,
      })),
      'Tệp quy trình không đúng định dạng',
    );
  return toDefinition(parsed.data.definition);
}

/** How many dossiers are at each step of a definition (0 for steps nobody is at). */
export async function countAtSteps(db: Executor, row: ProcessRow): Promise<Record<string, number>> {
  const counts = await db
    .selectFrom('dossiers')
    .select(['step_id', sql<number>`count(*)::int`.as('n')])
    .where('process_id', '=', row.id)
    .groupBy('step_id')
    .execute();
  const at = new Map(counts.map((c) => [c.step_id, c.n]));
  return Object.fromEntries(definitionOf(row).steps.map((s) => [s.id, at.get(s.id) ?? 0]));
}

/**
 * A published version's definition, parsed once: it never changes once published, and every
 * submission and receipt asks for it (a 5-20 kB JSON read and checked each time, issue 8). Frozen.
 */
const publishedDefinitions = new Map<string, ProcessDefinition>();

export async function publishedDefinition(db: Executor, id: string): Promise<ProcessDefinition> {
  const kept = publishedDefinitions.get(id);
  if (kept) return kept;
  const row = await db
    .selectFrom('process_definitions')
    .select('definition')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return keepPublishedDefinition(id, row.definition);
}

/** A published version's definition read with something else: parsed and kept once, as above. */
export function keepPublishedDefinition(id: string, definition: unknown): ProcessDefinition {
  const kept = publishedDefinitions.get(id);
  if (kept) return kept;
  const def = deepFreeze(definitionOf({ definition }));
  if (publishedDefinitions.size >= 1000) publishedDefinitions.clear();
  publishedDefinitions.set(id, def);
  return def;
}
