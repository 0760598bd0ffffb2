import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';

// Public dossier tracking on the portal (TT 22/2019 III.12.1, II.19.1–19.2): a GET form with the code
// and one second factor, with and without JavaScript; the signed link of the receipt's QR code; one
// neutral answer for a wrong code or factor; the lookup budget per client address.
let env: BrowserEnv;
let o: DossierOffice;
let code = '';
let signedPath = '';
const PHONE = '0912345678';
const NOT_FOUND = 'Không tìm thấy hồ sơ với thông tin đã nhập.';
const DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;

before(async () => {
  env = await startBrowserEnv({ PUBLIC_URL: 'https://dichvucong.example.vn' });
  o = await dossierOffice(env.rt);
  // Received at the counter, then sent on to the department: "Đang xử lý" with its Annex I lines.
  let d = await o.receive();
  d = await o.must(o.counter, d.id, {
    action: 'move',
    rowVersion: d.rowVersion,
    transitionId: o.arrow(d, 'forward'),
  });
  code = d.code;
  signedPath = new URL(env.rt.services.dossiers.trackingUrl(code)).pathname;
});
after(async () => env.close());

const form = (page: Page) => page.locator('form.tk-form');

/** Fills the form and sends it; returns the response of the document (no JS) or of the data request (JS). */
async function lookUp(page: Page, values: { ma?: string; sdt?: string; cccd?: string }): Promise<Response> {
  const f = form(page);
  if (values.ma !== undefined) await f.getByLabel('Mã hồ sơ').fill(values.ma);
  await f.getByLabel('Số điện thoại').fill(values.sdt ?? '');
  await f.getByLabel('Số giấy tờ tùy thân hoặc mã số thuế').fill(values.cccd ?? '');
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).searchParams.has('sdt')),
    f.getByRole('button', { name: 'Tra cứu' }).click(),
  ]);
  await page.waitForURL((u) => u.searchParams.has('sdt'));
  return res;
}

