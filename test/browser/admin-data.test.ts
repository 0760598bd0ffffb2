import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCalendar } from '../../src/seed/calendar.ts';
import { seedCatalogs } from '../../src/seed/catalogs.ts';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// The four back-office data sections (catalogs, working calendar, citizen accounts, audit log), used by
// a province administrator: catalogs and the national calendar may only be changed from a top-level agency.
let env: BrowserEnv;
let admin: { id: string; username: string; password: string };
let citizen: { id: string; username: string };

const MAIN_PAGES = [
  '/mot-cua/danh-muc',
  '/mot-cua/lich-lam-viec',
  '/mot-cua/tai-khoan-cong-dan',
  '/mot-cua/nhat-ky',
];

before(async () => {
  env = await startBrowserEnv();
  await seedCatalogs(env.rt.services, () => undefined);
  await seedCalendar(env.rt.services, () => undefined);
  const province = await createAgency(env.rt.database, {
    parentId: null,
    level: 'province',
    name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  });
  admin = await createOfficial(env.rt.database, province.id, ['quan_tri_he_thong'], { includeSubtree: true });
  citizen = await createAccount(env.rt.database, { fullName: 'Trần Thị Hồng Nhung' });
});
after(async () => env.close());

async function signedIn(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const js = options.javaScriptEnabled ?? true;
  const page = await env.newPage({
    javaScriptEnabled: js,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  await page.goto('/mot-cua/dang-nhap');
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(admin.username);
  await page.getByLabel('Mật khẩu').fill(admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/mot-cua');
  await page.getByTestId('roles').waitFor();
  return page;
}

const rowsText = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).locator('tbody tr').allTextContents()).join('\n');

describe('back office: catalogs, calendar, accounts, audit log', () => {
  it('the menu offers the four sections as ready links', async () => {
    const page = await signedIn();
    const menu = page.getByRole('navigation', { name: 'Chức năng' });
    for (const [name, path] of [
      ['Danh mục', '/mot-cua/danh-muc'],
      ['Lịch làm việc', '/mot-cua/lich-lam-viec'],
      ['Tài khoản công dân', '/mot-cua/tai-khoan-cong-dan'],
      ['Nhật ký', '/mot-cua/nhat-ky'],
    ] as const)
      assert.equal(await menu.getByRole('link', { name, exact: true }).getAttribute('href'), path);
  });

  it('catalogs: diacritic-free search, parent filter and keyset paging (with JavaScript)', async () => {
    const page = await signedIn();
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Danh mục' }).click();
    await page.getByRole('link', { name: 'Xã, phường, đặc khu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xã, phường, đặc khu' }).waitFor();
    await page.getByLabel('Tìm theo mã hoặc tên').fill('thanh hoa');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/q=thanh\+hoa/);
    await page.getByTestId('items').getByText('Xã Thạnh Hóa').waitFor();
    const found = await rowsText(page, 'items');
    assert.match(found, /Phường Thanh Hòa/);
    assert.doesNotMatch(found, /Phường Hạc Thành/);

    // The communes of one province: Thanh Hóa (38) has 166, so there is a next page.
    await page.getByLabel('Tìm theo mã hoặc tên').fill('');
    await page.getByLabel('Tỉnh, thành phố trực thuộc trung ương').selectOption('38');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/cha=38/);
    await page.getByTestId('items').getByText('Phường Hạc Thành').waitFor();
    const first = await rowsText(page, 'items');
    assert.match(first, /Tỉnh Thanh Hóa \(38\)/);
    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.waitForURL(/sau=/);
    await page.getByRole('link', { name: 'Về trang đầu' }).waitFor();
    const second = await rowsText(page, 'items');
    assert.notEqual(second, first);
    assert.doesNotMatch(second, /Phường Hạc Thành/);
    assert.match(second, /Tỉnh Thanh Hóa \(38\)/);

    const exports = page.getByRole('link', { name: /^(JSON|XML)$/ });
    assert.deepEqual(await exports.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [
      '/api/catalogs/commune/export',
      '/api/catalogs/commune/export?format=xml',
    ]);
  });

  it('catalogs without JavaScript: a bad code is refused next to the field, a good one is added', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    await page.goto('/mot-cua/danh-muc/position');
    await page.getByRole('link', { name: 'Thêm mục' }).click();
    await page.waitForURL('**/mot-cua/danh-muc/position/them-muc');
    await page.getByLabel('Mã mục').fill('Chủ tịch thử');
    await page.getByLabel('Tên mục').fill('Chủ tịch thử nghiệm');
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    const message = page.locator('#f-code-error');
    await message.waitFor();
    assert.match((await message.textContent()) ?? '', /Mã mục \(code\) chỉ gồm chữ cái không dấu/);
    assert.equal(await page.getByLabel('Mã mục').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Tên mục').inputValue(), 'Chủ tịch thử nghiệm');
    // The summary at the top links to the field.
    assert.equal(await page.getByRole('alert').getByRole('link').first().getAttribute('href'), '#f-code');

    await page.getByLabel('Mã mục').fill('chu_tich_thu');
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    await page.waitForURL(/\/mot-cua\/danh-muc\/position\?q=chu_tich_thu.*tb=created/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Đã thêm mục chu_tich_thu/);
    assert.match(await rowsText(page, 'items'), /Chủ tịch thử nghiệm/);

    // Retire it from the list, then it is gone unless retired items are shown.
    await page.getByRole('button', { name: 'Ngừng sử dụng chu_tich_thu' }).click();
    await page.getByText('Đã ngừng sử dụng mục chu_tich_thu.').waitFor();
    await page.getByRole('button', { name: 'Dùng lại chu_tich_thu' }).waitFor();
  });

  it('calendar: a holiday added to the national calendar shows in the year view and the summary', async () => {
    const page = await signedIn();
    await page.goto('/mot-cua/lich-lam-viec?nam=2026');
    await hydrated(page);
    const workingDays = async () =>
      Number(await page.getByTestId('summary').locator('dd').first().textContent());
    const before = await workingDays();
    assert.ok(before > 240 && before < 260, `working days ${before}`);
    // National days of the seed are in the list and the grid.
    await page.getByTestId('days').getByText('Quốc khánh').first().waitFor();

    await page.getByLabel('Ngày', { exact: true }).fill('15/06/2026');
    await page.getByLabel('Loại ngày').selectOption('holiday');
    await page.getByLabel('Tên ngày').fill('Ngày hội thử nghiệm');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page.getByText('Đã thêm ngày 15/06/2026 vào lịch.').waitFor();
    const cell = page.locator('td[data-day="2026-06-15"]');
    assert.equal(await cell.getAttribute('class'), 'cal-holiday');
    assert.match((await cell.textContent()) ?? '', /Nghỉ lễ: Ngày hội thử nghiệm/);
    assert.equal(await workingDays(), before - 1);

    // The same date twice is refused next to the date field.
    await page.getByLabel('Ngày', { exact: true }).fill('2026-06-15');
    await page.getByLabel('Tên ngày').fill('Lần nữa');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page
      .locator('#f-day-error')
      .getByText(/đã có trong lịch/)
      .waitFor();

    await page.getByRole('button', { name: 'Xóa 15/06/2026 Ngày hội thử nghiệm' }).click();
    await page.getByText('Đã xóa ngày khỏi lịch.').waitFor();
    assert.equal(await workingDays(), before);
  });

  it('accounts: find a citizen without diacritics, disable after confirming, see it in the audit log', async () => {
    const page = await signedIn();
    await page.goto('/mot-cua/tai-khoan-cong-dan');
    await hydrated(page);
    await page.getByLabel(/Họ tên, tên đăng nhập/).fill('tran thi hong nhung');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: 'Trần Thị Hồng Nhung' }).click();
    await page.waitForURL(`**/mot-cua/tai-khoan-cong-dan/${citizen.id}`);
    assert.equal(await page.getByTestId('status').textContent(), 'Đang hoạt động');

    // Without ticking the confirmation nothing happens.
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.locator('#f-confirm-disable-error').waitFor();
    assert.equal(await page.getByTestId('status').textContent(), 'Đang hoạt động');
    await page.getByLabel(`Tôi xác nhận khóa tài khoản ${citizen.username}`).check();
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.getByText('Đã khóa tài khoản').waitFor();
    assert.equal(await page.getByTestId('status').textContent(), 'Đã khóa');

    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    const newest = page.getByTestId('entries').locator(':scope > tbody > tr').first();
    assert.equal(await newest.getAttribute('data-action'), 'account.disable');
    assert.match((await newest.textContent()) ?? '', new RegExp(citizen.id));
    // The before/after summary opens to a readable table.
    await newest.locator('summary').click();
    const changes = (await newest.locator('details table').textContent()) ?? '';
    assert.match(changes, /status.*active.*disabled/);

    await page.getByLabel(/^Thao tác/).fill('account.*');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/hanh-dong=account/);
    // The URL changes a moment before the filtered list is on screen.
    await page.locator('tr[data-action="session.create"]').first().waitFor({ state: 'detached' });
    const actions = await page
      .getByTestId('entries')
      .locator(':scope > tbody > tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    assert.ok(actions.length > 0 && actions.every((a) => a?.startsWith('account.')), actions.join());
  });

  it('access statistics show a table by day and kind with totals', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    await page.goto('/mot-cua/tai-khoan-cong-dan/thong-ke');
    const table = page.getByTestId('stats');
    assert.equal(await table.locator('tbody tr').count(), 30);
    assert.match((await table.locator('tfoot').textContent()) ?? '', /Tổng cộng/);
    await page.getByLabel('Từ ngày').fill('31/02/2025');
    await page.getByRole('button', { name: 'Xem thống kê' }).click();
    await page.locator('#f-tu-error').waitFor();
  });

  it('audit log: the chain verification says the log is intact', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    await page.goto('/mot-cua/nhat-ky');
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /^Nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi/);
  });

  it('axe-core finds no serious or critical problems; no horizontal scrolling at 360 px', async () => {
    const problems: string[] = [];
    const wide: string[] = [];
    const page = await signedIn();
    const narrow = await signedIn({ width: 360 });
    for (const path of [
      ...MAIN_PAGES,
      '/mot-cua/danh-muc/commune',
      `/mot-cua/tai-khoan-cong-dan/${citizen.id}`,
    ]) {
      await page.goto(path);
      for (const v of await seriousA11yViolations(page))
        problems.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      await narrow.goto(path);
      if (await hasHorizontalScroll(narrow)) wide.push(path);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(wide, []);
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
