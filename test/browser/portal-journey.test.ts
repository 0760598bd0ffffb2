import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hydrated, officialPage, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

/**
 * The whole online path across the two applications (issue 6, tests): a citizen submits on the
 * portal → the dossier is in the counter's "Chờ tiếp nhận" list → the counter accepts it → the
 * citizen sees "Được tiếp nhận", the code and a notice in "Hồ sơ của tôi".
 */

let env: BrowserEnv;
let o: DossierOffice;
let code = '';

before(async () => {
  // Workers on: the acceptance notice travels the real way (outbox → relay → pg-boss → notices).
  env = await startBrowserEnv({ WORKERS: 'true' });
  o = await dossierOffice(env.rt);
});
after(async () => env.close());

async function citizenPage(): Promise<Page> {
  const page = await env.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto('/dang-nhap');
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/tai-khoan');
  return page;
}

describe('online dossier from the portal to the counter and back', () => {
  it('the citizen submits online and gets the code with "Mới đăng ký"', async () => {
    const page = await citizenPage();
    await page.goto(`/nop-ho-so/${o.procedureCode}`);
    await hydrated(page);
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption('38');
    await page.getByRole('button', { name: 'Cập nhật danh sách xã, phường' }).first().click();
    await page.locator('#f-xa option[value="14797"]').waitFor({ state: 'attached' });
    await page.getByLabel('Xã, phường', { exact: true }).selectOption('14797');
    await page.getByLabel('Số nhà, đường, thôn, xóm', { exact: true }).fill('Số 5 đường Trần Phú');
    await page.getByLabel('Nội dung đề nghị').fill('Đề nghị cấp giấy phép qua mạng');
    await page.getByLabel(/Tôi xin cam đoan/).check();
    await page.getByRole('button', { name: 'Kiểm tra và nộp', exact: true }).click();
    await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByTestId('dossier-code').waitFor();
    code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    assert.equal((await page.getByTestId('dossier-status').textContent())?.trim(), 'Mới đăng ký');
  });

  it('the counter finds it in "Chờ tiếp nhận" and accepts it', async () => {
    const page = await officialPage(env, { username: o.usernames.counter, password: PASSWORD });
    await page.goto('/mot-cua/ho-so');
    await hydrated(page);
    await page
      .getByRole('link', { name: /Chờ tiếp nhận/ })
      .first()
      .click();
    const link = page.getByRole('link', { name: code });
    await link.waitFor();
    await link.click();
    await page.waitForURL((u) => /^\/mot-cua\/ho-so\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByTestId('dossier-code').filter({ hasText: code }).waitFor();
    assert.equal((await page.getByTestId('dossier-status').textContent())?.trim(), 'Mới đăng ký');
    // Accepting needs nothing more: one button.
    await page.getByTestId('actions').getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForURL((u) => u.searchParams.get('tb') === 'done');
    await page.getByRole('status').filter({ hasText: 'Đã thực hiện' }).waitFor();
    assert.equal((await page.getByTestId('dossier-status').textContent())?.trim(), 'Được tiếp nhận');
  });

  it('the citizen sees "Được tiếp nhận", the code and a notice in "Hồ sơ của tôi"', async () => {
    const page = await citizenPage();
    // The notice is written by a background job a moment after the acceptance.
    await env.rt.services.relay.nudge();
    for (let i = 0; i < 50; i++) {
      const n = await env.rt.database.db
        .selectFrom('notices')
        .select('id')
        .where('account_id', '=', o.ids.citizen)
        .executeTakeFirst();
      if (n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.goto('/ho-so-cua-toi');
    await hydrated(page);
    const item = page.getByTestId('my-dossiers').getByRole('listitem').filter({ hasText: code });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Được tiếp nhận/);
    const notices = (await page.getByTestId('notices').textContent()) ?? '';
    assert.ok(notices.includes(code), `a notice names ${code}: ${notices}`);
    await item.getByRole('link', { name: code }).click();
    await page.waitForURL((u) => /^\/ho-so-cua-toi\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Được tiếp nhận/);
    assert.deepEqual(env.pageErrors, []);
  });
});
