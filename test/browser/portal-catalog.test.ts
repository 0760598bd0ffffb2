import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seed } from '../../src/seed/seed.ts';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// The public procedure catalog (TT 22/2019 III.3.1, III.7, III.10.1, V.2) on the full demo: 1,601
// national records, the guides, FAQs and life events, seeded once.
let env: BrowserEnv;
/** Paths of every published procedure page, from the sitemap's source. */
let published: string[];
const BIRTH = '1.001193';
let birthPath: string;

before(async () => {
  env = await startBrowserEnv();
  await seed(env.rt.services, () => undefined);
  published = (await env.rt.services.publicCatalog.sitemap()).map((p) => `/thu-tuc-hanh-chinh/${p.slug}`);
  birthPath = `/thu-tuc-hanh-chinh/${(await env.rt.services.publicCatalog.get(BIRTH)).slug}`;
});
after(async () => env.close());

/** Internal hrefs of the page's links (pathname + search), same origin only. */
async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const out: string[] = [];
  for (const href of hrefs) {
    const u = new URL(href);
    if (u.origin === env.baseUrl) out.push(u.pathname + u.search);
  }
  return out;
}

/** Hrefs of the result links of a search page, in order. */
async function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval('.pc-result h3 a', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

const isListing = (path: string) =>
  /^\/(linh-vuc|su-kien)(\/|$|\?)/.test(path) || /^\/thu-tuc-hanh-chinh(\?|$)/.test(path);

describe('portal procedure catalog', () => {
  it('reaches every published procedure within 3 clicks of the home page (V.2)', async () => {
    assert.ok(published.length > 1000, `the demo publishes the national catalog (${published.length})`);
    const page = await env.newPage({ javaScriptEnabled: false });
    const reached = new Set<string>();
    const seen = new Set<string>(['/']);
    let frontier = ['/'];
    // Pages at depth 0, 1 and 2 are opened; the procedure links they hold are at most 3 clicks away.
    for (let depth = 0; depth < 3; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        const res = await page.goto(path, { waitUntil: 'domcontentloaded' });
        assert.equal(res?.status(), 200, path);
        for (const link of await internalLinks(page)) {
          const pathname = link.split('?')[0] ?? link;
          if (pathname.startsWith('/thu-tuc-hanh-chinh/')) reached.add(pathname);
          else if (depth < 2 && isListing(link) && !seen.has(link)) {
            seen.add(link);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
    const missing = published.filter((p) => !reached.has(p));
    assert.deepEqual(missing.slice(0, 10), [], `${missing.length} procedures more than 3 clicks away`);
  });

  it('shows a procedure without JavaScript, in the citizen order, with canonical URL and JSON-LD', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    // The national code answers with a permanent redirect to the readable URL.
    const redirect = await page.request.get(`/thu-tuc-hanh-chinh/${BIRTH}`, { maxRedirects: 0 });
    assert.equal(redirect.status(), 301);
    assert.equal(new URL(redirect.headers().location ?? '', env.baseUrl).pathname, birthPath);
    const res = await page.goto(`/thu-tuc-hanh-chinh/${BIRTH}`);
    assert.equal(res?.status(), 200);
    assert.equal(new URL(page.url()).pathname, birthPath);

    assert.equal(await page.locator('h1').textContent(), 'Thủ tục đăng ký khai sinh');
    assert.deepEqual((await page.locator('main h2').allTextContents()).slice(0, 6), [
      'Có nộp trực tuyến được không?',
      'Cần chuẩn bị những gì?',
      'Phí, lệ phí bao nhiêu?',
      'Mất bao lâu?',
      'Nộp hồ sơ ở đâu?',
      'Thông tin chi tiết',
    ]);
    // Channels, with a clear choice of how to apply.
    const online = page.locator('section[aria-labelledby="truc-tuyen"]');
    assert.match((await online.textContent()) ?? '', /^Có nộp trực tuyến được không\?Có\./);
    assert.equal(
      await online.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href'),
      `/nop-ho-so/${BIRTH}`,
    );
    for (const way of ['Nộp trực tuyến', 'Gửi qua bưu chính', 'Nộp trực tiếp'])
      assert.equal(await online.getByRole('heading', { name: way, exact: true }).count(), 1, way);
    // Dossier components, grouped, with originals.
    const prepare = page.locator('section[aria-labelledby="chuan-bi"]');
    assert.equal(await prepare.getByRole('heading', { name: 'Giấy tờ phải nộp' }).count(), 1);
    assert.match((await prepare.textContent()) ?? '', /Giấy chứng sinh/);
    assert.match((await prepare.textContent()) ?? '', /1 bản chính/);
    // Fees and time limit, per way of applying, in tables with captions.
    const fees = page.getByRole('table', { name: 'Phí, lệ phí theo cách nộp hồ sơ' });
    assert.equal(await fees.getByRole('row').count(), 4);
    assert.equal(await fees.getByText('Miễn phí').count(), 3);
    const deadline = page.getByRole('table', { name: 'Thời hạn giải quyết theo cách nộp hồ sơ' });
    assert.match(
      (await deadline.locator('tbody td').first().textContent()) ?? '',
      /^\d+([.,]\d+)? (giờ làm việc|ngày làm việc|ngày|tháng|\(nguồn chưa ghi đơn vị\))/,
    );
    // Where to go, and the legal detail with its source.
    const where = page.locator('section[aria-labelledby="noi-nop"]');
    assert.match((await where.textContent()) ?? '', /Ủy ban nhân dân cấp xã/);
    // The receiving agencies grouped by ways of applying: each way said once a group, not per agency.
    assert.ok((await where.locator('ul.pc-agencies li a').count()) > 1);
    assert.equal(await where.locator('.pc-channels').count(), await where.locator('ul.pc-agencies').count());
    assert.equal(await where.locator('ul.pc-agencies .pc-channels').count(), 0);
    assert.equal(
      await page.getByRole('table', { name: 'Văn bản làm căn cứ pháp lý của thủ tục' }).count(),
      1,
    );
    assert.match(
      (await page.getByRole('link', { name: 'Nguồn: Cổng Dịch vụ công quốc gia' }).getAttribute('href')) ??
        '',
      /^https:\/\/dichvucong\.gov\.vn\//,
    );
    // FAQ and guides naming the procedure; an FAQ opens without JavaScript.
    const related = page.locator('section[aria-labelledby="lien-quan"]');
    const faq = related.locator('details').first();
    assert.equal(await faq.evaluate((d) => (d as HTMLDetailsElement).open), false);
    await faq.locator('summary').click();
    assert.equal(await faq.evaluate((d) => (d as HTMLDetailsElement).open), true);

    // Search engines: canonical URL, description and schema.org GovernmentService.
    const publicUrl = env.rt.services.config.publicUrl;
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute('href'),
      `${publicUrl}${birthPath}`,
    );
    assert.match((await page.locator('meta[name="description"]').getAttribute('content')) ?? '', /1\.001193/);
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    ) as Record<string, Record<string, string>>;
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'GovernmentService');
    assert.equal(ld.name, 'Thủ tục đăng ký khai sinh');
    assert.equal(ld.serviceType, 'Hộ tịch');
    assert.equal(ld.url, `${publicUrl}${birthPath}`);
    assert.equal(ld.provider?.['@type'], 'GovernmentOrganization');
    assert.ok(ld.provider?.name);
    assert.ok(ld.areaServed?.name);

    // An unknown procedure is a 404 page, not a crash.
    const missing = await page.goto('/thu-tuc-hanh-chinh/khong-co-thu-tuc-nay-9-999999');
    assert.equal(missing?.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Không tìm thấy trang');
    assert.equal(await page.getByRole('link', { name: 'Tìm thủ tục khác' }).count(), 1);
    for (const path of ['/linh-vuc/khong-co', '/su-kien/khong-co', '/huong-dan/khong-co'])
      assert.equal((await page.goto(path))?.status(), 404, path);
  });

  it('searches without JavaScript: no diacritics, partial words and typos find the birth registration first', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    for (const q of ['dang ky khai sinh', 'khai sinh', 'Đăng ký khai sinh', 'khai snh']) {
      await page.goto('/thu-tuc-hanh-chinh');
      await page.getByLabel('Bạn cần làm thủ tục gì?').fill(q);
      await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === q);
      assert.equal((await resultLinks(page))[0], birthPath, q);
      assert.equal(await page.locator('#pc-results-title').textContent(), `Kết quả tìm kiếm cho “${q}”`);
    }

    // Filters narrow the list: field Hộ tịch (chosen in the form), then applicant type.
    await page.goto('/thu-tuc-hanh-chinh?q=dang+ky');
    const unfiltered = await resultLinks(page);
    await page.locator('.pc-filters summary').click();
    await page.getByLabel('Lĩnh vực').selectOption('ho-tich');
    await page.getByRole('button', { name: 'Tìm với bộ lọc' }).click();
    await page.waitForURL((u) => u.searchParams.get('field') === 'ho-tich');
    const fieldNames = await page.locator('.pc-result-meta a[href^="/linh-vuc/"]').allTextContents();
    assert.ok(fieldNames.length > 0);
    assert.ok(fieldNames.every((n) => n === 'Hộ tịch'));
    assert.notDeepEqual(await resultLinks(page), unfiltered);
    // The filter stays in the form after the search.
    assert.equal(await page.getByLabel('Lĩnh vực').inputValue(), 'ho-tich');

    await page.goto('/thu-tuc-hanh-chinh?applicant=business');
    const business = await resultLinks(page);
    const expected = await env.rt.services.publicCatalog.search({ applicant: 'business', limit: 20 });
    assert.ok(expected.items.every((i) => i.applicantKinds.includes('business')));
    assert.deepEqual(
      business,
      expected.items.map((i) => `/thu-tuc-hanh-chinh/${i.slug}`),
    );
    await page.goto('/thu-tuc-hanh-chinh');
    assert.notDeepEqual(await resultLinks(page), business);

    // Keyset paging keeps the query and the filters, and never repeats a result.
    await page.goto('/thu-tuc-hanh-chinh?q=khai+sinh&field=ho-tich');
    const first = await resultLinks(page);
    assert.equal(first.length, 20);
    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.waitForURL((u) => u.searchParams.has('after'));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'khai sinh');
    assert.equal(url.searchParams.get('field'), 'ho-tich');
    const second = await resultLinks(page);
    assert.ok(second.length > 0);
    assert.deepEqual(
      second.filter((p) => first.includes(p)),
      [],
    );
    assert.equal(await page.getByRole('link', { name: 'Về trang đầu' }).count(), 1);

    // Nothing matches: a friendly page (200) with help, not an error.
    const absurd = await page.goto('/thu-tuc-hanh-chinh?q=qxzqxz+wvwvwv+%21%40%23');
    assert.equal(absurd?.status(), 200);
    assert.equal(await page.getByRole('heading', { name: 'Chưa tìm thấy thủ tục phù hợp' }).count(), 1);
    assert.ok((await page.locator('.pc-empty a[href^="/linh-vuc/"]').count()) >= 5);
    assert.equal(await page.locator('.pc-empty a[href="/linh-vuc"]').count(), 1);
    assert.ok((await page.locator('.pc-empty a[href^="/su-kien/"]').count()) >= 1);

    // Broken parameters (edited links) are dropped with a notice; the search still answers.
    const broken = await page.goto(
      '/thu-tuc-hanh-chinh?q=khai+sinh&field=BAD!&legacyLevel=9&agency=x&after=garbage',
    );
    assert.equal(broken?.status(), 200);
    assert.equal((await resultLinks(page))[0], birthPath);
    assert.ok((await page.locator('.notice').count()) >= 1);
  });

  it('lists fields, agencies, life events and guides', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/linh-vuc/ho-tich');
    const byField = await env.rt.services.publicCatalog.byField('ho-tich');
    assert.equal(await page.locator('h1').textContent(), 'Hộ tịch');
    assert.equal(await page.locator('.pc-proc-list li').count(), byField.items.length);

    await page.goto('/co-quan');
    const agency = page.locator('.pc-link-grid a').first();
    const href = (await agency.getAttribute('href')) ?? '';
    assert.match(href, /^\/thu-tuc-hanh-chinh\?agency=[0-9a-f-]{36}$/);
    await agency.click();
    await page.waitForURL((u) => u.searchParams.has('agency'));
    assert.ok((await resultLinks(page)).length > 0);

    await page.goto('/su-kien/khi-co-con-nho');
    assert.equal(await page.locator('h1').textContent(), 'Khi có con nhỏ');
    // Read-only pages come without the app's scripts (root.tsx useScripts).
    assert.equal(await page.locator('html[data-scripts="none"] script[type="module"]').count(), 0);
    assert.equal(await page.locator('html[data-scripts="none"]').count(), 1);
    assert.equal(await page.locator(`.pc-proc-list a[href="${birthPath}"]`).count(), 1);

    await page.goto('/huong-dan');
    const faq = page.locator('details.pc-faq').first();
    await faq.locator('summary').click();
    assert.equal(await faq.evaluate((d) => (d as HTMLDetailsElement).open), true);
    await page.goto('/huong-dan/tim-thu-tuc');
    assert.equal(await page.locator('h1').textContent(), 'Tìm thủ tục hành chính cần làm');
    assert.equal(await page.locator('html[data-scripts="none"]').count(), 1);
    assert.ok((await page.locator('.pc-prose li').count()) >= 3, 'lines starting with "- " form a list');
  });

  it('has no serious accessibility violations, and the procedure page fits 360 px', async () => {
    const page = await env.newPage();
    for (const path of [
      '/',
      '/thu-tuc-hanh-chinh?q=khai+sinh',
      '/linh-vuc',
      '/linh-vuc/ho-tich',
      birthPath,
      '/huong-dan',
    ]) {
      await page.goto(path);
      await hydrated(page);
      assert.deepEqual(await seriousA11yViolations(page), [], path);
    }
    // The search with its filters open, and the empty result.
    await page.goto('/thu-tuc-hanh-chinh?q=qxzqxz&field=ho-tich');
    await hydrated(page);
    assert.deepEqual(await seriousA11yViolations(page), [], 'empty search with filters');

    const phone = await env.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of [birthPath, '/', '/thu-tuc-hanh-chinh?q=khai+sinh&field=ho-tich', '/co-quan']) {
      await phone.goto(path);
      await hydrated(phone);
      assert.equal(await hasHorizontalScroll(phone), false, path);
    }
    assert.deepEqual(env.pageErrors, []);
  });
});
