import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  press,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createAccount, createAgency, createOfficial, PASSWORD } from '../support/factories.ts';

// Exports from the dossier list (V.20): the "Xuất danh sách" form queues a background export, the
// exports page shows its progress (refreshing itself with JavaScript, a reload link without) and the
// download link, with and without JavaScript; axe and a 360-px phone.
let env: BrowserEnv;
let o: DossierOffice;
const codes: string[] = [];

before(async () => {
  env = await startBrowserEnv({ WORKERS: 'true', MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  for (let i = 0; i < 2; i++) codes.push((await o.receive()).code);
});
after(async () => env.close());

/** Waits until the newest export on the page is done: by itself with JavaScript, by "Tải lại" without. */
async function waitDone(page: Page, js: boolean) {
  const newest = page.getByTestId('exports').locator('tbody tr').first();
  for (let i = 0; i < 60; i++) {
    if ((await newest.getAttribute('data-status')) === 'done') return newest;
    if (js) await page.waitForTimeout(500);
    else {
      await page.waitForTimeout(300);
      await Promise.all([page.waitForEvent('load'), page.getByTestId('reload').click()]);
    }
  }
  throw new Error('the export did not finish');
}

describe('exports from the dossier list', () => {
  for (const js of [true, false]) {
    it(`exports the list in the background and downloads it ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await officialPage(env, { username: o.usernames.counter, password: PASSWORD }, { js });
      await page.goto('/mot-cua/ho-so?ds=tat_ca');
      if (js) await hydrated(page);
      await page.getByTestId('export').locator('summary').click();
      const format = js ? 'csv' : 'xlsx';
      await page.getByLabel('Định dạng tệp').selectOption(format);
      await press(page, 'Xuất danh sách', js);
      await page.waitForURL((u) => u.pathname === '/mot-cua/xuat-du-lieu');
      await page.getByText('Đã nhận yêu cầu xuất tệp').waitFor();
      const row = await waitDone(page, js);
      assert.match((await row.textContent()) ?? '', new RegExp(`\\.${format}`));
      assert.equal(await row.locator('progress').getAttribute('value'), String(codes.length));
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: /^Tải về danh-sach-ho-so-/ }).click(),
      ]);
      const path = await file.path();
      let cells: string;
      if (format === 'csv') cells = readFileSync(path, 'utf8');
      else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path);
        cells = JSON.stringify(book.worksheets[0]?.getSheetValues());
      }
      for (const code of codes) assert.ok(cells.includes(code), `${code} in the ${format} file`);
      assert.ok(cells.includes('Mã hồ sơ'));
      if (js) {
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the exports page');
        await page.setViewportSize({ width: 360, height: 800 });
        assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
        await page.goto('/mot-cua/ho-so?ds=tat_ca');
        await hydrated(page);
        await page.getByTestId('export').locator('summary').click();
        assert.equal(await hasHorizontalScroll(page), false, 'list page with the export form at 360 px');
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the list with the export form');
      }
    });
  }

  it('does not let another official download it', async () => {
    const mine = await env.rt.database.db
      .selectFrom('exports')
      .select('id')
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    const page = await officialPage(env, { username: o.usernames.head, password: PASSWORD }, { js: false });
    const res = await page.request.get(`/mot-cua/xuat-du-lieu/${mine.id}/tep`);
    assert.equal(res.status(), 404);
    // The menu leads to the exports page; someone else's export is not listed there.
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Tệp đã xuất' })
      .click();
    await page.waitForURL((u) => u.pathname === '/mot-cua/xuat-du-lieu');
    assert.equal(await page.locator(`a[href="/mot-cua/xuat-du-lieu/${mine.id}/tep"]`).count(), 0);
  });
});

describe('exports of another list: the citizen accounts', () => {
  it('every other back-office list posts its export form and lands on the exports page, done', async () => {
    const agency = await createAgency(env.rt.database, { level: 'province' });
    const admin = await createOfficial(env.rt.database, agency.id, ['quan_tri_he_thong', 'bien_tap_vien'], {
      includeSubtree: true,
    });
    const page = await officialPage(env, { username: admin.username, password: PASSWORD }, { js: false });
    for (const [path, name] of [
      ['/mot-cua/tai-khoan-cong-dan/thong-ke', 'Thống kê truy cập'],
      ['/mot-cua/nhat-ky?hanh-dong=session.*', 'Nhật ký hệ thống'],
      [`/mot-cua/nguoi-dung?coquan=${agency.id}`, 'Danh sách cán bộ, công chức'],
      ['/mot-cua/thu-tuc', 'Danh sách thủ tục hành chính'],
      ['/mot-cua/danh-muc/position', 'Danh mục dùng chung'],
    ] as const) {
      await page.goto(path);
      await page.getByTestId('export').locator('summary').click();
      await page.getByLabel('Định dạng tệp').selectOption('csv');
      await press(page, 'Xuất danh sách', false);
      await page.waitForURL((u) => u.pathname === '/mot-cua/xuat-du-lieu');
      const row = await waitDone(page, false);
      assert.match((await row.textContent()) ?? '', new RegExp(`${name}.*\\.csv`, 's'), path);
    }
    // The officials of the agency asked for: the administrator is one of them.
    const newest = await env.rt.database.db
      .selectFrom('exports')
      .select(['kind', 'filter'])
      .where('account_id', '=', admin.id)
      .where('kind', '=', 'officials')
      .executeTakeFirstOrThrow();
    assert.deepEqual(newest.filter, { agencyId: agency.id, subtree: false });
  });

  it('exports the search to .ods from its page without JavaScript; LibreOffice reads the rows', async () => {
    const agency = await createAgency(env.rt.database, { level: 'province' });
    const admin = await createOfficial(env.rt.database, agency.id, ['quan_tri_he_thong'], {
      includeSubtree: true,
    });
    const tag = `ods${Date.now().toString(36)}`;
    const wanted = [];
    for (const name of ['An', 'Bình'])
      wanted.push(await createAccount(env.rt.database, { fullName: `${name} ${tag}` }));
    await createAccount(env.rt.database, { kind: 'organisation', fullName: `Công ty ${tag}` });
    const page = await officialPage(env, { username: admin.username, password: PASSWORD }, { js: false });
    await page.goto(`/mot-cua/tai-khoan-cong-dan?q=${tag}&loai=citizen`);
    await page.getByTestId('export').locator('summary').click();
    await page.getByLabel('Định dạng tệp').selectOption('ods');
    await press(page, 'Xuất danh sách', false);
    await page.waitForURL((u) => u.pathname === '/mot-cua/xuat-du-lieu');
    const row = await waitDone(page, false);
    assert.match((await row.textContent()) ?? '', /Danh sách tài khoản.*\.ods/s);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /^Tải về danh-sach-tai-khoan-/ }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ods-'));
    try {
      const ods = join(dir, 'accounts.ods');
      await file.saveAs(ods);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          ods,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const lines = readFileSync(join(dir, 'accounts.csv'), 'utf8').trim().split(/\r?\n/);
      assert.match(lines[0] ?? '', /^Mã tài khoản,Loại tài khoản,Tên đăng nhập,Họ và tên/);
      // The citizens of the search, newest first; not the organisation, never a password hash.
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',')[2]),
        wanted.map((w) => w.username).reverse(),
      );
      assert.ok(
        lines
          .slice(1)
          .every((l) => l.includes(',Công dân,') && /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/.test(l)),
      );
      assert.doesNotMatch(lines.join('\n'), /argon2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
