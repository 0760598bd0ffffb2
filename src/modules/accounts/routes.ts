import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard, metaOf, requireAuth, SESSION_COOKIE, setSessionCookie } from '../../http/plugins/auth.ts';
import { rateLimit } from '../../http/plugins/rate-limit.ts';
import type { Services } from '../../services.ts';
import { ChangePassword, Me, Register, RequestReset, ResetPassword, SessionView, SignIn, Token } from './schema.ts';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['Tài khoản / Accounts'];

export function accountRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { accounts, captcha, config } = services;
    const signInLimit = rateLimit({ max: 20, windowMs: 60_000 });
    const formLimit = rateLimit({ max: 10, windowMs: 60_000 });

    app.get('/api/auth/csrf', { schema: { tags, summary: 'CSRF token for this browser session', response: { 200: z.object({ csrfToken: z.string() }) } } }, (req) =>
      Promise.resolve({ csrfToken: req.csrfToken }),
    );

    app.get(
      '/api/auth/captcha',
      { schema: { tags, summary: 'A proof-of-work challenge (ALTCHA), with a question for clients without JavaScript (answer as `q:<token>:<answer>`)', response: { 200: z.object({ algorithm: z.string(), challenge: z.string(), maxnumber: z.number(), salt: z.string(), signature: z.string(), question: z.object({ text: z.string(), textEn: z.string(), token: z.string() }) }) } } },
      () => captcha.challenge(),
    );

    app.get(
      '/api/auth/captcha-required',
      { schema: { tags, querystring: z.object({ username: z.string().max(254).optional() }), response: { 200: z.object({ required: z.boolean() }) } } },
      async (req) => ({ required: await accounts.captchaRequiredFor(req.query.username, req.ip) }),
    );

    app.post(
      '/api/auth/register',
      { preHandler: [csrfGuard, formLimit], schema: { tags, summary: 'Register a citizen or organisation account', body: Register, response: { 201: z.object({ accountId: z.uuid(), status: z.literal('pending') }) } } },
      async (req, reply) => {
        const r = await accounts.register(req.body, actorOf(req));
        return reply.code(201).send({ accountId: r.accountId, status: 'pending' as const });
      },
    );

    app.post('/api/auth/verify-email', { preHandler: [csrfGuard, formLimit], schema: { tags, body: Token, response: { 200: Ok } } }, async (req) => {
      await accounts.verifyEmail(req.body.token, actorOf(req));
      return { ok: true as const };
    });

    app.post(
      '/api/auth/sign-in',
      { preHandler: [csrfGuard, signInLimit], schema: { tags, summary: 'Sign in with username (or e-mail) and password', body: SignIn, response: { 200: z.object({ accountId: z.uuid(), kind: z.string(), csrfToken: z.string() }) } } },
      async (req, reply) => {
        const r = await accounts.signIn(req.body, metaOf(req));
        setSessionCookie(reply, config, r.token);
        const auth = await services.resolveSession(r.token);
        return { accountId: r.auth.accountId, kind: r.auth.kind, csrfToken: auth ? services.csrfTokenFor(auth.sessionId) : '' };
      },
    );

    app.post('/api/auth/sign-out', { preHandler: csrfGuard, schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
      const auth = requireAuth(req);
      await accounts.signOut(auth, metaOf(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.get('/api/auth/me', { schema: { tags, response: { 200: Me } } }, (req) => {
      const auth = requireAuth(req);
      return Promise.resolve({
        id: auth.account.id,
        kind: auth.account.kind,
        username: auth.account.username,
        fullName: auth.account.fullName,
        email: auth.account.email,
        grants: auth.grants.map((g) => ({ roleCode: g.roleCode, agencyId: g.agencyId, includeSubtree: g.includeSubtree, permissions: [...g.permissions] })),
      });
    });

    app.get('/api/auth/sessions', { schema: { tags, summary: 'My active sessions', response: { 200: z.object({ items: z.array(SessionView) }) } } }, async (req) => ({
      items: await accounts.sessions(requireAuth(req)),
    }));

    app.delete(
      '/api/auth/sessions/:id',
      { preHandler: csrfGuard, schema: { tags, summary: 'Revoke one of my sessions', params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'Mã phiên không hợp lệ') }), response: { 200: Ok } } },
      async (req) => {
        await accounts.revokeOwnSession(requireAuth(req), req.params.id, actorOf(req));
        return { ok: true as const };
      },
    );

    app.post('/api/auth/password-reset/request', { preHandler: [csrfGuard, formLimit], schema: { tags, body: RequestReset, response: { 202: Ok } } }, async (req, reply) => {
      await accounts.requestPasswordReset(req.body.email, req.body.captcha, actorOf(req));
      return reply.code(202).send({ ok: true as const });
    });

    app.post('/api/auth/password-reset/confirm', { preHandler: [csrfGuard, formLimit], schema: { tags, body: ResetPassword, response: { 200: Ok } } }, async (req) => {
      await accounts.resetPassword(req.body.token, req.body.password, actorOf(req));
      return { ok: true as const };
    });

    app.post('/api/auth/password', { preHandler: csrfGuard, schema: { tags, summary: 'Change my password', body: ChangePassword, response: { 200: Ok } } }, async (req) => {
      await accounts.changePassword(requireAuth(req), req.body.currentPassword, req.body.newPassword, actorOf(req));
      return { ok: true as const };
    });
  };
}
