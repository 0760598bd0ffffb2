import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { hydrated, officialPage, press, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

// The dossier handling report page /mot-cua/bao-cao (II.13.1, II.13.4, II.13.2) and the portal's
// public statistics /thong-ke (III.8.1): the table in Vietnamese with its totals, axe, the printed
// page on A4 landscape, the .xlsx export reopened with the same totals, and the page without JavaScript.
let env: BrowserEnv;
let o: DossierOffice;
let online = 0;
const dir = mkdtempSync(join(tmpdir(), 'reports-browser-'));

before(async () => {
  env = await startBrowserEnv({ WORKERS: 'true', MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  for (let i = 0; i < 3; i++) await o.receive();
  const submitted = await o.submit();
  await o.must(o.counter, submitted.id, { action: 'accept', rowVersion: submitted.rowVersion });
  online = 1;
});
after(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The counts the report must show for this month, from the dossiers table itself. */
async function receivedThisMonth(): Promise<{ received: number; online: number }> {
  const rows = await env.rt.database.db
    .selectFrom('dossiers')
    .select(['channel', 'received_at'])
    .where('agency_id', '=', o.agency.id)
    .where('received_at', 'is not', null)
    .execute();
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(new Date())
    .slice(0, 7);
  const mine = rows.filter(
    (r) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
        .format(r.received_at!)
        .slice(0, 7) === month,
  );
  return { received: mine.length, online: mine.filter((r) => r.channel === 'online').length };
}

const totalsCell = (page: Page, col: string) =>
  page.getByTestId('report').locator(`tfoot td[data-col="${col}"]`);

describe('report page', () => {
  it('shows the table with its totals (vi), passes axe and prints on A4 landscape', async () => {
    const expected = await receivedThisMonth();
    assert.equal(expected.online, online);
    const page = await officialPage(env, { username: o.usernames.leader, password: PASSWORD });
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Báo cáo, thống kê' })
      .click();
    await page.waitForURL((u) => u.pathname === '/mot-cua/bao-cao');
    await hydrated(page);
    await page
      .getByRole('heading', { level: 1, name: 'Tình hình, kết quả giải quyết thủ tục hành chính' })
      .waitFor();
    const table = page.getByTestId('report');
    assert.match(
      (await table.locator('caption').textContent()) ?? '',
      /^Tình hình, kết quả giải quyết TTHC từ \d\d\/\d\d\/\d{4} đến/,
    );
    assert.equal(await table.locator('thead th[scope="col"]').first().textContent(), 'Cơ quan, đơn vị');
    const agencyName = await env.rt.database.db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', o.agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(await table.locator('tbody th[scope="row"]').first().textContent(), agencyName.name);
    assert.equal(await totalsCell(page, 'received').textContent(), String(expected.received));
    assert.equal(await totalsCell(page, 'receivedOnline').textContent(), String(expected.online));
    assert.equal(await totalsCell(page, 'pendingOnTime').textContent(), String(expected.received));
    assert.equal(await totalsCell(page, 'onTimeRate').textContent(), '–');
    assert.match(
      (await page.getByTestId('generated').textContent()) ?? '',
      /^Số liệu lập lúc \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/,
    );
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the report page');
    await page.getByRole('button', { name: 'In báo cáo' }).waitFor();

    // Printed: A4 landscape, with the title, the period and the table, without the forms.
    const pdf = join(dir, 'report.pdf');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Xem báo cáo' }).isVisible(), false);
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    assert.match(
      execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
      /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/,
    );
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/);
    assert.match(text, /Kỳ báo cáo: từ ngày \d\d\/\d\d\/\d{4} đến ngày/);
    assert.match(text, /Tổng cộng/);
    assert.ok(text.includes(`Phạm vi: ${agencyName.name}`), 'the printed report names its agency');
    assert.doesNotMatch(text, /Xem báo cáo/);
    await page.emulateMedia({ media: 'screen' });

    // Exported to .xlsx through the exports engine: the file reopens with the same totals.
    await page.getByTestId('export').locator('summary').click();
    await page.getByLabel('Định dạng tệp').selectOption('xlsx');
    await press(page, 'Xuất báo cáo', true);
    await page.waitForURL((u) => u.pathname === '/mot-cua/xuat-du-lieu');
    const row = page.getByTestId('exports').locator('tbody tr').first();
    for (let i = 0; i < 60 && (await row.getAttribute('data-status')) !== 'done'; i++)
      await page.waitForTimeout(500);
    assert.equal(await row.getAttribute('data-status'), 'done');
    assert.match((await row.textContent()) ?? '', /Báo cáo tình hình giải quyết TTHC/);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /^Tải về bao-cao-giai-quyet-tthc-/ }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(headers[0], 'Cơ quan, đơn vị');
    const last = (sheet.getRow(sheet.actualRowCount).values as unknown[]).slice(1);
    assert.equal(last[0], 'Tổng cộng');
    assert.equal(last[headers.indexOf('Mới tiếp nhận')], expected.received);
    assert.equal(last[headers.indexOf('Trong đó trực tuyến')], expected.online);
    assert.equal(last[headers.indexOf('Đang giải quyết trong hạn')], expected.received);
    assert.deepEqual(env.pageErrors, []);
  });

  it('works without JavaScript: quick period, grouping by month, a bad date named', async () => {
    const expected = await receivedThisMonth();
    const page = await officialPage(env, { username: o.usernames.leader, password: PASSWORD }, { js: false });
    await page.goto('/mot-cua/bao-cao');
    assert.equal(await page.getByRole('button', { name: 'In báo cáo' }).count(), 0);
    await page.getByText('Để in, dùng lệnh In của trình duyệt').waitFor();
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Năm nay' }).click()]);
    assert.match(page.url(), /tu=01%2F01%2F\d{4}/);
    await page.getByLabel('Nhóm theo').selectOption('month');
    await press(page, 'Xem báo cáo', false);
    const table = page.getByTestId('report');
    const month = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    const labels = await table.locator('tbody th[scope="row"]').allTextContents();
    assert.equal(labels.at(-1), month);
    assert.equal(labels[0], `01/${month.slice(3)}`);
    const thisMonth = table.locator('tbody tr').last();
    assert.equal(await thisMonth.locator('td[data-col="received"]').textContent(), String(expected.received));
    await page.getByRole('textbox', { name: /^Từ ngày/ }).fill('31/02/2025');
    await press(page, 'Xem báo cáo', false);
    await page.getByRole('link', { name: /Nhập ngày có thật/ }).waitFor();
    assert.equal(await page.getByTestId('report').count(), 0);
  });

  it('is refused to an official without the permission', async () => {
    const page = await officialPage(
      env,
      { username: o.usernames.counter, password: PASSWORD },
      { js: false },
    );
    const res = await page.goto('/mot-cua/bao-cao');
    assert.equal(res?.status(), 403);
  });
});

describe('public statistics', () => {
  it('/thong-ke: year-to-date figures without signing in, linked from the footer, cacheable, axe', async () => {
    await env.rt.services.reports.fold();
    const page = await env.newPage();
    await page.goto('/');
    await hydrated(page);
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/thong-ke')),
      page.getByRole('contentinfo').getByRole('link', { name: 'Thống kê giải quyết hồ sơ' }).click(),
    ]);
    assert.match(res.headers()['cache-control'] ?? '', /max-age=300/);
    await page.getByRole('heading', { level: 1, name: 'Thống kê kết quả giải quyết hồ sơ' }).waitFor();
    const year = new Date().getFullYear();
    const received = await env.rt.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('received_at', '>=', new Date(`${year}-01-01T00:00:00+07:00`))
      .executeTakeFirstOrThrow();
    const totals = page.getByTestId('public-totals');
    const figure = (label: string) => totals.locator('div', { hasText: label }).locator('dd').textContent();
    assert.equal(await figure('Hồ sơ tiếp nhận'), new Intl.NumberFormat('vi-VN').format(Number(received.n)));
    assert.equal(await figure('Thủ tục có hồ sơ'), '1');
    assert.ok((await page.locator('caption').first().textContent())?.includes(String(year)));
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on /thong-ke');
    const doc = await page.request.get('/thong-ke');
    assert.match(doc.headers()['cache-control'] ?? '', /max-age=300/);
  });
});
