import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../support/factories.ts';
import { hydrated, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// After CAPTCHA_AFTER_FAILURES (2) failed sign-ins from this address, every sign-in needs the captcha.
let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv({ CAPTCHA_AFTER_FAILURES: '2', LOGIN_MAX_FAILURES: '10' });
});
after(async () => env.close());

describe('failed sign-in', () => {
  it('(d) a wrong password shows the Vietnamese error next to the field and in the summary, and keeps the username', async () => {
    const acc = await createAccount(env.rt.database);
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.username);
    await page.getByLabel('Mật khẩu').fill('SaiMatKhau1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Tên đăng nhập hoặc thư điện tử').inputValue(), acc.username);
    assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '');
    // The message sits with the password field, which is marked invalid and described by it.
    const field = page.locator('.field', { has: page.locator('#f-password') });
    assert.match(
      (await field.locator('.field-message').textContent()) ?? '',
      /Tên đăng nhập hoặc mật khẩu không đúng/,
    );
    assert.equal(await page.locator('#f-password').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#f-password').getAttribute('aria-describedby'), 'f-password-error');
    // The summary at the top links to the field.
    const link = page
      .getByRole('alert')
      .getByRole('link', { name: 'Tên đăng nhập hoặc mật khẩu không đúng' });
    assert.equal(await link.getAttribute('href'), '#f-password');
  });

  it('with JavaScript, the error appears without a reload and an empty form names each missing field', async () => {
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    await hydrated(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Tên đăng nhập là bắt buộc/);
    assert.match((await summary.textContent()) ?? '', /Mật khẩu là bắt buộc/);
    // Focus moves to the summary so screen readers announce it.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
  });

  it('after failures the captcha is required: without JavaScript a question is asked instead', async () => {
    const acc = await createAccount(env.rt.database, { fullName: 'Đỗ Văn Khoa' });
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.username);
    await page.getByLabel('Mật khẩu').fill('SaiMatKhau2');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Kiểm tra chống spam', { exact: true }).waitFor();
    assert.equal(await page.getByText('vui lòng trả lời câu hỏi dưới đây', { exact: false }).isVisible(), true);
    // A wrong answer: refused with the captcha message, nothing typed is lost, a new question is asked.
    await page.getByLabel('Mật khẩu').fill(acc.password);
    await page.getByLabel(/cộng .* bằng bao nhiêu/).fill('999');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /chống spam/);
    assert.equal(await page.getByLabel('Tên đăng nhập hoặc thư điện tử').inputValue(), acc.username);
    // The right answer signs in.
    const question = page.getByLabel(/cộng .* bằng bao nhiêu/);
    await page.getByLabel('Mật khẩu').fill(acc.password);
    await question.fill(String(answer((await page.locator('label[for$="-answer"]').textContent()) ?? '')));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/tai-khoan');
    assert.equal(await page.getByTestId('full-name').textContent(), 'Đỗ Văn Khoa');
  });

  it('with JavaScript the browser solves the proof-of-work captcha by itself and the sign-in succeeds', async () => {
    const acc = await createAccount(env.rt.database, { fullName: 'Phạm Thị Dung' });
    // Two failures from this address first (the previous test's success cleared its count).
    const other = await createAccount(env.rt.database);
    for (let i = 0; i < 2; i++) await env.rt.services.accounts.signIn({ username: other.username, password: 'Sai1234567' }, { ip: '127.0.0.1', userAgent: null }).catch(() => undefined);
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    await hydrated(page);
    await page.getByText('Đã kiểm tra xong, bạn có thể gửi.').waitFor();
    assert.equal(
      await page.getByText('vui lòng trả lời câu hỏi dưới đây', { exact: false }).count(),
      0,
    );
    assert.notEqual(await page.locator('input[name="captcha"]').inputValue(), '');
    await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(acc.username);
    await page.getByLabel('Mật khẩu').fill(acc.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/tai-khoan');
    assert.equal(await page.getByTestId('full-name').textContent(), 'Phạm Thị Dung');
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});

const WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
/** Reads "bảy cộng năm bằng bao nhiêu?" as a person would. */
function answer(question: string): number {
  const m = /^\s*(\S+) cộng (\S+) bằng/.exec(question);
  const a = WORDS.indexOf(m?.[1]?.toLowerCase() ?? '');
  const b = WORDS.indexOf(m?.[2]?.toLowerCase() ?? '');
  assert.ok(a >= 0 && b >= 0, `unexpected question: ${question}`);
  return a + b;
}
