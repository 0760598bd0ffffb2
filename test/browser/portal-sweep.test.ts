import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { fullContent } from '../support/procedure-admin.ts';

/**
 * Every page of the citizen portal (issue 6, quality bar): in Vietnamese and in English, at 360 px,
 * as the browser renders it with JavaScript and as the server sends it to a browser without
 * JavaScript (the same document with its scripts removed, so that axe can still look at it), with no
 * serious or critical axe-core violation and no horizontal scrolling. Also: an organisation applies
 * online with the portal's own pages.
 */

let env: BrowserEnv;
let o: DossierOffice;
let publicPages: string[] = [];
let citizenPages: string[] = [];

before(async () => {
  env = await startBrowserEnv();
  // A complete published record, so that the procedure's catalog page is part of the sweep.
  const {
    name: _name,
    fieldCode: _field,
    ...content
  } = fullContent({
    channels: [
      { channel: 'counter', deadline: { value: 5, unit: 'working_days' }, free: true, fees: [] },
      { channel: 'online', deadline: { value: 5, unit: 'working_days' }, free: true, fees: [] },
    ],
  });
  o = await dossierOffice(env.rt, { content });
  const mine = await o.submit();
  const received = await o.receive({
    applicant: { kind: 'citizen', idNumber: '001099000777', fullName: 'Lê Thị Hoa', phone: '0987654321' },
  });
  const slug = (await env.rt.services.publicCatalog.get(o.procedureCode)).slug;
  const signed = new URL(env.rt.services.dossiers.trackingUrl(received.code)).pathname;
  const proc = await env.rt.database.db
    .selectFrom('procedures')
    .select('field_code')
    .where('code', '=', o.procedureCode)
    .executeTakeFirst();
  publicPages = [
    '/',
    '/dang-nhap',
    '/dang-ky',
    '/dang-ky?loai=to-chuc',
    '/quen-mat-khau',
    '/thu-tuc-hanh-chinh',
    '/thu-tuc-hanh-chinh?q=giay phep',
    '/thu-tuc-hanh-chinh?onlineLevel=full',
    `/thu-tuc-hanh-chinh/${slug}`,
    '/linh-vuc',
    ...(proc?.field_code ? [`/linh-vuc/${proc.field_code}`] : []),
    '/co-quan',
    '/huong-dan',
    '/tra-cuu-ho-so',
    `/tra-cuu-ho-so?ma=${encodeURIComponent(received.code)}&sdt=0987654321&cccd=`,
    `/tra-cuu-ho-so?ma=${encodeURIComponent(received.code)}&sdt=0900000000&cccd=`,
    signed,
    `/nop-ho-so/${o.procedureCode}`,
    '/khong-co',
  ];
  citizenPages = [
    '/tai-khoan',
    '/ho-so-cua-toi',
    `/ho-so-cua-toi/${mine.id}`,
    `/nop-ho-so/${o.procedureCode}`,
    '/kho-du-lieu',
  ];
});
after(async () => env.close());

async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/tai-khoan');
}

/** From now on the page receives documents without their scripts: what a browser without JavaScript shows. */
async function withoutScripts(page: Page) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const html = (await res.text())
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
    return route.fulfill({ response: res, body: html });
  });
}

async function sweep(page: Page, paths: readonly string[], label: string, js: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const res = await page.goto(path);
    const status = res?.status() ?? 0;
    if (status >= 500) problems.push(`${label} ${path}: HTTP ${status}`);
    if (js && path !== '/khong-co' && status < 400) await hydrated(page);
    await page.locator('h1').first().waitFor();
    if (!js && (await page.locator('html[data-hydrated]').count()))
      problems.push(`${label} ${path}: scripts ran although the variant has none`);
    for (const v of await seriousA11yViolations(page))
      problems.push(
        `${label} ${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    if (await hasHorizontalScroll(page)) problems.push(`${label} ${path}: wider than 360 px`);
  }
  return problems;
}

// English pages share their markup with the Vietnamese ones; one English variant covers their text.
const VARIANTS = [
  ['vi', true],
  ['vi', false],
  ['en', true],
] as const;
for (const [lang, js] of VARIANTS) {
  const label = `${lang}, ${js ? 'with' : 'without'} JavaScript`;
  describe(`portal pages, ${label}`, () => {
    it('pass axe-core with no serious or critical violation and fit 360 px', async () => {
      const page = await env.newPage({ viewport: { width: 360, height: 800 } });
      if (lang === 'en') await page.goto('/ngon-ngu?lang=en&next=/');
      const problems: string[] = [];
      if (!js) await withoutScripts(page);
      problems.push(...(await sweep(page, publicPages, label, js)));
      const signedIn = await env.newPage({ viewport: { width: 360, height: 800 } });
      await signIn(signedIn, o.usernames.citizen);
      if (lang === 'en') await signedIn.goto('/ngon-ngu?lang=en&next=/');
      if (!js) await withoutScripts(signedIn);
      problems.push(...(await sweep(signedIn, citizenPages, `${label}, signed in`, js)));
      assert.deepEqual(problems, []);
    });
  });
}

describe('an organisation applies online', () => {
  it('signs in, finds its representative and phone prefilled, submits without JavaScript', async () => {
    const org = await createAccount(env.rt.database, { kind: 'organisation', fullName: 'Phạm Văn Đức' });
    await env.rt.database.db
      .updateTable('accounts')
      .set({ org_name: 'Công ty TNHH Ánh Dương', tax_code: '0101234567', phone: '0243123456' })
      .where('id', '=', org.id)
      .execute();
    const page = await env.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(org.username);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/tai-khoan');
    await page.goto(`/nop-ho-so/${o.procedureCode}`);
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Phạm Văn Đức');
    assert.equal(await page.getByLabel('Số điện thoại', { exact: true }).inputValue(), '0243123456');
    const press = async (name: string) =>
      Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name, exact: true }).first().click(),
      ]);
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('001085000123');
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption('38');
    await press('Cập nhật danh sách xã, phường');
    await page.getByLabel('Xã, phường', { exact: true }).selectOption('14797');
    await page.getByLabel('Số nhà, đường, thôn, xóm', { exact: true }).fill('Số 9 đường Lê Lai');
    await page.getByLabel('Nội dung đề nghị').fill('Đề nghị cấp phép cho công ty');
    await page.getByLabel(/Tôi xin cam đoan/).check();
    await press('Kiểm tra và nộp');
    await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
    await press('Nộp hồ sơ');
    const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    const row = await env.rt.database.db
      .selectFrom('dossiers')
      .select(['applicant_kind', 'applicant_name', 'applicant_account_id', 'status'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      applicant_kind: 'organisation',
      applicant_name: 'Phạm Văn Đức',
      applicant_account_id: org.id,
      status: 'moi_dang_ky',
    });
    await page.goto('/ho-so-cua-toi');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(code.replace(/\./g, '\\.')));
  });
});

describe('portal sweep', () => {
  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
