import { sql } from 'kysely';
import type { ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../db/tx.ts';
import type { AccountKind, AccountStatus, DB } from '../../db/types.ts';
import { VN_TIME_ZONE } from '../../domain/datetime.ts';
import { hasAnywhere } from '../../domain/permissions.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { enqueue } from '../../jobs/outbox.ts';
import { requireScopes } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import type { AccessStats, AccountDetail, AccountRow, AccountSearch } from './schema.ts';
import { revokeAllSessions } from './sessions.ts';
import type { AuthContext } from './sessions.ts';
import { escapeLike } from '../../domain/text.ts';
import { pathInScopes } from '../access/authorize.ts';

/** Filters of the search (its export, kind `accounts`, pages through the same search). */
export type AccountFilter = Pick<AccountSearch, 'q' | 'kind' | 'status'>;

/** Who may be managed: everyone for a system administrator; citizens, organisations and in-scope officials otherwise. */
type ManageScope = { global: true } | { global: false; exact: string[]; prefixes: string[] };

type AccountsEb = ExpressionBuilder<DB & { a: DB['accounts'] }, 'a'>;


function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(after: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0])) && z.uuid().safeParse(v[1]).success) {
      return [v[0], v[1]];
    }
  } catch {
    // falls through
  }
  throw new ValidationError([{ field: 'querystring.after', message: 'Con trỏ trang không hợp lệ' }]);
}

