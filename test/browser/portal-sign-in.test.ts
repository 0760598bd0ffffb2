import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../support/factories.ts';
import { hydrated, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// Every sign-in here succeeds: failures (which make the captcha appear for this address) are in sign-in-failures.test.ts.
let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => env.close());

describe('portal sign-in', () => {
  it('(a) a citizen signs in with JavaScript, sees their name, and signs out', async () => {
    const acc = await createAccount(env.rt.database, { fullName: 'Trần Thị Bình' });
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    await hydrated(page);
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.username);
    await page.getByLabel('Mật khẩu').fill(acc.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/tai-khoan');
    assert.equal(await page.getByTestId('full-name').textContent(), 'Trần Thị Bình');
    assert.match((await page.locator('header').textContent()) ?? '', /Đã đăng nhập: Trần Thị Bình/);
    // Client-side navigation after sign-in: the session cookie and the new CSRF token are in use.
    await page.getByRole('banner').getByRole('link', { name: 'Trang chủ' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    // With client-side navigation the URL can change a moment before the new page is on screen.
    await page.getByText('Xin chào Trần Thị Bình', { exact: false }).waitFor();

    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/dang-nhap?tb=signed-out');
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).count(), 1);
    const cookies = await page.context().cookies();
    assert.equal(
      cookies.find((c) => c.name === 'dvc_sid'),
      undefined,
    );
    const revoked = await env.rt.database.db
      .selectFrom('sessions')
      .select('revoked_reason')
      .where('account_id', '=', acc.id)
      .execute();
    assert.deepEqual(
      revoked.map((r) => r.revoked_reason),
      ['sign_out'],
    );
  });

  it('(c) the same sign-in works with JavaScript disabled (Post/Redirect/Get)', async () => {
    const acc = await createAccount(env.rt.database, { fullName: 'Lê Văn Cường' });
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/tai-khoan');
    await page.waitForURL('**/dang-nhap?next=%2Ftai-khoan');
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.email);
    await page.getByLabel('Mật khẩu').fill(acc.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/tai-khoan');
    assert.equal(await page.getByTestId('full-name').textContent(), 'Lê Văn Cường');
    // Sessions list with dates as DD/MM/YYYY HH:mm:ss, and sign-out by POST form.
    assert.match(
      (await page.locator('.session').first().textContent()) ?? '',
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/,
    );
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/dang-nhap?tb=signed-out');
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).count(), 1);
  });

  it('(e) a POST without the _csrf field, or with a forged one, is refused with 403 before the action runs', async () => {
    const acc = await createAccount(env.rt.database);
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    const missing = await page.request.post('/dang-nhap', {
      form: { username: acc.username, password: acc.password },
    });
    assert.equal(missing.status(), 403);
    assert.match(await missing.text(), /Phiên làm việc không hợp lệ/);
    const forged = await page.request.post('/dang-nhap', {
      form: { _csrf: 'forged-token', username: acc.username, password: acc.password },
    });
    assert.equal(forged.status(), 403);
    const data = await page.request.post('/dang-nhap.data', {
      form: { username: acc.username, password: acc.password },
    });
    assert.equal(data.status(), 403);
    assert.equal(
      (await page.context().cookies()).find((c) => c.name === 'dvc_sid'),
      undefined,
    );
    const sessions = await env.rt.database.db
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', acc.id)
      .execute();
    assert.equal(sessions.length, 0);
  });

  it('(f) the language switch changes the text and <html lang>, without JavaScript too', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await env.newPage({ javaScriptEnabled });
      await page.goto('/dang-nhap');
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Đăng nhập');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/dang-nhap');
      await page.locator('html[lang="en"]').waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');
      assert.equal(await page.getByRole('link', { name: 'Public Service Portal' }).count(), 1);
      assert.equal(await page.title(), 'Sign in | Public Service Portal');
      await page.getByRole('link', { name: 'Tiếng Việt' }).click();
      await page.locator('html[lang="vi"]').waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Đăng nhập');
    }
  });

  it('shows Vietnamese 404 pages in the portal frame', async () => {
    const page = await env.newPage();
    const res = await page.goto('/khong-co-trang-nay');
    assert.equal(res?.status(), 404);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Không tìm thấy trang');
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count(), 1);
  });

  it('logged no page errors (hydration included)', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
