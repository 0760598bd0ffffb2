import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createRequest } from '@remix-run/node-fetch-server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequestHandler, RouterContextProvider } from 'react-router';
import type { ServerBuild } from 'react-router';
import { isLang, webContext } from '../../app/context.ts';
import type { Lang, WebContext } from '../../app/context.ts';
import { translator } from '../../app/i18n/index.ts';
import { BUSY_RETRY_AFTER_SECONDS } from '../db/busy.ts';
import { RateLimitedError } from '../errors.ts';
import type { Services } from '../services.ts';
import {
  actorOf,
  cookieOptions,
  CSRF_FIELD,
  csrfMatches,
  metaOf,
  SESSION_COOKIE,
  setSessionCookie,
} from './plugins/auth.ts';
import { cachedPage, isCacheablePage } from './page-cache.ts';
import { rateLimit } from './plugins/rate-limit.ts';
import { DOSSIER_FILE_MAX_BYTES } from '../modules/dossiers/files.ts';
import { FORM_MAX_BYTES } from '../modules/procedures/forms.ts';

export const LANG_COOKIE = 'lang';
/** Largest form body the web app accepts, except on the pages below that take files. */
const MAX_FORM_BYTES = 2 * 1024 * 1024;
/** Pages posting files: a national catalog import (about 12 MB for 1,601 procedures), form templates
 * and dossiers (the receipt and the dossier page; without JavaScript their files go with the form, up to
 * five at once) (with JavaScript, React Router posts to the same path + ".data"). */
const UPLOAD_LIMITS: readonly [RegExp, number][] = [
  [/^\/mot-cua\/thu-tuc\/dong-bo(\.data)?(\?|$)/, 64 * 1024 * 1024],
  [/^\/mot-cua\/thu-tuc\/bieu-mau(\.data)?(\?|$)/, FORM_MAX_BYTES + 1024 * 1024],
  [/^\/mot-cua\/ho-so\/[^/?.]+(\.data)?(\?|$)/, 5 * DOSSIER_FILE_MAX_BYTES + 1024 * 1024],
  [/^\/ho-so-cua-toi\/[^/?.]+(\.data)?(\?|$)/, 5 * DOSSIER_FILE_MAX_BYTES + 1024 * 1024],
  // The document store takes one own upload at a time.
  [/^\/kho-du-lieu(\.data)?(\?|$)/, DOSSIER_FILE_MAX_BYTES + 1024 * 1024],
  [/^\/nop-ho-so\/[^/?]+?(\.data)?(\?|$)/, 5 * DOSSIER_FILE_MAX_BYTES + 1024 * 1024],
];

function formLimit(url: string): number {
  return UPLOAD_LIMITS.find(([path]) => path.test(url))?.[1] ?? MAX_FORM_BYTES;
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Pages whose POST tries a password, a token or creates an account: rate-limited per client address, like the API. */
const AUTH_FORM =
  /^\/(dang-nhap|dang-ky|quen-mat-khau|dat-lai-mat-khau|xac-nhan-email|mot-cua\/dang-nhap)(\.data)?(\?|$)/;

export interface WebOptions {
  /** Output of `react-router build` (contains client/ and server/). */
  buildDir: string;
  services: Services;
}

/**
 * Mounts the server-rendered React Router app: build/client is served by @fastify/static (hashed
 * /assets/ are immutable), every other non-/api request goes to React Router with a WebContext.
 * State-changing requests must carry the `_csrf` form field; the glue checks it before any action
 * runs (the root middleware turns a mismatch into a 403 page).
 */
export async function webPlugin(app: FastifyInstance, opts: WebOptions): Promise<void> {
  const serverEntry = join(opts.buildDir, 'server', 'index.js');
  if (!existsSync(serverEntry)) throw new Error(`Không tìm thấy ${serverEntry}: chạy "npm run build" trước.`);
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const handle = createRequestHandler(
    build,
    opts.services.config.env === 'production' ? 'production' : 'development',
  );
  const { config } = opts.services;
  const authFormLimit = rateLimit({ max: 30, windowMs: 60_000 });

  await app.register(fastifyStatic, {
    root: join(opts.buildDir, 'client'),
    wildcard: false, // one route per file found at startup; anything else falls through to React Router
    index: false,
    setHeaders(reply, path) {
      if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'public, max-age=3600');
    },
  });

  // React Router reads the body itself; this parser (scoped to this plugin) leaves the stream alone.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));

  app.all('/*', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return reply.callNotFound();
    let request = createRequest(req.raw, reply.raw, { trustProxy: config.trustProxy });
    let csrfValid = true;
    if (!SAFE_METHODS.has(req.method)) {
      if (AUTH_FORM.test(req.url)) {
        try {
          await authFormLimit(req);
        } catch (err) {
          if (!(err instanceof RateLimitedError)) throw err;
          return reply
            .code(429)
            .header('retry-after', String(err.retryAfterSeconds))
            .type('text/plain; charset=utf-8')
            .send(err.message);
        }
      }
      const limit = formLimit(req.url);
      if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge(reply);
      // Read the body once, check the token, then hand React Router the same request (values in NFC).
      const body = await request.arrayBuffer();
      if (body.byteLength > limit) return tooLarge(reply);
      const contentType = request.headers.get('content-type');
      csrfValid = await hasValidCsrfField(body, contentType, req.csrfToken);
      const headers = new Headers(request.headers);
      headers.delete('content-length'); // the normalised body may differ in length
      request = new Request(request.url, {
        method: request.method,
        headers,
        body: toNfcForm(body, contentType),
        signal: request.signal,
      });
    }
    let busy = false;
    const web = webContextFor(req, reply, opts.services, csrfValid, () => (busy = true));
    const render = async () => {
      const res = await handle(request, new RouterContextProvider(new Map([[webContext, web]])));
      if (!busy) return res;
      await res.body?.cancel();
      return busyPage(web.lang);
    };
    if (isCacheablePage(req)) return cachedPage(req, reply, opts.services, web.lang, render);
    return render(); // Fastify 5 sends the WHATWG Response (status, headers, streamed body)
  });
}

