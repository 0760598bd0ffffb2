import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toNfc } from '../domain/text.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { accountAdminRoutes } from '../modules/accounts/admin-routes.ts';
import { accountRoutes } from '../modules/accounts/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { calendarRoutes } from '../modules/calendar/routes.ts';
import { catalogRoutes } from '../modules/catalogs/routes.ts';
import { orgRoutes } from '../modules/org/routes.ts';
import { guideRoutes } from '../modules/guides/routes.ts';
import { legalTimeRoutes } from '../modules/legal-time/routes.ts';
import { procedureRoutes } from '../modules/procedures/routes.ts';
import { processRoutes } from '../modules/processes/routes.ts';
import { documentRoutes } from '../modules/documents/routes.ts';
import { exportRoutes } from '../modules/exports/routes.ts';
import { dossierRoutes } from '../modules/dossiers/routes.ts';
import { draftRoutes } from '../modules/drafts/routes.ts';
import { eformRoutes } from '../modules/eforms/routes.ts';
import { resultTemplateRoutes } from '../modules/result-templates/routes.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import { seoRoutes } from '../modules/procedures/seo-routes.ts';
import { statusRoutes } from '../modules/statuses/routes.ts';
import type { Services } from '../services.ts';
import { registerAuth } from './plugins/auth.ts';
import { asArrivedAt } from '../arrival.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { sendProblem } from './problem.ts';
import { logOptions } from '../logger.ts';

// Vietnamese default messages for every zod check that has no message of its own.
z.config(z.locales.vi());

export interface AppOptions {
  services: Services;
  /** Mount the server-rendered web app (needs `npm run build`); off in API-only tests. */
  web?: { buildDir: string } | undefined;
  logger?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const { config } = services;
  const app = Fastify({
    logger: opts.logger === false ? false : logOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Procedure slugs are up to ~80 characters, a code or slug parameter up to 200.
    routerOptions: { maxParamLength: 300 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // First of all hooks: everything a request does knows when it arrived (src/arrival.ts).
  app.addHook('onRequest', (_req, _reply, done) => {
    asArrivedAt(performance.now(), done);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cổng Dịch vụ công & Hệ thống một cửa điện tử — API',
        description:
          'Public and back-office API. Errors are application/problem+json (RFC 9457) with a stable `code`.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dvc_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Stored text is Unicode NFC (Annex V.11): normalise every JSON body before validation.
  app.addHook('preValidation', async (req) => {
    if (req.body && typeof req.body === 'object') req.body = toNfc(req.body);
    return Promise.resolve();
  });

  securityHeaders(app);
  registerAuth(app, { resolveSession: (token) => services.resolveSession(token), config });
  accessLogging(app, services);

  app.get(
    '/api/health',
    { schema: { tags: ['Hệ thống / System'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    () => Promise.resolve({ status: 'ok' as const }),
  );
  app.get('/api/ready', { schema: { tags: ['Hệ thống / System'] } }, async (_req, reply) => {
    const pending = await pendingMigrations(services.database).catch(() => undefined);
    if (!pending) {
      return sendProblem(reply, {
        status: 503,
        code: 'database_unreachable',
        title: 'Không kết nối được cơ sở dữ liệu',
        detail: 'Không kết nối được cơ sở dữ liệu',
      });
    }
    if (pending.length > 0) {
      return sendProblem(reply, {
        status: 503,
        code: 'not_migrated',
        title: 'Cơ sở dữ liệu chưa được cập nhật cấu trúc',
        detail: `Còn ${pending.length} migration chưa chạy`,
        pending,
      });
    }
    return { status: 'ready' as const, database: services.database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => Promise.resolve(app.swagger()));

  await app.register(accountRoutes(services));
  await app.register(accountAdminRoutes(services));
  await app.register(orgRoutes(services));
  await app.register(catalogRoutes(services));
  await app.register(calendarRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(procedureRoutes(services));
  await app.register(processRoutes(services));
  await app.register(dossierRoutes(services));
  await app.register(draftRoutes(services));
  await app.register(documentRoutes(services));
  await app.register(exportRoutes(services));
  await app.register(eformRoutes(services));
  await app.register(resultTemplateRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(guideRoutes(services));
  await app.register(legalTimeRoutes(services));
  await app.register(seoRoutes(services));
  await app.register(statusRoutes());

  if (opts.web) {
    const { webPlugin } = await import('./web.ts');
    await app.register(webPlugin, { buildDir: opts.web.buildDir, services });
  }
  return app;
}

function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (req.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}

/** Page and API requests go to the access log (Annex III.14.1), without query strings (they may hold personal data). */
function accessLogging(app: FastifyInstance, services: Services): void {
  app.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (
      req.method === 'OPTIONS' ||
      path.startsWith('/assets/') ||
      path === '/api/health' ||
      path === '/api/ready'
    )
      return;
    services.accessLog.record({
      account_id: req.auth?.account.id ?? null,
      kind: path.startsWith('/api/') ? 'api' : 'page',
      method: req.method,
      path,
      status: reply.statusCode,
      ip: req.ip,
      user_agent: req.headers['user-agent'] ?? null,
    });
    return Promise.resolve();
  });
}
