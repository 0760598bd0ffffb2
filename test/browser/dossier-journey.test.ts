import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hydrated, officialPage, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';
import { fullContent } from '../support/procedure-admin.ts';

// The back-office screens of dossier handling (TT 22/2019 II.5, II.7–II.10, II.18.1, II.22–II.23):
// the counter receives a dossier in the browser, every role moves it along the department process
// from its dossier page, and the counter returns the result.
let env: BrowserEnv;
let o: DossierOffice;
let dossierUrl = '';
let code = '';
const A11Y: { page: string; url: string; who: 'counter' }[] = [];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

before(async () => {
  env = await startBrowserEnv();
  const {
    name: _name,
    fieldCode: _field,
    ...rest
  } = fullContent({
    channels: [
      {
        channel: 'counter',
        deadline: { value: 5, unit: 'working_days' },
        free: false,
        fees: [{ amountVnd: 50000, description: 'Lệ phí cấp giấy phép' }],
      },
    ],
  });
  o = await dossierOffice(env.rt, { content: rest });
});
after(async () => env.close());

type Role = 'counter' | 'head' | 'handler' | 'leader';
const pages = new Map<Role, Page>();
async function as(role: Role): Promise<Page> {
  const known = pages.get(role);
  if (known) return known;
  const page = await officialPage(env, { username: o.usernames[role], password: PASSWORD });
  pages.set(role, page);
  return page;
}

/** Opens the dossier page, the form of the action named `label`, and sends it with `fill` done first. */
async function act(page: Page, label: string, fill: (p: Page) => Promise<void> = async () => undefined) {
  await page.goto(dossierUrl);
  await hydrated(page);
  await page.getByTestId('actions').getByRole('link', { name: label }).click();
  const form = page.getByTestId('action-form');
  await form.waitFor();
  await fill(page);
  await form.getByRole('button', { name: label }).click();
  await page.waitForURL((u) => u.searchParams.get('tb') === 'done');
  // The URL can change a moment before the new page is on screen.
  await page.getByRole('status').filter({ hasText: 'Đã thực hiện' }).waitFor();
}

const statusText = async (page: Page) =>
  ((await page.getByTestId('dossier-status').textContent()) ?? '').trim();

