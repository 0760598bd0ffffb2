import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Tx } from '../../db/tx.ts';
import {
  AccountLockedError,
  AccountNotActiveError,
  ConflictError,
  InvalidCredentialsError,
  NotFoundError,
  ValidationError,
} from '../../errors.ts';
import { enqueue } from '../../jobs/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { writeAccess } from '../system/access-log.ts';
import type { Captcha } from './captcha.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password.ts';
import type { Register, SignIn } from './schema.ts';
import { createSession, listSessions, revokeAllSessions, revokeSession } from './sessions.ts';
import type { AuthContext, SessionMeta } from './sessions.ts';
import { randomToken, sha256 } from './tokens.ts';
import { FailureCounter } from './failure-counter.ts';

const VERIFY_TTL_MS = 24 * 3_600_000;
const RESET_TTL_MS = 3_600_000;

export interface AccountsDeps {
  database: Database;
  config: Config;
  captcha: Captcha;
  /** Called after a commit that wrote outbox events. */
  afterCommit: () => void;
}

/** Registration, e-mail verification, sign-in with lockout and captcha, sessions, password reset. */
export class AccountsService {
  /** Failed sign-ins per client address, so unknown usernames also trigger the captcha. */
  private readonly ipFailures = new FailureCounter(15 * 60_000);

  private readonly deps: AccountsDeps;

