import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

// "Hồ sơ của tôi" (III.4.2, III.5.1 a, III.5.2 a): the signed-in applicant's dossiers and notices, the
// dossier with its history, and what the applicant may do (supplement online, cancel and restore before
// receipt), with and without JavaScript; axe and a 360-px phone.
let env: BrowserEnv;
let o: DossierOffice;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/;

before(async () => {
  // Each test signs the citizen in once more in a fresh browser context.
  env = await startBrowserEnv({ MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  // The places the default online form asks for (when the online form checks them).
  await env.rt.database.db
    .insertInto('catalog_items')
    .values([
      { catalog: 'province', code: '38', name: 'Tỉnh Thanh Hóa', parent_code: null, extra: '{}' },
      { catalog: 'commune', code: '14797', name: 'Phường Hạc Thành', parent_code: '38', extra: '{}' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
});
after(async () => env.close());

async function citizenPage(js: boolean, width = 1280): Promise<Page> {
  const page = await env.newPage({ javaScriptEnabled: js, viewport: { width, height: 900 } });
  await page.goto('/ho-so-cua-toi');
  if (js) await hydrated(page);
  await page.getByTestId('my-sign-in').click();
  await page.waitForURL((u) => u.pathname === '/dang-nhap');
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/ho-so-cua-toi');
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  return page;
}

const statusOf = async (page: Page) =>
  (await page.getByTestId('my-status').locator('.badge').textContent())?.trim();

/** axe (it needs JavaScript in the page) and no horizontal scroll at 360 px. */
async function assertClean(page: Page, what: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `${what}: axe`);
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await hasHorizontalScroll(page), false, `${what}: no horizontal scroll at 360 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('my dossiers on the portal', () => {
  it('lists the citizen’s dossiers and a notice, which can be marked read', async () => {
    let d = await o.receive();
    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
    });
    // A result file (as the one-stop office attaches when the result is ready) to download (III.16.1).
    const up = await env.rt.services.dossiers.upload(
      {
        sessionId: randomUUID(),
        account: { id: o.ids.counter, kind: 'official', username: 'c', fullName: 'Cán bộ', email: null },
        grants: [],
      },
      { name: 'ket-qua.pdf', bytes: PDF },
    );
    await env.rt.database.db
      .updateTable('dossier_files')
      .set({ dossier_id: d.id, kind: 'result' })
      .where('id', '=', up.id)
      .execute();
    const title = `Thông báo ${randomUUID().slice(0, 6)}`;
    await env.rt.database.db
      .insertInto('notices')
      .values({
        account_id: o.ids.citizen,
        dossier_id: d.id,
        kind: 'received',
        title,
        body: `Cơ quan đã tiếp nhận hồ sơ ${d.code}.`,
        outbox_key: randomUUID(),
      })
      .execute();
    const page = await citizenPage(true);
    const list = page.getByTestId('my-dossiers');
    assert.match((await list.textContent()) ?? '', new RegExp(d.code.replace(/\./g, '\\.')));
    assert.match((await list.textContent()) ?? '', /Đang xử lý/);
    assert.match((await list.textContent()) ?? '', DATE_TIME);
    assert.match((await page.getByTestId('notices').textContent()) ?? '', new RegExp(title));
    await assertClean(page, 'list');
    await page.getByRole('button', { name: `Đánh dấu đã đọc thông báo: ${title}` }).click();
    await page.waitForURL((u) => u.searchParams.get('tb') === 'read');
    // The page shows the reloaded notices a moment after the URL changes: wait for the title to go
    // (reading at once raced on a loaded machine).
    await page.locator('main', { hasText: title }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', new RegExp(title));
    // The header and the account page lead here too.
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Hồ sơ của tôi' }).count(), 1);
    await page.getByRole('banner').getByRole('link', { name: 'Tài khoản' }).click();
    await page.waitForURL((u) => u.pathname === '/tai-khoan');
    await page.getByRole('main').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForURL((u) => u.pathname === '/ho-so-cua-toi');
    await page.getByRole('link', { name: d.code }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so-cua-toi/${d.id}`);
    assert.equal(await statusOf(page), 'Đang xử lý');
    assert.match(
      (await page.getByTestId('annex-lines').textContent()) ?? '',
      /Cơ quan có thẩm quyền giải quyết/,
    );
    assert.match((await page.getByTestId('history').textContent()) ?? '', DATE_TIME);
    const href = await page
      .getByTestId('results')
      .getByRole('link', { name: 'Tải về ket-qua.pdf' })
      .getAttribute('href');
    const file = await page.request.get(href ?? '');
    assert.equal(file.status(), 200);
    assert.match(file.headers()['content-type'] ?? '', /pdf/);
  });

  for (const js of [false, true]) {
    const mode = js ? 'with JavaScript' : 'without JavaScript';
    it(`answers a supplement request online with a file ${mode}, then withdraws the dossier`, async () => {
      let d = await o.submit();
      d = await o.must(o.counter, d.id, {
        action: 'request_supplement',
        rowVersion: d.rowVersion,
        reason: 'Thiếu giấy tờ',
        missingItems: ['Bản sao giấy tờ tùy thân'],
      });
      assert.equal(d.statusLabel, 'Yêu cầu bổ sung giấy tờ');
      const page = await citizenPage(js);
      await page.goto(`/ho-so-cua-toi/${d.id}`);
      if (js) await hydrated(page);
      assert.equal(await statusOf(page), 'Yêu cầu bổ sung giấy tờ');
      assert.match((await page.getByTestId('missing-items').textContent()) ?? '', /Bản sao giấy tờ tùy thân/);
      assert.match((await page.getByTestId('file-limits').textContent()) ?? '', /MB/);
      if (js) await assertClean(page, 'supplement form');
      await page
        .getByLabel('Giấy tờ bổ sung')
        .setInputFiles({ name: 'cccd.pdf', mimeType: 'application/pdf', buffer: PDF });
      if (js) await page.getByRole('link', { name: 'Xem cccd.pdf' }).waitFor();
      await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      await page.waitForURL((u) => u.searchParams.get('tb') === 'supplement');
      await page.getByText('Đã bổ sung hồ sơ. Cơ quan giải quyết sẽ tiếp tục xử lý.').waitFor();
      assert.equal(await statusOf(page), 'Đã bổ sung hồ sơ');
      const after = await o.detail(o.counter, d.id);
      assert.equal(after.status, 'da_bo_sung');
      assert.ok(after.files.some((f) => f.fileName === 'cccd.pdf'));
      // Then the applicant withdraws it, with a reason.
      await page.getByLabel('Lý do rút hồ sơ').fill('Đã nộp nhầm thủ tục');
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      await page.waitForURL((u) => u.searchParams.get('tb') === 'withdraw');
      await page.getByText('Đã gửi yêu cầu rút hồ sơ.').waitFor();
      assert.match((await page.getByTestId('history').textContent()) ?? '', /Đã nộp nhầm thủ tục/);
    });

    it(`cancels then restores an online dossier before receipt ${mode}; a stale form says so`, async () => {
      const d = await o.submit();
      const page = await citizenPage(js);
      await page.goto(`/ho-so-cua-toi/${d.id}`);
      if (js) await hydrated(page);
      await page.getByRole('button', { name: 'Hủy hồ sơ' }).click();
      await page.waitForURL((u) => u.searchParams.get('tb') === 'cancel');
      await page.getByText('Đã hủy hồ sơ.').waitFor();
      await page.getByRole('button', { name: 'Khôi phục hồ sơ' }).click();
      await page.waitForURL((u) => u.searchParams.get('tb') === 'restore');
      await page.getByText('Đã khôi phục hồ sơ.').waitFor();
      // Someone else acts first: the form is stale; the page says so over the fresh dossier.
      const fresh = await o.detail(o.citizen, d.id);
      await o.must(o.citizen, d.id, { action: 'cancel', rowVersion: fresh.rowVersion });
      await page.getByRole('button', { name: 'Hủy hồ sơ' }).click();
      await page.getByTestId('my-error').waitFor();
      assert.match((await page.getByTestId('my-error').textContent()) ?? '', /vừa được cập nhật/);
      await page.getByRole('button', { name: 'Khôi phục hồ sơ' }).waitFor();
      if (js) await assertClean(page, 'dossier page');
    });
  }

  it('shows a visitor a sign-in link and another citizen nothing of this dossier', async () => {
    const d = await o.receive();
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto(`/ho-so-cua-toi/${d.id}`);
    const href = await page.getByTestId('my-sign-in').getAttribute('href');
    assert.equal(href, `/dang-nhap?next=${encodeURIComponent(`/ho-so-cua-toi/${d.id}`)}`);
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', new RegExp(d.code));
    assert.deepEqual(env.pageErrors, []);
  });
});
