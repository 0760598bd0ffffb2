import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

let env: BrowserEnv;
let citizen: { username: string; password: string };
let official: { username: string; password: string };

before(async () => {
  env = await startBrowserEnv();
  citizen = await createAccount(env.rt.database, { fullName: 'Nguyễn Thị Thu Hương Ngọc Lan Phương' });
  const agency = await createAgency(env.rt.database, {
    name: 'Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội',
  });
  official = await createOfficial(env.rt.database, agency.id, ['quan_tri_he_thong', 'can_bo_mot_cua']);
});
after(async () => env.close());

const PUBLIC_PAGES = [
  '/',
  '/dang-nhap',
  '/dang-ky',
  '/dang-ky?loai=to-chuc',
  '/quen-mat-khau',
  '/dat-lai-mat-khau?token=abcdefghijkl',
  '/xac-nhan-email?token=abcdefghijkl',
  '/tra-cuu-ho-so?ma=000.00.00.H29-250101-0001',
  '/khong-co',
  '/mot-cua/dang-nhap',
];

async function signedInPage(area: 'portal' | 'backoffice', width: number): Promise<Page> {
  const page = await env.newPage({ viewport: { width, height: 800 } });
  const who = area === 'portal' ? citizen : official;
  await page.goto(area === 'portal' ? '/dang-nhap' : '/mot-cua/dang-nhap');
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(area === 'portal' ? '**/tai-khoan' : '**/mot-cua');
  await page.getByTestId(area === 'portal' ? 'full-name' : 'roles').waitFor();
  return page;
}

describe('layout', () => {
  it('(g) no horizontal scrolling at 360 px, in Vietnamese and in English', async () => {
    const wide: string[] = [];
    for (const lang of ['vi', 'en']) {
      const page = await env.newPage({ viewport: { width: 360, height: 740 } });
      if (lang === 'en') await page.goto('/ngon-ngu?lang=en&next=/');
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        if (await hasHorizontalScroll(page)) wide.push(`${lang} ${path}`);
      }
    }
    const portal = await signedInPage('portal', 360);
    if (await hasHorizontalScroll(portal)) wide.push('/tai-khoan');
    const backOffice = await signedInPage('backoffice', 360);
    if (await hasHorizontalScroll(backOffice)) wide.push('/mot-cua');
    assert.deepEqual(wide, []);
  });

  it('(h) axe-core finds no serious or critical problems on the main pages', async () => {
    const problems: string[] = [];
    const report = async (page: Page, label: string) => {
      for (const v of await seriousA11yViolations(page))
        problems.push(
          `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    };
    const page = await env.newPage();
    for (const path of ['/', '/dang-nhap', '/dang-ky', '/mot-cua/dang-nhap', '/quen-mat-khau', '/khong-co']) {
      await page.goto(path);
      await report(page, path);
    }
    // A form with errors (summary, invalid fields) must pass too.
    await page.goto('/dang-ky');
    await hydrated(page);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('alert').first().waitFor();
    await report(page, '/dang-ky (errors)');
    await report(await signedInPage('portal', 1280), '/tai-khoan');
    await report(await signedInPage('backoffice', 1280), '/mot-cua');
    assert.deepEqual(problems, []);
  });

  it('has a skip link to the main landmark and the landmarks in place', async () => {
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
    assert.equal(await skip.getAttribute('href'), '#main-content');
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('contentinfo').count(), 1);
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