  constructor(deps: AccountsDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Whether the next sign-in from this address or for this username must carry a solved captcha. */
  async captchaRequiredFor(username: string | undefined, ip: string | null): Promise<boolean> {
    const threshold = this.deps.config.captchaAfterFailures;
    if (this.ipFailures.count(ip ?? '') >= threshold) return true;
    if (!username) return false;
    const acc = await this.findByLogin(this.db, username);
    return (acc?.failed_logins ?? 0) >= threshold;
  }

  async register(input: Register, actor: Actor): Promise<{ accountId: string }> {
    const username = input.kind === 'citizen' ? input.idNumber : input.taxCode;
    const passwordHash = await hashPassword(input.password);
    const result = await this.db.transaction().execute(async (trx) => {
      await this.deps.captcha.verify(trx, input.captcha);
      const clash = await trx
        .selectFrom('accounts')
        .select(['username', 'email'])
        .where((eb) => eb.or([eb('username', '=', username), eb('email', '=', input.email)]))
        .executeTakeFirst();
      if (clash) {
        const field = clash.email?.toLowerCase() === input.email ? 'email' : input.kind === 'citizen' ? 'idNumber' : 'taxCode';
        throw new ValidationError([{ field: `body.${field}`, message: 'Đã có tài khoản đăng ký với thông tin này' }]);
      }
      const account = await trx
        .insertInto('accounts')
        .values({
          kind: input.kind,
          username,
          email: input.email,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          status: 'pending',
          full_name: input.fullName,
          id_type: input.kind === 'citizen' ? 'CCCD' : null,
          id_number: input.kind === 'citizen' ? input.idNumber : null,
          org_name: input.kind === 'organisation' ? input.orgName : null,
          tax_code: input.kind === 'organisation' ? input.taxCode : null,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const token = await this.issueToken(trx, account.id, 'verify_email', VERIFY_TTL_MS);
      await enqueue(trx, 'mail.send', {
        to: input.email,
        template: 'verify_email',
        vars: { name: input.fullName, link: `${this.deps.config.publicUrl}/xac-nhan-email?token=${token}` },
      });
      await appendAudit(trx, { ...actor, accountId: account.id, name: username }, {
        action: 'account.register',
        entityType: 'account',
        entityId: account.id,
        after: { kind: input.kind, username, status: 'pending' },
      });
      return { accountId: account.id };
    });
    this.deps.afterCommit();
    return result;
  }

  async verifyEmail(token: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const accountId = await this.consumeToken(trx, token, 'verify_email');
      const before = await trx.selectFrom('accounts').select(['status']).where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
      await trx
        .updateTable('accounts')
        .set({ email_verified_at: new Date(), status: before.status === 'pending' ? 'active' : before.status, updated_at: new Date() })
        .where('id', '=', accountId)
        .execute();
      await appendAudit(trx, { ...actor, accountId }, {
        action: 'account.verify_email',
        entityType: 'account',
        entityId: accountId,
        before: { status: before.status },
        after: { status: before.status === 'pending' ? 'active' : before.status, emailVerified: true },
      });
    });
  }

  /**
   * Signs in with username (or e-mail) and password. After CAPTCHA_AFTER_FAILURES failures a solved
   * captcha is required; after LOGIN_MAX_FAILURES the account is locked for LOGIN_LOCK_MINUTES.
   */
  async signIn(input: SignIn, meta: SessionMeta): Promise<{ token: string; auth: { accountId: string; kind: string } }> {
    const { config } = this.deps;
    const ipKey = meta.ip ?? '';
    const outcome = await this.db.transaction().execute(async (trx) => {
      const account = await this.findByLogin(trx, input.username, true);
      const failures = Math.max(account?.failed_logins ?? 0, this.ipFailures.count(ipKey));
      if (account?.locked_until && account.locked_until > new Date()) throw new AccountLockedError(account.locked_until);
      if (failures >= config.captchaAfterFailures) await this.deps.captcha.verify(trx, input.captcha);
      const ok = await verifyPassword(account?.password_hash ?? (await DUMMY_HASH_PROMISE), input.password);
      if (!account || !ok) {
        this.ipFailures.add(ipKey);
        const count = (account?.failed_logins ?? 0) + 1;
        if (account) {
          const lock = count >= config.loginMaxFailures ? new Date(Date.now() + config.loginLockMinutes * 60_000) : null;
          await trx
            .updateTable('accounts')
            .set({ failed_logins: count, locked_until: lock })
            .where('id', '=', account.id)
            .execute();
          if (lock) {
            await appendAudit(trx, { accountId: null, name: null, ip: meta.ip }, {
              action: 'account.locked',
              entityType: 'account',
              entityId: account.id,
              after: { lockedUntil: lock.toISOString(), failures: count },
            });
          }
        }
        await writeAccess(trx, { account_id: account?.id ?? null, kind: 'signin_failed', path: '/sign-in', ip: meta.ip, user_agent: meta.userAgent });
        const captchaRequired = Math.max(count, this.ipFailures.count(ipKey)) >= config.captchaAfterFailures;
        return { failed: new InvalidCredentialsError(captchaRequired) } as const;
      }
      if (account.status !== 'active') {
        throw new AccountNotActiveError(
          account.status === 'pending'
            ? 'Tài khoản chưa được kích hoạt: vui lòng mở thư xác nhận đã gửi đến địa chỉ thư điện tử của bạn'
            : 'Tài khoản đã bị khóa, vui lòng liên hệ quản trị hệ thống',
        );
      }
      await trx
        .updateTable('accounts')
        .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
        .where('id', '=', account.id)
        .execute();
      const session = await createSession(trx, account.id, meta, {
        ttlHours: config.sessionTtlHours,
        maxSessions: config.maxSessionsPerAccount,
      });
      await writeAccess(trx, { account_id: account.id, kind: 'signin', path: '/sign-in', ip: meta.ip, user_agent: meta.userAgent });
      await appendAudit(trx, { accountId: account.id, name: account.username, ip: meta.ip }, {
        action: 'session.create',
        entityType: 'session',
        entityId: session.sessionId.slice(0, 16),
        details: session.revokedIds.length > 0 ? { revokedBySessionLimit: session.revokedIds.length } : {},
      });
      return { token: session.token, auth: { accountId: account.id, kind: account.kind } } as const;
    });
    // Failed attempts are committed (counted) before the error is raised.
    if ('failed' in outcome) throw outcome.failed;
    this.ipFailures.reset(ipKey);
    return outcome;
  }

  async signOut(auth: AuthContext, meta: SessionMeta): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await revokeSession(trx, auth.account.id, auth.sessionId, 'sign_out');
      await writeAccess(trx, { account_id: auth.account.id, kind: 'signout', path: '/sign-out', ip: meta.ip, user_agent: meta.userAgent });
      await appendAudit(trx, { accountId: auth.account.id, name: auth.account.username, ip: meta.ip }, {
        action: 'session.revoke',
        entityType: 'session',
        entityId: auth.sessionId.slice(0, 16),
        details: { reason: 'sign_out' },
      });
    });
  }

  async sessions(auth: AuthContext) {
    const rows = await listSessions(this.db, auth.account.id);
    return rows.map((s) => ({
      id: s.id,
      current: s.id === auth.sessionId,
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      ip: s.ip,
      userAgent: s.user_agent,
    }));
  }

  async revokeOwnSession(auth: AuthContext, sessionId: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const done = await revokeSession(trx, auth.account.id, sessionId, 'revoked_by_user');
      if (!done) throw new NotFoundError('Không tìm thấy phiên đăng nhập này');
      await appendAudit(trx, actor, { action: 'session.revoke', entityType: 'session', entityId: sessionId.slice(0, 16), details: { reason: 'revoked_by_user' } });
    });
  }

  /** Always answers the same way, so the form does not reveal which e-mails have accounts. */
  async requestPasswordReset(email: string, captchaPayload: string | undefined, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.deps.captcha.verify(trx, captchaPayload);
      const account = await trx.selectFrom('accounts').select(['id', 'full_name', 'status']).where('email', '=', email).executeTakeFirst();
      if (account?.status !== 'active') return;
      const token = await this.issueToken(trx, account.id, 'reset_password', RESET_TTL_MS);
      await enqueue(trx, 'mail.send', {
        to: email,
        template: 'reset_password',
        vars: { name: account.full_name, link: `${this.deps.config.publicUrl}/dat-lai-mat-khau?token=${token}` },
      });
      await appendAudit(trx, actor, { action: 'account.request_password_reset', entityType: 'account', entityId: account.id });
    });
    this.deps.afterCommit();
  }

  async resetPassword(token: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      const accountId = await this.consumeToken(trx, token, 'reset_password');
      await trx
        .updateTable('accounts')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: new Date() })
        .where('id', '=', accountId)
        .execute();
      await revokeAllSessions(trx, accountId, 'password_reset');
      await appendAudit(trx, { ...actor, accountId }, { action: 'account.reset_password', entityType: 'account', entityId: accountId });
    });
  }

  async changePassword(auth: AuthContext, current: string, next: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      const acc = await trx.selectFrom('accounts').select(['password_hash']).where('id', '=', auth.account.id).forUpdate().executeTakeFirstOrThrow();
      if (!(await verifyPassword(acc.password_hash, current))) {
        throw new ValidationError([{ field: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
      }
      await trx.updateTable('accounts').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', auth.account.id).execute();
      // Other devices must sign in again with the new password; this one stays signed in.
      await trx
        .updateTable('sessions')
        .set({ revoked_at: new Date(), revoked_reason: 'password_changed' })
        .where('account_id', '=', auth.account.id)
        .where('id', '!=', auth.sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      await appendAudit(trx, actor, { action: 'account.change_password', entityType: 'account', entityId: auth.account.id });
    });
  }

  private async findByLogin(db: Tx | Database['db'], login: string, lock = false) {
    let q = db
      .selectFrom('accounts')
      .select(['id', 'kind', 'username', 'password_hash', 'status', 'failed_logins', 'locked_until'])
      .where((eb) => eb.or([eb('username', '=', login.trim()), eb('email', '=', login.trim().toLowerCase())]));
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  private async issueToken(trx: Tx, accountId: string, purpose: 'verify_email' | 'reset_password', ttlMs: number): Promise<string> {
    const token = randomToken();
    await trx
      .insertInto('account_tokens')
      .values({ token_hash: sha256(token), account_id: accountId, purpose, expires_at: new Date(Date.now() + ttlMs) })
      .execute();
    return token;
  }

  private async consumeToken(trx: Tx, token: string, purpose: 'verify_email' | 'reset_password'): Promise<string> {
    const row = await trx
      .updateTable('account_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', sha256(token))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning(['account_id'])
      .executeTakeFirst();
    if (!row) throw new ConflictError('Đường dẫn xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn', 'token_invalid');
    return row.account_id;
  }
}