describe('back office: a dossier from the counter to its returned result', () => {
  it('the counter receives a dossier: procedure facts, applicant look-up, errors keep the form, scans with previews', async () => {
    const page = await as('counter');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Hồ sơ' }).click();
    await page.waitForURL((u) => u.pathname === '/mot-cua/ho-so');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForURL((u) => u.pathname === '/mot-cua/ho-so/tiep-nhan');
    await hydrated(page);
    // The counter's only agency is chosen; the procedure is found by its code.
    await page.getByLabel('Mã hoặc tên thủ tục').fill(o.procedureCode);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page
      .getByTestId('procedure-choices')
      .getByRole('link', { name: `Thủ tục thử nghiệm ${o.procedureCode}` })
      .click();
    await page.getByTestId('procedure-facts').waitFor();
    const facts = (await page.getByTestId('procedure-facts').textContent()) ?? '';
    for (const part of [
      'Tờ khai đề nghị cấp giấy phép',
      'Bản sao giấy tờ tùy thân',
      '01/2025/TT-BTP',
      '5 ngày làm việc',
      '50.000',
    ])
      assert.ok(facts.includes(part), `${part} in ${facts}`);
    A11Y.push({ page: 'receipt', url: page.url(), who: 'counter' });

    // The applicant is found by identity number and fills the fields.
    await page.getByLabel('Tra cứu người nộp đã có trong hệ thống').fill(o.citizenIdNumber);
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByTestId('applicants').waitFor();
    await page.getByTestId('applicants').getByRole('button').first().click();
    await page.waitForFunction(
      (id) => (document.getElementById('f-idNumber') as HTMLInputElement | null)?.value === id,
      o.citizenIdNumber,
    );
    assert.notEqual(await page.getByLabel('Họ và tên', { exact: true }).inputValue(), '');

    // A wrong phone is refused next to the field; what was typed stays.
    await page.getByLabel('Nội dung yêu cầu').fill('Đề nghị cấp giấy phép thử nghiệm');
    await page.locator('#f-phone').fill('12345');
    await page.getByLabel('Đã nhận: Tờ khai đề nghị cấp giấy phép').check();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.locator('#f-phone-error').waitFor();
    assert.match((await page.locator('#f-phone-error').textContent()) ?? '', /Số điện thoại/);
    assert.equal(await page.getByLabel('Nội dung yêu cầu').inputValue(), 'Đề nghị cấp giấy phép thử nghiệm');
    assert.equal(await page.getByLabel('Đã nhận: Tờ khai đề nghị cấp giấy phép').isChecked(), true);
    await page.locator('#f-phone').fill('0912345678');

    // A scan goes up as soon as it is chosen, with the limits shown and a preview link.
    assert.match(
      (await page.getByTestId('file-limits').textContent()) ?? '',
      /Tối đa 10 MB mỗi tệp; định dạng .*pdf/,
    );
    await page
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    const preview = page.getByRole('link', { name: 'Xem to-khai.pdf' });
    await preview.waitFor();
    const res = await page.request.get((await preview.getAttribute('href')) ?? '');
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.match(res.headers()['content-disposition'] ?? '', /^inline/);

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.waitForURL((u) => /^\/mot-cua\/ho-so\/[0-9a-f-]{36}$/.test(u.pathname));
    dossierUrl = new URL(page.url()).pathname;
    code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    assert.match(code, /^[A-Z0-9.-]+$/);
    assert.equal(await statusText(page), 'Được tiếp nhận');
    assert.match(
      (await page.getByTestId('appointment').textContent()) ?? '',
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/,
    );
    assert.match(
      (await page.getByRole('status').first().textContent()) ?? '',
      new RegExp(`Đã tiếp nhận hồ sơ ${code}`),
    );
    assert.ok(
      await page.getByTestId('dossier-files').getByRole('link', { name: 'Xem to-khai.pdf' }).isVisible(),
    );
    A11Y.push({ page: 'dossier', url: dossierUrl, who: 'counter' });
  });

  it('every role moves it from the dossier page; a recall meanwhile gives the conflict over the fresh dossier', async () => {
    const counter = await as('counter');
    await act(counter, 'Chuyển phòng chuyên môn');
    assert.equal(await statusText(counter), 'Đang xử lý');

    // The department head finds it in "Chờ phân công thụ lý" and assigns the handler.
    const head = await as('head');
    await head.goto('/mot-cua/ho-so?ds=cho_phan_cong');
    const tab = head
      .getByRole('navigation', { name: 'Danh mục công việc' })
      .getByRole('link', { name: /Chờ phân công thụ lý/ });
    assert.equal(await tab.getAttribute('aria-current'), 'page');
    assert.match((await tab.textContent()) ?? '', /1/);
    assert.equal(await head.getByTestId('dossiers').locator(`tr[data-code="${code}"]`).count(), 1);
    await act(head, 'Phân công thụ lý', async (p) => {
      await p.getByLabel('Người nhận xử lý').selectOption(o.ids.handler);
    });

    // The handler opens it with the scanner box, drafts the result and submits it to the head.
    const handler = await as('handler');
    await handler.goto('/mot-cua/ho-so');
    await hydrated(handler);
    await handler.getByRole('searchbox', { name: 'Quét hoặc gõ mã hồ sơ' }).fill(code);
    await handler.keyboard.press('Enter');
    await handler.waitForURL((u) => u.pathname === dossierUrl);
    await act(handler, 'Đủ điều kiện, dự thảo kết quả', async (p) => {
      await p.getByLabel('Người nhận xử lý').selectOption(o.ids.handler);
      await p.getByLabel('Ý kiến xử lý').fill('Hồ sơ đủ điều kiện');
    });
    await act(handler, 'Trình lãnh đạo phòng');
    await act(head, 'Trình lãnh đạo cơ quan');

    // The leader opens the approval form; the head recalls the dossier meanwhile.
    const leader = await as('leader');
    await leader.goto(dossierUrl);
    await hydrated(leader);
    await leader.getByTestId('actions').getByRole('link', { name: 'Phê duyệt, chuyển trả kết quả' }).click();
    await leader.getByTestId('action-form').waitFor();
    const d = await o.detail(o.head, dossierUrl.split('/').pop() ?? '');
    await o.must(o.head, d.id, { action: 'recall', rowVersion: d.rowVersion });
    await leader
      .getByTestId('action-form')
      .getByRole('button', { name: 'Phê duyệt, chuyển trả kết quả' })
      .click();
    await leader.getByTestId('conflict').waitFor();
    // The fresh dossier follows the conflict message (the page reloads its data after the 409): wait
    // for it rather than reading at once, which raced on a loaded machine.
    await leader
      .getByTestId('annex-lines')
      .filter({ hasText: /Lãnh đạo phòng xem xét, trình ký/ })
      .waitFor({ timeout: 10_000 });

    await act(head, 'Trình lãnh đạo cơ quan');
    await act(leader, 'Phê duyệt, chuyển trả kết quả');
    assert.equal(await statusText(leader), 'Đã xử lý xong');
  });

  it('the counter returns the result to the applicant; the history shows every step', async () => {
    const counter = await as('counter');
    await counter.goto('/mot-cua/ho-so?ds=cho_tra_ket_qua');
    assert.equal(await counter.getByTestId('dossiers').locator(`tr[data-code="${code}"]`).count(), 1);
    A11Y.push({ page: 'worklists', url: '/mot-cua/ho-so?ds=cho_tra_ket_qua', who: 'counter' });
    await act(counter, 'Trả kết quả', async (p) => {
      assert.equal(await p.getByLabel('Số giấy tờ tùy thân của người nhận').inputValue(), o.citizenIdNumber);
      await p.getByLabel('Số biên lai thu phí, lệ phí').fill('BL-0001');
    });
    assert.equal(await statusText(counter), 'Đã trả kết quả');
    // The process diagram outlines the step the dossier is at (UX: the dossier page shows everything).
    assert.equal(await counter.locator('.process-figure .pd-current').count(), 1);
    assert.match(
      (await counter.locator('.process-figure figcaption').textContent()) ?? '',
      /đang ở bước: Đã trả kết quả/,
    );
    assert.match((await counter.getByTestId('recipient').textContent()) ?? '', new RegExp(o.citizenIdNumber));
    const actions = await counter
      .getByTestId('history')
      .locator('li[data-action]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
    assert.deepEqual(actions, [
      'receive',
      'forward',
      'forward',
      'forward',
      'submit_approval',
      'submit_approval',
      'recall',
      'submit_approval',
      'finish',
      'return_result',
    ]);
  });

  it('without JavaScript: a receipt by post asking for a supplement, the supplement, then acceptance', async () => {
    await env.rt.database.db
      .insertInto('catalog_items')
      .values([
        { catalog: 'province', code: '01', name: 'Thành phố Hà Nội', sort_order: 1 },
        { catalog: 'commune', code: '00004', name: 'Phường Ba Đình', parent_code: '01', sort_order: 1 },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    const page = await officialPage(
      env,
      { username: o.usernames.counter, password: PASSWORD },
      { js: false },
    );
    await page.goto('/mot-cua/ho-so/tiep-nhan');
    await page.getByLabel('Mã hoặc tên thủ tục').fill(o.procedureCode);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.getByTestId('procedure-choices').getByRole('link').first().click();
    await page.locator('#f-idNumber').fill('079090001234');
    await page.getByLabel('Họ và tên', { exact: true }).fill('Lê Văn Cường');
    await page.getByLabel('Nhận qua dịch vụ bưu chính').check();
    await page.getByLabel('Họ tên người nhận').fill('Lê Văn Cường');
    await page.getByLabel('Số điện thoại người nhận').fill('0987654321');
    await page.getByLabel('Tỉnh, thành phố').selectOption('01');
    await page.getByRole('button', { name: 'Tải danh sách xã, phường của tỉnh đã chọn' }).click();
    await page.getByLabel('Xã, phường, đặc khu').selectOption('00004');
    await page.getByLabel('Số nhà, đường, thôn, tổ').fill('Số 2 phố Điện Biên Phủ');
    await page
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'don.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('#f-reason').fill('Thiếu bản sao giấy tờ tùy thân');
    // No missing item named: refused next to the field; the file is kept as uploaded, the address too.
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    assert.match((await page.locator('#f-missingItems-error').textContent()) ?? '', /giấy tờ cần bổ sung/);
    assert.equal(await page.getByRole('link', { name: 'Xem don.pdf' }).count(), 1);
    assert.equal(await page.getByLabel('Xã, phường, đặc khu').inputValue(), '00004');
    await page.getByLabel('Giấy tờ cần bổ sung').fill('Bản sao giấy tờ tùy thân\nGiấy ủy quyền');
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await page.waitForURL((u) => /^\/mot-cua\/ho-so\/[0-9a-f-]{36}$/.test(u.pathname));
    assert.equal(await statusText(page), 'Yêu cầu bổ sung giấy tờ');
    assert.match((await page.getByTestId('status-reason').textContent()) ?? '', /Giấy ủy quyền/);
    assert.equal(
      await page.getByTestId('dossier-files').getByRole('link', { name: 'Xem don.pdf' }).count(),
      1,
    );

    await page.getByTestId('actions').getByRole('link', { name: 'Ghi nhận hồ sơ đã bổ sung' }).click();
    await page.getByLabel('Hình thức bổ sung').selectOption('counter');
    await page.getByTestId('action-form').getByRole('button', { name: 'Ghi nhận hồ sơ đã bổ sung' }).click();
    await page.waitForURL((u) => u.searchParams.get('tb') === 'done');
    assert.equal(await statusText(page), 'Đã bổ sung hồ sơ');
    await page.getByTestId('actions').getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForURL((u) => u.searchParams.get('tb') === 'done');
    assert.equal(await statusText(page), 'Được tiếp nhận');
    assert.match((await page.getByTestId('appointment').textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4}/);
  });

  it('the worklists search by code and status, and the three screens have no serious accessibility problems', async () => {
    const counter = await as('counter');
    await counter.goto(
      `/mot-cua/ho-so?ds=tat_ca&ma-ho-so=${encodeURIComponent(code)}&trang-thai=da_tra_ket_qua`,
    );
    assert.equal(await counter.getByTestId('dossiers').locator('tbody tr').count(), 1);
    await counter.goto('/mot-cua/ho-so?ds=tat_ca&trang-thai=dang_xu_ly');
    assert.equal(await counter.getByTestId('no-dossiers').count(), 1);
    await counter.goto('/mot-cua/ho-so?ma=KHONG-CO-MA');
    assert.match((await counter.locator('#f-ma-error').textContent()) ?? '', /KHONG-CO-MA/);
    for (const a of A11Y) {
      await counter.goto(a.url);
      await hydrated(counter);
      const problems = await seriousA11yViolations(counter);
      assert.deepEqual(
        problems.map(
          (v) => `${a.page}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
        [],
      );
    }
    assert.deepEqual(env.pageErrors, []);
  });
});
