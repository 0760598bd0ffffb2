import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { importNational } from '../support/procedures.ts';

// Rendered catalog pages reused for anonymous visitors (src/http/page-cache.ts, issue 8): each visitor
// still gets a CSRF token of their own, and a published change shows at once.
let env: BrowserEnv;
const BIRTH = '1.001193';
let path: string;

before(async () => {
  env = await startBrowserEnv();
  await importNational(env.rt.services, { codes: [BIRTH] });
  path = `/thu-tuc-hanh-chinh/${(await env.rt.services.publicCatalog.get(BIRTH)).slug}`;
});
after(async () => env.close());

/** A visitor with a cookie jar of its own. */
function visitor() {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  return {
    get: async (p: string) => keep(await fetch(`${env.baseUrl}${p}`, { headers: { cookie: cookie() } })),
    post: async (p: string, form: Record<string, string>) =>
      keep(
        await fetch(`${env.baseUrl}${p}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        }),
      ),
  };
}

const tokenOf = (html: string) => /csrfToken\\",\\"([A-Za-z0-9_-]+)/.exec(html)?.[1] ?? '';

describe('public page cache', () => {
  it('serves one rendering to many visitors, each with a CSRF token of their own that works', async () => {
    const a = visitor();
    const b = visitor();
    // The search page hydrates: its data for React carries the visitor's token.
    const search = '/thu-tuc-hanh-chinh?q=khai+sinh';
    const first = await (await a.get(search)).text();
    const second = await b.get(search);
    assert.equal(second.status, 200);
    const html = await second.text();
    const [ta, tb] = [tokenOf(first), tokenOf(html)];
    assert.ok(ta.length > 20 && tb.length > 20, 'both pages carry a token');
    assert.notEqual(ta, tb);
    assert.equal(first.replaceAll(ta, 'TOKEN'), html.replaceAll(tb, 'TOKEN'), 'the same page otherwise');
    assert.match(html, /Thủ tục đăng ký khai sinh/);
    // B's token is B's: a sign-in form posted with it is checked (wrong password), with A's it is refused.
    const own = await b.post('/dang-nhap', {
      _csrf: tb,
      username: 'khong-co-ai',
      password: 'sai-mat-khau-1',
    });
    assert.notEqual(own.status, 403);
    const foreign = await b.post('/dang-nhap', {
      _csrf: ta,
      username: 'khong-co-ai',
      password: 'sai-mat-khau-1',
    });
    assert.equal(foreign.status, 403);
  });

  it('serves the procedure page as HTML alone: no scripts, no loader data, the same bytes for everyone', async () => {
    const a = await (await visitor().get(path)).text();
    const b = await (await visitor().get(path)).text();
    assert.match(a, /Thủ tục đăng ký khai sinh/);
    assert.equal(a, b);
    assert.doesNotMatch(a, /<script type="module"|__reactRouterContext|csrfToken/);
    assert.match(a, /<html [^>]*data-scripts="none"/);
  });

  it('shows a published change at once (the catalog generation), not after the cache expires', async () => {
    const v = visitor();
    assert.doesNotMatch(await (await v.get(path)).text(), /Tên đã sửa/);
    await sql`update procedures set published = jsonb_set(published, '{name}', '"Đăng ký khai sinh (Tên đã sửa)"')
              where code = ${BIRTH}`.execute(env.rt.services.database.db);
    const after = await (await v.get(path)).text();
    assert.match(after, /Đăng ký khai sinh \(Tên đã sửa\)/);
  });
});