/** Checks the answer on screen: code, status badge, Annex I lines, the dates, the steps passed. */
async function assertFound(page: Page, status = 'Đang xử lý') {
  const result = page.getByTestId('tracking-result');
  await result.waitFor();
  assert.match(
    (await result.getByRole('heading', { level: 2 }).textContent()) ?? '',
    new RegExp(code.replace(/\./g, '\\.')),
  );
  assert.equal((await page.getByTestId('tracking-status').textContent())?.trim(), status);
  const annex = (await page.getByTestId('annex-lines').textContent()) ?? '';
  assert.match(annex, /Cơ quan có thẩm quyền giải quyết/);
  assert.match(annex, /Vị trí hiện tại/);
  for (const id of ['submitted', 'received', 'appointment'])
    assert.match((await page.getByTestId(id).textContent())?.trim() ?? '', DATE_TIME, id);
  const steps = page.getByTestId('tracking-history').getByRole('listitem');
  assert.ok((await steps.count()) >= 2, 'receipt and forwarding are listed');
  assert.match((await steps.first().textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} /);
  // Nothing private: neither the applicant's name nor the identity number is shown.
  const text = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(text, /Trần Thị Bình/);
}

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';
  describe(`portal tracking ${mode}`, () => {
    it('looks a dossier up by its code and the phone number, then by the identity number', async () => {
      const page = await env.newPage({ javaScriptEnabled: js });
      // The home page's box sends the code alone: it only fills in the form.
      const first = await page.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
      assert.equal(first?.status(), 200);
      if (js) await hydrated(page);
      assert.equal(await form(page).getByLabel('Mã hồ sơ').inputValue(), code);
      assert.equal(await page.locator('.error-summary').count(), 0);
      assert.equal(await page.getByTestId('tracking-not-found').count(), 0);

      const res = await lookUp(page, { sdt: PHONE });
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['cache-control'], 'no-store');
      await assertFound(page);
      if (js) {
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'tk-result-title',
          'the answer gets the focus',
        );
      }

      const again = await lookUp(page, { ma: code.toLowerCase(), cccd: o.citizenIdNumber });
      assert.equal(again.status(), 200);
      await assertFound(page);
      assert.equal(new URL(page.url()).searchParams.get('cccd'), o.citizenIdNumber);
    });

    it('answers a wrong factor and an unknown code with the same neutral message; names the field in error', async () => {
      const page = await env.newPage({ javaScriptEnabled: js });
      await page.goto('/tra-cuu-ho-so');
      if (js) await hydrated(page);
      const wrong = await lookUp(page, { ma: code, sdt: '0987654321' });
      assert.equal(wrong.status(), 404);
      assert.equal(wrong.headers()['cache-control'], 'no-store');
      await page.getByTestId('tracking-not-found').waitFor();
      const message = await page.getByTestId('tracking-not-found').textContent();
      assert.equal(message, NOT_FOUND);
      assert.equal(await page.getByTestId('tracking-result').count(), 0);
      const afterWrong = await page.locator('main').textContent();

      const unknown = code.replace(/-\d{4}$/, '-9998');
      const miss = await lookUp(page, { ma: unknown, sdt: PHONE });
      assert.equal(miss.status(), 404);
      await page.waitForFunction(
        (c) => document.querySelector<HTMLInputElement>('#f-ma')?.value === c,
        unknown,
      );
      assert.equal(await page.getByTestId('tracking-not-found').textContent(), NOT_FOUND);
      // The whole answer is the same (what was typed is in the inputs, not in the text).
      assert.equal(await page.locator('main').textContent(), afterWrong);

      // No second factor: the error names the field, and what was typed stays.
      const missing = await lookUp(page, { ma: code });
      assert.equal(missing.status(), 400);
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.match(
        (await summary.textContent()) ?? '',
        /Nhập số điện thoại hoặc số giấy tờ tùy thân của người nộp hồ sơ/,
      );
      assert.equal(await form(page).getByLabel('Mã hồ sơ').inputValue(), code);
      // A malformed phone and code: each field says what is wrong and keeps the text.
      await lookUp(page, { ma: 'ABC-1', sdt: '09-12' });
      await page.waitForFunction(() => document.querySelectorAll('.field-message').length === 2);
      assert.equal(await form(page).getByLabel('Mã hồ sơ').inputValue(), 'ABC-1');
      assert.equal(await form(page).getByLabel('Số điện thoại').inputValue(), '09-12');
      assert.equal(await form(page).getByLabel('Mã hồ sơ').getAttribute('aria-invalid'), 'true');
      const errors = await page.locator('.field-message').allTextContents();
      assert.match(errors[0] ?? '', /Mã hồ sơ không đúng định dạng/);
      assert.match(errors[1] ?? '', /Số điện thoại không đúng định dạng/);
    });

    it('opens the signed link of the receipt without a second factor; a tampered link says nothing more', async () => {
      const page = await env.newPage({ javaScriptEnabled: js });
      const res = await page.goto(signedPath);
      assert.equal(res?.status(), 200);
      assert.equal(res?.headers()['cache-control'], 'no-store');
      if (js) await hydrated(page);
      await assertFound(page);
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');

      const token = signedPath.split('/').at(-1) ?? '';
      const tampered = signedPath.replace(
        /[^/]+$/,
        `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      );
      const bad = await page.goto(tampered);
      assert.equal(bad?.status(), 404);
      assert.equal(await page.getByTestId('tracking-result').count(), 0);
      assert.match((await page.getByTestId('tracking-not-found').textContent()) ?? '', /không đúng/);
      // The form is there to type the second factor instead, with the code filled in.
      assert.equal(await form(page).getByLabel('Mã hồ sơ').inputValue(), code);
    });
  });
}

describe('portal tracking: accessibility, phones, English, lookup budget', () => {
  it('passes axe and does not scroll sideways at 360 px, in Vietnamese and in English', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await env.newPage({ viewport: { width: 360, height: 740 } });
      if (lang === 'en') await page.goto('/ngon-ngu?lang=en&next=/tra-cuu-ho-so');
      const q = encodeURIComponent(code);
      for (const path of [
        '/tra-cuu-ho-so',
        signedPath,
        `/tra-cuu-ho-so?ma=${q}&sdt=0987654321&cccd=`,
        `/tra-cuu-ho-so?ma=&sdt=12&cccd=`,
      ]) {
        await page.goto(path);
        await hydrated(page);
        assert.equal(await hasHorizontalScroll(page), false, `${lang} ${path}`);
        const violations = await seriousA11yViolations(page);
        assert.deepEqual(
          violations.map(
            (v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
          [],
          `${lang} ${path}`,
        );
      }
    }
  });

  it('renders in English, the Vietnamese data marked as such', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto(`/ngon-ngu?lang=en&next=${encodeURIComponent(signedPath)}`);
    await page.waitForURL((u) => u.pathname === signedPath);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('h1').textContent(), 'Track an application');
    assert.equal((await page.getByTestId('tracking-status').textContent())?.trim(), 'Being processed');
    assert.equal(await page.getByTestId('annex-lines').getAttribute('lang'), 'vi');
    assert.ok(await page.getByLabel('Application code').count());
    assert.ok(await page.getByLabel('Phone number').count());
    assert.ok(await page.getByRole('heading', { name: 'Steps taken' }).count());
    assert.equal(env.pageErrors.length, 0, env.pageErrors.join('\n'));
  });

  it('spends at most 30 lookups a minute per client address, then answers 429 without looking', async () => {
    const page = await env.newPage();
    const url = `/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&sdt=0900000001&cccd=`;
    let limited: Awaited<ReturnType<typeof page.request.get>> | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await page.request.get(url);
      if (res.status() === 429) limited = res;
      else assert.equal(res.status(), 404);
    }
    assert.ok(limited, 'the budget ran out');
    assert.ok(Number(limited.headers()['retry-after']) > 0);
    assert.equal(limited.headers()['cache-control'], 'no-store');
    assert.match(await limited.text(), /Bạn đã tra cứu quá nhiều lần/);
    // The right answer is refused too while the budget is spent: guessing gains nothing.
    const right = await page.request.get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&sdt=${PHONE}&cccd=`);
    assert.equal(right.status(), 429);
    // The API shares the budget: switching from the page to the API gains nothing either.
    const api = await page.request.get(`/api/public/dossiers/${encodeURIComponent(code)}?phone=${PHONE}`);
    assert.equal(api.status(), 429);
    // The form itself (no lookup) still opens.
    assert.equal((await page.request.get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`)).status(), 200);
  });
});
