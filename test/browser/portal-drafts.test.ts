import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  hasHorizontalScroll,
  hydrated,
  press,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

// Drafts (III.1.3, issue 6) and changing a dossier before receipt, with and without JavaScript: the
// citizen fills half the form and saves a draft, leaves, comes back from "Hồ sơ của tôi", continues
// and submits (the draft is gone); then changes the submitted dossier and sees the new value on its
// page, and the counter sees it too. axe and 360 px on every page touched.
let env: BrowserEnv;
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/;

before(async () => {
  env = await startBrowserEnv({ MAX_SESSIONS_PER_ACCOUNT: '20' });
});
after(async () => env.close());

/** Follows a link and waits for the new page's heading. */
async function follow(page: Page, name: string | RegExp, heading: string | RegExp, js: boolean) {
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  if (js) await hydrated(page);
}

async function assertClean(page: Page, what: string, js: boolean) {
  if (!js) return;
  assert.deepEqual(await seriousA11yViolations(page), [], `${what}: axe`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await hasHorizontalScroll(page), false, `${what}: no horizontal scroll at 360 px`);
  if (size) await page.setViewportSize(size);
}

async function signIn(o: DossierOffice, js: boolean, next: string): Promise<Page> {
  const page = await env.newPage({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === next);
  if (js) await hydrated(page);
  return page;
}

const draftsOf = (accountUsername: string) =>
  env.rt.database.db
    .selectFrom('dossier_drafts as d')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['d.id', 'd.version', 'd.form_values'])
    .where('a.username', '=', accountUsername)
    .execute();

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';
  describe(`drafts and change before receipt ${mode}`, () => {
    it('saves a draft, resumes it from my dossiers, submits, then changes the dossier', async () => {
      const o = await dossierOffice(env.rt);
      const path = `/nop-ho-so/${o.procedureCode}`;
      const page = await signIn(o, js, path);

      // Half the form: what is asked, not yet where.
      await page.getByLabel('Nội dung đề nghị').fill('Xin cấp giấy phép, còn dở');
      await press(page, 'Lưu nháp', js);
      const saved = page.getByTestId('draft-saved');
      await saved.waitFor();
      assert.match((await saved.textContent()) ?? '', new RegExp(`Đã lưu bản nháp lúc ${DATE_TIME.source}`));
      const url = new URL(page.url());
      const id = url.searchParams.get('nhap');
      assert.ok(id, 'the address carries the draft');
      assert.equal(await page.getByLabel('Nội dung đề nghị').inputValue(), 'Xin cấp giấy phép, còn dở');
      await assertClean(page, 'form with a saved draft', js);

      // A second save updates the same draft (no validation needed: the commune is still empty).
      await page.getByLabel('Nội dung đề nghị').fill('Xin cấp giấy phép xây dựng');
      await press(page, 'Lưu nháp', js);
      await page.getByTestId('draft-saved').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('nhap'), id);
      let drafts = await draftsOf(o.usernames.citizen);
      assert.equal(drafts.length, 1);
      assert.equal(drafts[0]?.version, 2);
      assert.equal(drafts[0]?.form_values.noiDung, 'Xin cấp giấy phép xây dựng');

      // Leave, then come back from "Hồ sơ của tôi".
      await page.goto('/');
      await page.goto('/ho-so-cua-toi');
      if (js) await hydrated(page);
      const listed = page.getByTestId('drafts');
      await listed.waitFor();
      assert.match((await listed.textContent()) ?? '', new RegExp(o.procedureCode.replace('.', '\\.')));
      assert.match((await listed.textContent()) ?? '', DATE_TIME);
      await assertClean(page, 'my dossiers with a draft', js);
      await follow(page, /^Tiếp tục bản nháp/, 'Nộp hồ sơ trực tuyến', js);
      assert.equal(new URL(page.url()).searchParams.get('nhap'), id);
      assert.equal(await page.getByLabel('Nội dung đề nghị').inputValue(), 'Xin cấp giấy phép xây dựng');
      assert.match((await page.locator('main').textContent()) ?? '', /Bạn đang tiếp tục bản nháp lưu lúc/);

      // Finish and submit.
      await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption('38');
      await press(page, 'Cập nhật danh sách xã, phường', js);
      await page.getByLabel('Xã, phường', { exact: true }).selectOption('14797');
      await page.getByLabel('Số nhà, đường, thôn, xóm', { exact: true }).fill('Số 5 đường Trần Phú');
      await page.getByLabel(/Tôi xin cam đoan/).check();
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      await press(page, 'Nộp hồ sơ', js);
      await page.getByTestId('dossier-code').waitFor();
      const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
      drafts = await draftsOf(o.usernames.citizen);
      assert.equal(drafts.length, 0, 'the submission deleted its draft');

      // Change the dossier before the counter receives it.
      await page.goto('/ho-so-cua-toi');
      if (js) await hydrated(page);
      assert.equal(await page.getByTestId('drafts').count(), 0);
      await follow(page, code, /Mã hồ sơ/, js);
      assert.match((await page.getByTestId('form-data').textContent()) ?? '', /Xin cấp giấy phép xây dựng/);
      await assertClean(page, 'dossier before the change', js);
      await follow(page, 'Sửa hồ sơ', `Sửa hồ sơ ${code}`, js);
      assert.equal(await page.getByLabel('Nội dung đề nghị').inputValue(), 'Xin cấp giấy phép xây dựng');
      assert.equal(await page.getByLabel('Xã, phường', { exact: true }).inputValue(), '14797');
      assert.equal(await page.getByRole('button', { name: 'Lưu nháp' }).count(), 0);
      await assertClean(page, 'change form', js);
      await page.getByLabel('Nội dung đề nghị').fill('Xin cấp giấy phép sửa chữa nhà');
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      await press(page, 'Cập nhật hồ sơ', js);
      await page.waitForURL((u) => u.pathname.startsWith('/ho-so-cua-toi/') && u.search.includes('tb=amend'));
      await page.getByText('Đã cập nhật hồ sơ.').waitFor();
      assert.match(
        (await page.getByTestId('form-data').textContent()) ?? '',
        /Xin cấp giấy phép sửa chữa nhà/,
      );
      assert.match(
        (await page.locator('main').textContent()) ?? '',
        /Người nộp sửa hồ sơ trước khi tiếp nhận/,
      );
      await assertClean(page, 'dossier after the change', js);

      // The counter sees the new data.
      const dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const seen = await o.detail(o.counter, dossierId);
      assert.equal(seen.formData.noiDung, 'Xin cấp giấy phép sửa chữa nhà');
      // A change under way when the counter receives the dossier is refused, saying why.
      await follow(page, 'Sửa hồ sơ', `Sửa hồ sơ ${code}`, js);
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      await o.must(o.counter, dossierId, { action: 'accept', rowVersion: seen.rowVersion });
      await press(page, 'Cập nhật hồ sơ', js);
      await page.getByText(`Hồ sơ ${code} đã được tiếp nhận hoặc đã bị hủy`).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Cập nhật hồ sơ' }).count(), 0);
      assert.equal((await o.detail(o.counter, dossierId)).formData.noiDung, 'Xin cấp giấy phép sửa chữa nhà');
      await page.goto(`/ho-so-cua-toi/${dossierId}`);
      if (js) await hydrated(page);
      assert.equal(await page.getByTestId('amend').count(), 0, 'no longer offered once received');
      assert.deepEqual(env.pageErrors, []);
    });

    it('deletes a draft from my dossiers after a confirmation', async () => {
      const o = await dossierOffice(env.rt);
      const page = await signIn(o, js, `/nop-ho-so/${o.procedureCode}`);
      await page.getByLabel('Nội dung đề nghị').fill('Sẽ xóa');
      await press(page, 'Lưu nháp', js);
      await page.getByTestId('draft-saved').waitFor();
      await page.goto('/ho-so-cua-toi');
      if (js) await hydrated(page);
      await page.getByRole('link', { name: /^Xóa bản nháp/ }).click();
      const confirm = page.getByTestId('draft-confirm');
      await confirm.waitFor();
      assert.match((await confirm.textContent()) ?? '', /không khôi phục được/);
      await assertClean(page, 'delete confirmation', js);
      // "Không xóa" keeps it.
      await page.getByRole('link', { name: 'Không xóa' }).click();
      await confirm.waitFor({ state: 'detached' });
      assert.equal((await draftsOf(o.usernames.citizen)).length, 1);
      await page.getByRole('link', { name: /^Xóa bản nháp/ }).click();
      await confirm.waitFor();
      await press(page, 'Xóa bản nháp', js);
      await page.getByText('Đã xóa bản nháp.').waitFor();
      assert.equal((await draftsOf(o.usernames.citizen)).length, 0);
      assert.equal(await page.getByTestId('draft').count(), 0);
    });
  });
}