function vnToday(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Administration of registered accounts (II.17.3): search, view, activate or disable; access statistics (III.14). Exports: src/modules/exports/accounts-source.ts. */
export class AccountsAdminService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  private scope(auth: AuthContext | undefined): ManageScope {
    const scopes = requireScopes(auth, 'accounts.manage');
    if (auth && hasAnywhere(auth.grants, 'system.admin')) return { global: true };
    return { global: false, ...scopes };
  }

  /** Officials outside the caller's agencies are neither listed nor changeable. */
  private inScope(scope: ManageScope) {
    return (eb: AccountsEb) => {
      if (scope.global) return eb.val(true);
      const paths = eb
        .selectFrom('officials as o')
        .innerJoin('agencies as ag', 'ag.id', 'o.agency_id')
        .select('o.account_id')
        .whereRef('o.account_id', '=', 'a.id')
        .where(pathInScopes('ag.path', scope));
      return eb.or([eb('a.kind', '<>', 'official'), eb.exists(paths)]);
    };
  }

  private async page(db: Executor, scope: ManageScope, filter: AccountFilter, after: string | undefined, limit: number) {
    let q = db
      .selectFrom('accounts as a')
      .select([
        'a.id',
        'a.kind',
        'a.username',
        'a.full_name',
        'a.email',
        'a.phone',
        'a.id_number',
        'a.org_name',
        'a.tax_code',
        'a.status',
        'a.created_at',
        'a.last_login_at',
        sql<string>`to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
      ])
      .where(this.inScope(scope));
    if (filter.kind) q = q.where('a.kind', '=', filter.kind);
    if (filter.status) q = q.where('a.status', '=', filter.status);
    // Diacritic-free, word by word, on the generated `search` column (trigram index).
    for (const word of foldVietnamese(filter.q ?? '').split(/\s+/).filter(Boolean)) {
      q = q.where('a.search', 'like', `%${escapeLike(word)}%`);
    }
    if (after) {
      const [at, id] = decodeCursor(after);
      q = q.where(sql<boolean>`(a.created_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null };
  }

  private static toRow(r: {
    id: string; kind: AccountKind; username: string; full_name: string; email: string | null; phone: string | null; id_number: string | null;
    org_name: string | null; tax_code: string | null; status: AccountStatus; created_at: Date; last_login_at: Date | null;
  }): AccountRow {
    return {
      id: r.id,
      kind: r.kind,
      username: r.username,
      fullName: r.full_name,
      email: r.email,
      phone: r.phone,
      idNumber: r.id_number,
      orgName: r.org_name,
      taxCode: r.tax_code,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      lastLoginAt: r.last_login_at?.toISOString() ?? null,
    };
  }

  /** Search (q without diacritics), newest first; `next` is the cursor for `after`. */
  async search(auth: AuthContext | undefined, query: AccountSearch): Promise<{ items: AccountRow[]; next: string | null }> {
    const scope = this.scope(auth);
    const r = await this.page(this.db, scope, query, query.after, query.limit);
    return { items: r.items.map((x) => AccountsAdminService.toRow(x)), next: r.next };
  }

  async get(auth: AuthContext | undefined, id: string): Promise<AccountDetail> {
    const scope = this.scope(auth);
    const a = await this.db.selectFrom('accounts as a').selectAll('a').where('a.id', '=', id).where(this.inScope(scope)).executeTakeFirst();
    if (!a) throw new NotFoundError('Không tìm thấy tài khoản');
    const [sessions, official] = await Promise.all([
      this.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('officials as o')
        .innerJoin('agencies as ag', 'ag.id', 'o.agency_id')
        .select(['o.agency_id', 'ag.name', 'o.title'])
        .where('o.account_id', '=', id)
        .executeTakeFirst(),
    ]);
    return {
      ...AccountsAdminService.toRow(a),
      idType: a.id_type,
      birthDate: a.birth_date ? toDay(a.birth_date) : null,
      gender: a.gender,
      address: a.address,
      communeCode: a.commune_code,
      emailVerifiedAt: a.email_verified_at?.toISOString() ?? null,
      failedLogins: a.failed_logins,
      lockedUntil: a.locked_until?.toISOString() ?? null,
      updatedAt: a.updated_at.toISOString(),
      activeSessions: sessions.n,
      official: official ? { agencyId: official.agency_id, agencyName: official.name, title: official.title } : null,
    };
  }

  /**
   * Activates or disables an account (never one's own). Activation e-mails the holder through the
   * outbox; disabling revokes every session at once. Audited in the same transaction.
   */
  async setStatus(auth: AuthContext | undefined, id: string, status: 'active' | 'disabled', actor: Actor): Promise<AccountRow> {
    const scope = this.scope(auth);
    if (auth?.account.id === id) {
      throw new ConflictError('Không thể tự thay đổi trạng thái tài khoản của chính mình', 'own_account');
    }
    const result = await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('accounts as a')
        .select(['a.id', 'a.kind', 'a.username', 'a.email', 'a.full_name', 'a.status'])
        .where('a.id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError('Không tìm thấy tài khoản');
      const official = await trx.selectFrom('officials as o').innerJoin('agencies as ag', 'ag.id', 'o.agency_id').select(['o.agency_id', 'ag.path']).where('o.account_id', '=', id).executeTakeFirst();
      if (before.kind === 'official' && !scope.global && !(official && (scope.exact.includes(official.path) || scope.prefixes.some((p) => official.path.startsWith(p))))) {
        throw new ForbiddenError('Bạn không có quyền với tài khoản cán bộ của cơ quan, đơn vị này');
      }
      const changed = before.status !== status;
      let mailed = false;
      if (changed) {
        await trx
          .updateTable('accounts')
          .set({ status, updated_at: new Date(), ...(status === 'active' ? { failed_logins: 0, locked_until: null } : {}) })
          .where('id', '=', id)
          .execute();
        if (status === 'disabled') await revokeAllSessions(trx, id, 'account_disabled');
        if (status === 'active' && before.email) {
          await enqueue(trx, 'mail.send', {
            to: before.email,
            template: 'account_activated',
            vars: { name: before.full_name, username: before.username, link: `${this.deps.config.publicUrl}/dang-nhap` },
          });
          mailed = true;
        }
      }
      const a = await trx
        .selectFrom('accounts')
        .select(['id', 'kind', 'username', 'full_name', 'email', 'phone', 'id_number', 'org_name', 'tax_code', 'status', 'created_at', 'last_login_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      // Audit last: it takes the chain's head lock, held until commit. An unchanged status is no change.
      if (changed) {
        await appendAudit(trx, actor, {
          action: status === 'active' ? 'account.activate' : 'account.disable',
          entityType: 'account',
          entityId: id,
          agencyId: official?.agency_id ?? null,
          before: { status: before.status },
          after: { status },
        });
      }
      return { row: AccountsAdminService.toRow(a), mailed };
    });
    if (result.mailed) this.deps.afterCommit();
    return result.row;
  }

  /** Requests per day (Vietnam time) and kind from the access log (III.14.1, III.14.2); days are inclusive. */
  async accessStats(auth: AuthContext | undefined, range: { from?: string | undefined; to?: string | undefined }): Promise<AccessStats> {
    this.scope(auth);
    const to = range.to ?? vnToday();
    const from = range.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    const start = new Date(`${from}T00:00:00+07:00`);
    const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
    if (end <= start) throw new ValidationError([{ field: 'querystring.to', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu' }]);
    if (end.getTime() - start.getTime() > 366 * 86_400_000) {
      throw new ValidationError([{ field: 'querystring.to', message: 'Khoảng thời gian thống kê tối đa 366 ngày' }]);
    }
    const day = sql<string>`to_char((at at time zone ${sql.lit(VN_TIME_ZONE)})::date, 'YYYY-MM-DD')`;
    const rows = await this.db
      .selectFrom('access_log')
      .select([day.as('day'), 'kind', (eb) => eb.fn.countAll<number>().as('count')])
      .where('at', '>=', start)
      .where('at', '<', end)
      .groupBy([day, 'kind'])
      .orderBy(day)
      .orderBy('kind')
      .execute();
    const totals: Record<string, number> = {};
    const items = rows.map((r) => {
      const count = r.count;
      totals[r.kind] = (totals[r.kind] ?? 0) + count;
      return { day: r.day, kind: r.kind, count };
    });
    return { from, to, items, totals };
  }
}

/** pg parses a `date` as local midnight: read it back with local fields. */
function toDay(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
