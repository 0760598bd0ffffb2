import { z } from 'zod';
import { hasAnywhere } from '../../domain/permissions.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import { requireScopes } from '../access/authorize.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { ModuleDeps } from '../deps.ts';
import { verifyAuditChain } from './verify.ts';
import type { AuditVerifyResult } from './verify.ts';
import { escapeLike } from '../../domain/text.ts';
import { pathInScopes } from '../access/authorize.ts';

/** Contracts of audit browsing (shared by the JSON API and the back-office screens). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DateBound = z
  .string()
  .trim()
  .refine(
    (v) => (DAY.test(v) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) && !Number.isNaN(Date.parse(DAY.test(v) ? `${v}T00:00:00Z` : v)),
    'Ngày giờ không hợp lệ, ví dụ 2025-09-05 hoặc 2025-09-05T08:00:00+07:00',
  );

export const AuditQuery = z.object({
  actorId: z.uuid('Mã người thực hiện không hợp lệ').optional(),
  /** Exact action, or a prefix ending in "*" (e.g. "account.*"). */
  action: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  agencyId: z.uuid('Mã cơ quan không hợp lệ').optional(),
  /** From this instant, or from the start of this day (YYYY-MM-DD, Vietnam time). */
  from: DateBound.optional(),
  /** Up to this instant, or to the end of this day (YYYY-MM-DD, Vietnam time), inclusive. */
  to: DateBound.optional(),
  /** Keyset cursor: entries with a smaller seq (the `next` of the previous page). */
  before: z.coerce.number().int('Con trỏ trang không hợp lệ').min(1, 'Con trỏ trang không hợp lệ').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), next: z.number().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** Start of a YYYY-MM-DD day in Vietnam time (UTC+7, no daylight saving). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** Browsing and verification of the hash-chained audit log (every state change of the platform). */
export class AuditService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  /**
   * Newest first, keyset-paginated on seq. Needs 'audit.read': a holder scoped to agencies sees only
   * entries of agencies inside their scopes; system.admin sees everything, entries without agency too.
   */
  async list(auth: AuthContext | undefined, query: AuditQuery): Promise<AuditPage> {
    const scopes = requireScopes(auth, 'audit.read');
    const global = auth ? hasAnywhere(auth.grants, 'system.admin') : false;
    let q = this.deps.database.db
      .selectFrom('audit_log as l')
      .leftJoin('agencies as ag', 'ag.id', 'l.agency_id')
      .select([
        'l.seq',
        'l.at',
        'l.actor_id',
        'l.actor_name',
        'l.ip',
        'l.action',
        'l.entity_type',
        'l.entity_id',
        'l.agency_id',
        'ag.name as agency_name',
        'l.summary',
        'l.prev_hash',
        'l.hash',
      ]);
    if (!global) {
      q = q.where(pathInScopes('ag.path', scopes));
    }
    if (query.actorId) q = q.where('l.actor_id', '=', query.actorId);
    if (query.action) {
      q = query.action.endsWith('*')
        ? q.where('l.action', 'like', `${escapeLike(query.action.slice(0, -1))}%`)
        : q.where('l.action', '=', query.action);
    }
    if (query.entityType) q = q.where('l.entity_type', '=', query.entityType);
    if (query.entityId) q = q.where('l.entity_id', '=', query.entityId);
    if (query.agencyId) q = q.where('l.agency_id', '=', query.agencyId);
    if (query.from) q = q.where('l.at', '>=', DAY.test(query.from) ? dayStart(query.from) : new Date(query.from));
    if (query.to) {
      q = DAY.test(query.to)
        ? q.where('l.at', '<', new Date(dayStart(query.to).getTime() + 86_400_000))
        : q.where('l.at', '<=', new Date(query.to));
    }
    if (query.before !== undefined) q = q.where('l.seq', '<', query.before);
    const rows = await q
      .orderBy('l.seq', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => ({
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        ip: r.ip,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        summary: r.summary,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      next: rows.length > query.limit ? (page[page.length - 1]?.seq ?? null) : null,
    };
  }

  /** Verifies the whole chain (system.admin only); streams the log in batches. */
  async verify(auth: AuthContext | undefined, opts: { batchSize?: number } = {}): Promise<AuditVerifyResult> {
    if (!auth) throw new UnauthenticatedError();
    if (!hasAnywhere(auth.grants, 'system.admin')) throw new ForbiddenError('Chỉ quản trị hệ thống được kiểm tra tính toàn vẹn của nhật ký');
    return verifyAuditChain(this.deps.database.db, opts);
  }
}
