import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { CsrfError, UnauthenticatedError } from '../../errors.ts';
import type { Actor } from '../../modules/audit/audit.ts';
import type { AuthContext, SessionMeta } from '../../modules/accounts/sessions.ts';
import { hmac, randomToken, safeEqual } from '../../modules/accounts/tokens.ts';

export const SESSION_COOKIE = 'dvc_sid';
export const CSRF_NONCE_COOKIE = 'dvc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | undefined;
    /** The token a form or script must send back on state-changing requests (computed when read). */
    readonly csrfToken: string;
  }
}

export function cookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https://'),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/**
 * Resolves the session cookie on every request and computes the CSRF token. The token is an HMAC of
 * the session (or, before sign-in, of a random nonce cookie), so it needs no storage and a token
 * stolen from another visitor is worthless.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: { resolveSession: (token: string) => Promise<AuthContext | undefined>; config: Config },
): void {
  // The CSRF token is computed (and the nonce cookie set) only when something reads it: a page with a
  // form, /api/auth/csrf, a check. Public API reads and crawlers get no cookie and cost no HMAC, and
  // their answers stay cacheable by shared caches.
  const tokens = new WeakMap<FastifyRequest, () => string>();
  app.decorateRequest('auth', undefined);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      return tokens.get(this)?.() ?? '';
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (isStaticAsset(req.url)) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.auth = await deps.resolveSession(token);
      if (!req.auth) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    let csrf: string | undefined;
    tokens.set(req, () => (csrf ??= csrfTokenOf(req, reply, deps.config)));
  });
}

function csrfTokenOf(req: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (req.auth) return csrfTokenFor(config.sessionSecret, req.auth.sessionId);
  let nonce = req.cookies[CSRF_NONCE_COOKIE];
  if (!nonce || nonce.length < 20) {
    nonce = randomToken(18);
    req.cookies[CSRF_NONCE_COOKIE] = nonce;
    void reply.setCookie(CSRF_NONCE_COOKIE, nonce, cookieOptions(config));
  }
  return csrfTokenFor(config.sessionSecret, `anon:${nonce}`);
}

export function csrfTokenFor(secret: string, binding: string): string {
  return hmac(secret, `csrf:${binding}`);
}

/** True when `submitted` (header or form field) is the CSRF token of the request's session. */
export function csrfMatches(expected: string, submitted: unknown): boolean {
  return typeof submitted === 'string' && expected !== '' && safeEqual(submitted, expected);
}

/** preHandler for JSON API routes that change state. */
export async function csrfGuard(req: FastifyRequest): Promise<void> {
  const header = req.headers[CSRF_HEADER];
  if (!csrfMatches(req.csrfToken, Array.isArray(header) ? header[0] : header)) throw new CsrfError();
  return Promise.resolve();
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new UnauthenticatedError();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { accountId: req.auth?.account.id ?? null, name: req.auth?.account.username ?? null, ip: req.ip };
}

export function metaOf(req: FastifyRequest): SessionMeta {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, config.sessionTtlHours * 3600));
}

function isStaticAsset(url: string): boolean {
  return url.startsWith('/assets/') || url === '/favicon.ico' || url.startsWith('/fonts/');
}