function tooLarge(reply: FastifyReply): FastifyReply {
  return reply
    .code(413)
    .type('text/plain; charset=utf-8')
    .send('Dữ liệu gửi lên vượt quá dung lượng cho phép');
}

/**
 * The answer when a loader or action found no free database connection within DB_POOL_WAIT_MS: a
 * short page (no portal chrome, no scripts: the server is overloaded) asking to retry, 503 with
 * Retry-After like the API's database_busy. Not cached (page-cache keeps 200 answers only).
 */
function busyPage(lang: Lang): Response {
  const t = translator(lang);
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${t('error.503.title')}</title></head><body><main>` +
    `<h1>${t('error.503.title')}</h1><p>${t('error.503.body')}</p>` +
    `<p>${t('error.code', { status: 503 })}</p><p><a href="">${t('error.retry')}</a></p>` +
    '</main></body></html>';
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'retry-after': String(BUSY_RETRY_AFTER_SECONDS),
      'cache-control': 'no-store',
    },
  });
}

function webContextFor(
  req: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  csrfValid: boolean,
  databaseBusy: () => void,
): WebContext {
  const { config } = services;
  const cookieLang = req.cookies[LANG_COOKIE];
  const lang: Lang = isLang(cookieLang) ? cookieLang : 'vi';
  return {
    services,
    auth: req.auth,
    csrfToken: req.csrfToken,
    csrfValid,
    lang,
    meta: metaOf(req),
    actor: actorOf(req),
    startSession: (token) => setSessionCookie(reply, config, token),
    endSession: () => void reply.clearCookie(SESSION_COOKIE, cookieOptions(config)),
    setLang: (value) =>
      void reply.setCookie(LANG_COOKIE, value, { ...cookieOptions(config, 365 * 24 * 3600) }),
    databaseBusy,
  };
}

/** True when the urlencoded or multipart body has a `_csrf` field equal to the session's token. */
async function hasValidCsrfField(
  body: ArrayBuffer,
  contentType: string | null,
  expected: string,
): Promise<boolean> {
  if (!contentType || !/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType))
    return false;
  try {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    return csrfMatches(expected, form.get(CSRF_FIELD));
  } catch {
    return false;
  }
}

/** Stored text is Unicode NFC (Annex V.11), as the API's JSON hook does: normalise urlencoded form values. */
function toNfcForm(body: ArrayBuffer, contentType: string | null): ArrayBuffer | string {
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return body;
  const params = new URLSearchParams(new TextDecoder().decode(body));
  const out = new URLSearchParams();
  for (const [k, v] of params) out.append(k, v.normalize('NFC'));
  return out.toString();
}
