import { sql } from 'kysely';
import { stepTasks } from '../../domain/dossier-flow.ts';
import type { Task } from '../../domain/dossier-flow.ts';
import type { ProcessDefinition, ProcessStep, ProcessTransition } from '../../domain/process.ts';
import type { Executor } from '../../db/tx.ts';
import { ValidationError } from '../../errors.ts';
import type { LegalTimeService } from '../legal-time/service.ts';
import type { OfficialChoice } from './schema.ts';

/**
 * Where a dossier goes when it enters a step: the task there, the agency and pool that hold it (the
 * step's actor; another agency or department while it is consulted), the official chosen by the sender
 * or the one who held that step before (a dossier sent back returns to its handler), and the step's
 * due time from its budget in working minutes.
 */

export interface Placement {
  step_id: string;
  task: Task;
  holder_agency_id: string;
  holder_agency_path: string;
  holder_department_id: string | null;
  holder_role: string | null;
  holder_group_id: string | null;
  holder_id: string | null;
  step_started_at: Date;
  step_due_at: Date | null;
}

interface Pool {
  agencyId: string;
  departmentId: string | null;
  role: string | null;
  groupId: string | null;
  officialIds: string[] | null;
}

export function stepOf(def: ProcessDefinition, stepId: string): ProcessStep {
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`step ${stepId} is not in the process`);
  return step;
}

function poolOf(step: ProcessStep, agencyId: string, via: ProcessTransition | null): Pool {
  const coord = via?.action === 'coordinate' ? via.coordinateWith : null;
  const pool: Pool = {
    agencyId: coord?.kind === 'agency' ? coord.id : agencyId,
    departmentId: coord?.kind === 'department' ? coord.id : null,
    role: null,
    groupId: null,
    officialIds: null,
  };
  const a = step.actor;
  if (a?.kind === 'role') pool.role = a.role;
  else if (a?.kind === 'department') pool.departmentId = a.departmentId;
  else if (a?.kind === 'group') pool.groupId = a.groupId;
  else if (a?.kind === 'officials') pool.officialIds = a.officialIds;
  return pool;
}

/** Active officials who may hold a step in this pool, with how many dossiers each holds now. */
async function poolMembers(db: Executor, pool: Pool, only?: string): Promise<OfficialChoice[]> {
  let q = db
    .selectFrom('accounts as a')
    .innerJoin('officials as o', 'o.account_id', 'a.id')
    .leftJoin('departments as d', 'd.id', 'o.department_id')
    .select(['a.id', 'a.full_name', 'd.name as department'])
    .where('a.kind', '=', 'official')
    .where('a.status', '=', 'active');
  if (only) q = q.where('a.id', '=', only);
  if (pool.officialIds)
    q = q.where(
      'a.id',
      'in',
      pool.officialIds.length ? pool.officialIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (pool.departmentId) q = q.where('o.department_id', '=', pool.departmentId);
  if (pool.groupId) {
    const groupId = pool.groupId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_group_members as m')
          .select('m.account_id')
          .whereRef('m.account_id', '=', 'a.id')
          .where('m.group_id', '=', groupId),
      ),
    );
  }
  if (pool.role) {
    const role = pool.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments as r')
          .select('r.account_id')
          .whereRef('r.account_id', '=', 'a.id')
          .where('r.role_code', '=', role)
          .where('r.agency_id', '=', pool.agencyId),
      ),
    );
  } else if (!pool.officialIds && !pool.groupId) {
    q = q.where('o.agency_id', '=', pool.agencyId);
  }
  const rows = await q.orderBy('a.full_name').limit(200).execute();
  if (rows.length === 0) return [];
  const loads = await db
    .selectFrom('dossiers')
    .select(['holder_id', sql<number>`count(*)::int`.as('n')])
    .where(
      'holder_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('holder_id')
    .execute();
  const load = new Map(loads.map((l) => [l.holder_id, l.n]));
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    department: r.department,
    load: load.get(r.id) ?? 0,
  }));
}

