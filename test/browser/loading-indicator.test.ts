import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createAccount } from '../support/factories.ts';
import { hydrated, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// Annex V.6: one processing signal, the same everywhere. A slowed-down submission must show it in the
// busy button and in the page-wide bar, with the same markup, and it must go away when done.
let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => env.close());

it('shows the one loading indicator in the button and the page bar while a form is processed', async () => {
  const acc = await createAccount(env.rt.database);
  const page = await env.newPage();
  await page.goto('/dang-nhap');
  await hydrated(page);
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/*.data*', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.username);
  await page.getByLabel('Mật khẩu').fill(acc.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  const inButton = page.locator('button[aria-busy="true"] .loading[role="status"]');
  const inBar = page.locator('.global-loading .loading[role="status"]');
  await inButton.waitFor();
  await inBar.waitFor();
  assert.equal(await inButton.locator('.loading-spinner').count(), 1);
  assert.equal(await inBar.locator('.loading-spinner').count(), 1);
  assert.equal(await inButton.locator('.loading-label').textContent(), await inBar.locator('.loading-label').textContent());
  assert.match((await inBar.textContent()) ?? '', /Đang xử lý/);

  release();
  await page.waitForURL('**/tai-khoan');
  await page.locator('.global-loading').waitFor({ state: 'detached' });
  assert.deepEqual(env.pageErrors, []);
});
