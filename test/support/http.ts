import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { solveChallenge } from 'altcha-lib/v1';

/**
 * A browser-like client over app.inject: keeps cookies, fetches the CSRF token and sends it on every
 * state-changing request, like the web app does.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  private readonly app: FastifyInstance;
  private readonly ip: string;

  constructor(app: FastifyInstance, ip = '127.0.0.1') {
    this.app = app;
    this.ip = ip;
  }

  async init(): Promise<this> {
    await this.refreshCsrf();
    return this;
  }

  async refreshCsrf(): Promise<void> {
    const res = await this.request({ method: 'GET', url: '/api/auth/csrf' });
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const method = (opts.method ?? 'GET').toUpperCase();
    if (opts.csrf !== false && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] ??= this.csrf;
    const { csrf: _c, ...rest } = opts;
    const res = await this.app.inject({ ...rest, headers, remoteAddress: this.ip });
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, body?: object, opts: { csrf?: boolean } = {}) {
    return this.request({ method: 'POST', url, ...(body ? { payload: body } : {}), ...opts });
  }
  put(url: string, body?: object) {
    return this.request({ method: 'PUT', url, ...(body ? { payload: body } : {}) });
  }
  patch(url: string, body?: object) {
    return this.request({ method: 'PATCH', url, ...(body ? { payload: body } : {}) });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  /** Signs in and refreshes the CSRF token, which is bound to the new session. */
  async signIn(username: string, password: string, captcha?: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/sign-in', { username, password, ...(captcha ? { captcha } : {}) });
    if (res.statusCode === 200) this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    return res;
  }

  /** Fetches a proof-of-work challenge and solves it, as the browser widget does. */
  async solveCaptcha(): Promise<string> {
    const c = (await this.get('/api/auth/captcha')).json<{ algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number }>();
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    if (!solution) throw new Error('captcha not solved');
    return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature })).toString('base64');
  }
}
