import { createContext } from 'react-router';
import type { RouterContext, RouterContextProvider } from 'react-router';
import type { SessionMeta, AuthContext } from '../src/modules/accounts/sessions.ts';
import type { Actor } from '../src/modules/audit/audit.ts';
import type { Services } from '../src/services.ts';

/** Languages of the web interface; Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/**
 * What the Fastify glue (src/http/web.ts) hands to every loader, action and middleware for one
 * request. Loaders and actions call `services` directly (never HTTP to ourselves).
 * This file is plain .ts with type-only imports of server code: the native server imports it,
 * and the Vite server build bundles its own copy.
 */
export interface WebContext {
  services: Services;
  /** The signed-in principal (from the `dvc_sid` cookie), or undefined. */
  auth: AuthContext | undefined;
  /** The CSRF token of this browser session; every POST form sends it back as `_csrf`. */
  csrfToken: string;
  /** For POST/PUT/PATCH/DELETE: whether the submitted `_csrf` matched (checked by the glue before any action). */
  csrfValid: boolean;
  lang: Lang;
  /** Client address and user agent, for sessions, audit and rate limits. */
  meta: SessionMeta;
  /** Who acts, for the audit log. */
  actor: Actor;
  /** Sets the session cookie (same options as the JSON API: HttpOnly, SameSite=Lax, Secure on https). */
  startSession(token: string): void;
  /** Clears the session cookie. */
  endSession(): void;
  /** Remembers the interface language for a year. */
  setLang(lang: Lang): void;
  /**
   * Called by handleError when a loader or action found no free database connection in time: the glue
   * then answers a short 503 page with Retry-After instead of the error page (an overload, not a fault).
   */
  databaseBusy(): void;
}

// The Vite server build bundles its own copy of this module while the Fastify glue imports the source
// natively; Symbol.for makes both copies share ONE context object (it is the Map key).
const KEY = Symbol.for('dichvucong.webContext');
const g = globalThis as { [KEY]?: RouterContext<WebContext> };
export const webContext: RouterContext<WebContext> = (g[KEY] ??= createContext<WebContext>());

/** The request's WebContext, from a loader's, action's or middleware's `context`. */
export function web(context: Readonly<RouterContextProvider>): WebContext {
  return context.get(webContext);
}
