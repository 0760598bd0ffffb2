import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import { downloadedPdf, pdfText } from '../support/pdf-text.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';

// The filled e-form as PDF (III.1.3, II.12.2) from the pages: the applicant's and the official's link
// downloads it (with and without JavaScript), other people get 404/403, the form before submitting is
// posted with its CSRF token; the dossier page prints without the site's chrome.
let env: BrowserEnv;
let o: DossierOffice;
let d: DossierDetail;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-pdf-browser-'));

before(async () => {
  env = await startBrowserEnv({ MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  d = await o.submit();
});
after(async () => {
  await env.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function signedIn(username: string, next: string, js = true): Promise<Page> {
  const page = await env.newPage({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === next);
  // The URL changes a moment before the new page is on screen (its CSRF token among it).
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ state: 'detached' });
  return page;
}

/** Clicks the link "Tải tờ khai (PDF)" and returns the downloaded file's name and text. */
const download = (page: Page, name: string) =>
  downloadedPdf(page, () => page.getByRole('link', { name: 'Tải tờ khai (PDF)' }).click(), scratch, name);

describe('the e-form as PDF from the pages', () => {
  for (const js of [false, true]) {
    it(`the applicant downloads their dossier's form ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await signedIn(o.usernames.citizen, `/ho-so-cua-toi/${d.id}`, js);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const got = await download(page, `citizen-${js}.pdf`);
      assert.equal(got.fileName, `to-khai-${d.code}.pdf`);
      assert.match(got.text, /Họ và tên: Trần Thị Bình/);
      assert.match(got.text, /Tỉnh, thành phố: Tỉnh Thanh Hóa/);
      assert.match(got.text, /Xã, phường: Phường Hạc Thành/);
      assert.match(got.text, new RegExp(`Mã hồ sơ: ${d.code.replace(/\./g, '\\.')}`));
      if (!js) return;
      const res = await page.request.get(`/ho-so-cua-toi/${d.id}/to-khai.pdf`);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/pdf');
      assert.equal(res.headers()['content-disposition'], `attachment; filename="to-khai-${d.code}.pdf"`);
      assert.equal(res.headers()['cache-control'], 'private, no-store');
      assert.deepEqual(await seriousA11yViolations(page), []);
      await page.setViewportSize({ width: 360, height: 800 });
      assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
      // Printed (Ctrl+P), the page is the dossier only: no header, footer, links to other pages or forms.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false);
      assert.equal(await page.locator('.site-footer').isVisible(), false);
      assert.equal(await page.getByTestId('form-pdf').isVisible(), false);
      assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), true);
      assert.equal(await page.getByTestId('my-status').isVisible(), true);
      const colour = await page.locator('body').evaluate((b) => getComputedStyle(b).color);
      assert.equal(colour, 'rgb(0, 0, 0)');
    });
  }

  it('another applicant gets 404, a visitor is sent to sign in', async () => {
    const other = await createAccount(env.rt.database, { kind: 'citizen' });
    const page = await signedIn(other.username, '/ho-so-cua-toi');
    assert.equal((await page.request.get(`/ho-so-cua-toi/${d.id}/to-khai.pdf`)).status(), 404);
    assert.equal((await page.request.get('/ho-so-cua-toi/khong-phai-uuid/to-khai.pdf')).status(), 404);
    const visitor = await env.newPage();
    const res = await visitor.request.get(`/ho-so-cua-toi/${d.id}/to-khai.pdf`, { maxRedirects: 0 });
    assert.equal(res.status(), 302);
    assert.match(res.headers().location ?? '', /^\/dang-nhap\?next=/);
  });

  it('an official who may read the dossier downloads it from its page; one outside the partition gets 403', async () => {
    const page = await officialPage(env, { username: o.usernames.counter, password: PASSWORD });
    await page.goto(`/mot-cua/ho-so/${d.id}`);
    await hydrated(page);
    const got = await download(page, 'official.pdf');
    assert.equal(got.fileName, `to-khai-${d.code}.pdf`);
    assert.match(got.text, /Họ và tên: Trần Thị Bình/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    const outsider = await officialPage(env, { username: o.usernames.outsider, password: PASSWORD });
    assert.equal((await outsider.request.get(`/mot-cua/ho-so/${d.id}/to-khai.pdf`)).status(), 403);
  });

  it('prints the form being filled in before submitting, with the CSRF token only', async () => {
    const page = await signedIn(o.usernames.citizen, `/ho-so-cua-toi/${d.id}`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const url = `/nop-ho-so/${o.procedureCode}/to-khai.pdf`;
    const values = {
      agencyId: o.agency.id,
      hoTen: 'Đinh Văn Lịch',
      ngaySinh: '1988-04-09',
      tinh: '01',
      xa: '00004',
      noiDung: 'Xin cấp lại giấy phép',
      camDoan: 'on',
    };
    const res = await page.request.post(url, { form: { _csrf: csrf, ...values } });
    assert.equal(res.status(), 200);
    assert.equal(
      res.headers()['content-disposition'],
      `attachment; filename="to-khai-${o.procedureCode}.pdf"`,
    );
    const path = join(scratch, 'draft.pdf');
    writeFileSync(path, await res.body());
    const text = pdfText(path);
    assert.match(text, /\(Bản khai chưa nộp\)/);
    assert.match(text, /Họ và tên: Đinh Văn Lịch/);
    assert.match(text, /Ngày sinh: 09\/04\/1988/);
    assert.match(text, /Xã, phường: Phường Ba Đình/);
    assert.match(text, /Tôi xin cam đoan những thông tin khai trên là đúng sự thật: Có/);
    assert.match(text, /Số điện thoại: ……/);

    assert.equal((await page.request.post(url, { form: values })).status(), 403, 'no CSRF token');
    const get = await page.request.get(url, { maxRedirects: 0 });
    assert.equal(get.status(), 302);
    assert.equal(get.headers().location, `/nop-ho-so/${o.procedureCode}`);
  });
});