/** Officials the sender may choose for the target of `via` (or for the current step when reassigning). */
export async function choicesFor(
  db: Executor,
  def: ProcessDefinition,
  dossierAgencyId: string,
  stepId: string,
  via: ProcessTransition | null,
): Promise<OfficialChoice[]> {
  const step = stepOf(def, stepId);
  if (!step.actor) return [];
  return poolMembers(db, poolOf(step, dossierAgencyId, via));
}

/** The official who last held `stepId` of this dossier, if still active in the pool. */
async function previousHolder(
  db: Executor,
  dossierId: string,
  stepId: string,
  pool: Pool,
): Promise<string | null> {
  const last = await db
    .selectFrom('dossier_events')
    .select('to_holder')
    .where('dossier_id', '=', dossierId)
    .where('to_step', '=', stepId)
    .where('to_holder', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.to_holder) return null;
  const member = await poolMembers(db, pool, last.to_holder);
  return member.length ? last.to_holder : null;
}

export async function placeAt(
  deps: { db: Executor; legalTime: LegalTimeService },
  input: {
    def: ProcessDefinition;
    dossierId: string | null;
    dossierAgencyId: string;
    stepId: string;
    via: ProcessTransition | null;
    assigneeId?: string | null | undefined;
    now: Date;
    /** An agency the caller has read already (the receiving one): not read again when it holds the step. */
    known?: { id: string; path: string };
  },
): Promise<Placement> {
  const { db } = deps;
  const step = stepOf(input.def, input.stepId);
  const task = stepTasks(input.def)[step.id] ?? 'process';
  const pool = poolOf(step, input.dossierAgencyId, input.via);
  const agency =
    input.known?.id === pool.agencyId
      ? input.known
      : await db
          .selectFrom('agencies')
          .select(['id', 'path'])
          .where('id', '=', pool.agencyId)
          .executeTakeFirst();
  if (!agency)
    throw new ValidationError([
      { field: 'transitionId', message: 'Cơ quan phối hợp của bước chuyển không còn tồn tại' },
    ]);
  let holderId: string | null = null;
  if (step.kind !== 'end' && step.actor) {
    if (input.assigneeId) {
      await assertInPool(db, pool, step, input.assigneeId);
      holderId = input.assigneeId;
    } else if (pool.officialIds?.length === 1) {
      holderId = pool.officialIds[0] ?? null;
    } else if (input.dossierId) {
      holderId = await previousHolder(db, input.dossierId, step.id, pool);
    }
  }
  let department = pool.departmentId;
  if (holderId && !department) {
    const o = await db
      .selectFrom('officials')
      .select('department_id')
      .where('account_id', '=', holderId)
      .executeTakeFirst();
    department = o?.department_id ?? null;
  }
  const dueAt =
    step.kind !== 'end' && step.budgetMinutes > 0
      ? (
          await deps.legalTime.stepDue({
            agencyId: agency.id,
            startAt: input.now,
            budgetMinutes: step.budgetMinutes,
            db,
          })
        ).dueAt
      : null;
  return {
    step_id: step.id,
    task,
    holder_agency_id: agency.id,
    holder_agency_path: agency.path,
    holder_department_id: department,
    holder_role: pool.role,
    holder_group_id: pool.groupId,
    holder_id: holderId,
    step_started_at: input.now,
    step_due_at: dueAt,
  };
}

/** The assignee of a reassignment or delegation must be able to hold the current step. */
export async function assertCanHold(
  db: Executor,
  def: ProcessDefinition,
  row: { agency_id: string; holder_agency_id: string; holder_department_id: string | null; step_id: string },
  assigneeId: string,
): Promise<void> {
  const step = stepOf(def, row.step_id);
  const pool = poolOf(step, row.agency_id, null);
  pool.agencyId = row.holder_agency_id;
  await assertInPool(db, pool, step, assigneeId);
}

/** 400 naming assigneeId unless the official is an active member of the step's pool. */
async function assertInPool(db: Executor, pool: Pool, step: ProcessStep, assigneeId: string): Promise<void> {
  if ((await poolMembers(db, pool, assigneeId)).length > 0) return;
  throw new ValidationError([
    {
      field: 'assigneeId',
      message: `Người nhận xử lý (assigneeId) không thuộc những người thực hiện bước “${step.name}”`,
    },
  ]);
}
