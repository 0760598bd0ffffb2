import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createOfficial, PASSWORD } from '../support/factories.ts';
import { fullContent } from '../support/procedure-admin.ts';

// The e-form designer (III.1.2, II.2.3): a province editor builds a procedure's e-form with a live
// preview (sections, text with help, a choice, a conditional field, a file with limits, a repeating
// group with a nested field), saves version 1 and the citizen's page shows it; the same core flow
// without JavaScript; an invalid form and a stale version are refused with clear messages.
let env: BrowserEnv;
let live: DossierOffice; // its procedure is designed with JavaScript
let plain: DossierOffice; // and this one without
let editor: { username: string; password: string };
let provinceId = '';

before(async () => {
  env = await startBrowserEnv();
  // A complete catalog record, so that the procedure's admin page (where the designer is reached) opens.
  const { name: _name, fieldCode: _field, ...content } = fullContent();
  live = await dossierOffice(env.rt, { content });
  plain = await dossierOffice(env.rt, { content });
  const province = await env.rt.database.db
    .selectFrom('agencies')
    .select('parent_id')
    .where('id', '=', live.agency.id)
    .executeTakeFirstOrThrow();
  assert.ok(province.parent_id);
  provinceId = province.parent_id;
  editor = await createOfficial(env.rt.database, province.parent_id, ['bien_tap_vien'], {
    includeSubtree: true,
  });
});
after(async () => env.close());

const designerOf = (code: string) => `/mot-cua/thu-tuc/${code}/to-khai`;
const preview = (page: Page) => page.getByTestId('preview-title');
const panel = (page: Page) => page.getByTestId('field-panel');

async function versionsOf(code: string): Promise<number[]> {
  const rows = await env.rt.database.db
    .selectFrom('eform_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select('v.version')
    .where('p.code', '=', code)
    .orderBy('v.version')
    .execute();
  return rows.map((r) => r.version);
}

/** Presses a button; without JavaScript waits for the page the server answers with. */
async function press(page: Page, name: string, js: boolean) {
  const button = page.getByRole('button', { name, exact: true });
  if (js) await button.click();
  else await Promise.all([page.waitForEvent('load'), button.click()]);
}

/** Adds a field of `type` (its label in the type list) to the section or group `where`, and names it. */
async function addField(page: Page, js: boolean, where: string, type: string, key: string, label: string) {
  await page.getByLabel(`Loại trường mới trong “${where}”`).selectOption({ label: type });
  await press(page, `Thêm trường: ${where}`, js);
  await panel(page).waitFor();
  await panel(page).getByLabel('Mã trường', { exact: true }).fill(key);
  await panel(page).getByLabel('Nhãn trường', { exact: true }).fill(label);
}

describe('back office: e-form designer with JavaScript', () => {
  it('builds sections and fields with a live preview, saves version 1, and the citizen page shows it', async () => {
    const code = live.procedureCode;
    const page = await officialPage(env, editor, { width: 1400 });
    await page.goto(`/mot-cua/thu-tuc/${code}`);
    await hydrated(page);
    await page.getByRole('main').locator('.toolbar').getByRole('link', { name: 'Tờ khai điện tử' }).click();
    await page.waitForURL(`**${designerOf(code)}`);
    await page.getByTestId('designer').waitFor();
    assert.match((await page.getByTestId('current-version').textContent()) ?? '', /mặc định/);
    assert.match(
      (await preview(page).textContent()) ?? '',
      /Họ và tên/,
      'the preview shows the default form',
    );
    const provinces = preview(page).getByLabel('Tỉnh, thành phố', { exact: true }).locator('option');
    assert.ok((await provinces.count()) > 1, 'catalog selects list the catalog’s items');

    // A new section, renamed: the preview follows as it is typed.
    await page.getByRole('button', { name: 'Thêm phần' }).click();
    await page.getByLabel('Tiêu đề phần 3').fill('Thông tin bổ sung');
    await preview(page).getByRole('group', { name: 'Thông tin bổ sung' }).waitFor();

    // A text field with help; the preview shows the label while it is typed.
    await addField(page, true, 'Thông tin bổ sung', 'Văn bản ngắn', 'ngheNghiep', 'Nghề');
    await preview(page).getByLabel('Nghề').waitFor();
    await panel(page).getByLabel('Nhãn trường', { exact: true }).fill('Nghề nghiệp');
    await preview(page).getByLabel('Nghề nghiệp').waitFor();
    await panel(page).getByLabel('Hướng dẫn điền').fill('Ghi theo giấy tờ tùy thân');
    await preview(page).getByText('Ghi theo giấy tờ tùy thân').waitFor();
    await panel(page).getByLabel('Bắt buộc điền').check();
    assert.match((await page.getByTestId('field-ngheNghiep').textContent()) ?? '', /Bắt buộc/);

    // A choice with two options.
    await addField(page, true, 'Thông tin bổ sung', 'Lựa chọn', 'hinhThuc', 'Hình thức nhận');
    await page.getByRole('button', { name: 'Thêm phương án' }).click();
    await page.getByRole('button', { name: 'Thêm phương án' }).click();
    await panel(page).getByLabel('Giá trị phương án 1').fill('buudien');
    await panel(page).getByLabel('Nhãn phương án 1').fill('Qua bưu điện');
    await panel(page).getByLabel('Giá trị phương án 2').fill('tructiep');
    await panel(page).getByLabel('Nhãn phương án 2').fill('Trực tiếp');
    const choice = preview(page).getByLabel('Hình thức nhận');
    await choice.locator('option', { hasText: 'Trực tiếp' }).waitFor({ state: 'attached' });
    assert.deepEqual(await choice.locator('option').allTextContents(), [
      '— Chọn —',
      'Qua bưu điện',
      'Trực tiếp',
    ]);

    // A field shown only for one of the choices.
    await addField(page, true, 'Thông tin bổ sung', 'Văn bản ngắn', 'diaChiNhan', 'Địa chỉ nhận');
    await panel(page).getByLabel('Chỉ hiện khi trường').selectOption('hinhThuc');
    await panel(page).getByLabel('có một trong các giá trị').fill('buudien');
    await preview(page).getByText('Chỉ điền khi “Hình thức nhận” là: Qua bưu điện').waitFor();

    // A file with its limits.
    await addField(page, true, 'Thông tin bổ sung', 'Tệp đính kèm', 'banVe', 'Bản vẽ');
    await panel(page).getByLabel('Dung lượng tối đa mỗi tệp').fill('2');
    await panel(page).getByLabel('Đơn vị dung lượng').selectOption('MB');
    await panel(page).getByLabel('Định dạng cho phép').fill('pdf, .DWG');
    await panel(page).getByLabel('Số tệp tối đa').fill('3');
    await preview(page).getByText(/2 MB/).waitFor();
    assert.match((await preview(page).textContent()) ?? '', /PDF, DWG/);

    // A repeating group with a nested field, added into the group.
    await addField(page, true, 'Thông tin bổ sung', 'Nhóm lặp', 'thanhVien', 'Thành viên');
    await panel(page).getByLabel('Tên gọi mỗi mục').fill('thành viên');
    await panel(page).getByLabel('Số mục tối thiểu').fill('1');
    await panel(page).getByLabel('Số mục tối đa').fill('5');
    await addField(page, true, 'Thành viên', 'Văn bản ngắn', 'hoTenTv', 'Họ tên thành viên');
    await preview(page)
      .getByRole('group', { name: 'thành viên 1' })
      .getByLabel('Họ tên thành viên')
      .waitFor();

    // Moving a field: the file goes above the conditional field; focus stays on the moved field's button.
    await page.getByRole('button', { name: 'Chuyển lên: Bản vẽ' }).click();
    const keys = await page
      .getByTestId('section-2')
      .locator('.ed-field > .ed-field-head code')
      .allTextContents();
    assert.deepEqual(keys, ['ngheNghiep', 'hinhThuc', 'banVe', 'diaChiNhan', 'thanhVien', 'hoTenTv']);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Chuyển lên: Bản vẽ',
      'focus follows the moved field',
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.deepEqual(await versionsOf(code), [], 'nothing is saved before “Lưu tờ khai”');

    await page.getByRole('button', { name: 'Lưu tờ khai' }).click();
    await page.waitForURL(`**${designerOf(code)}?tb=saved`);
    await page.getByText('Đã lưu tờ khai thành phiên bản mới').waitFor();
    assert.match((await page.getByTestId('current-version').textContent()) ?? '', /phiên bản 1/);
    assert.deepEqual(await versionsOf(code), [1]);
    const row = page.getByTestId('eform-versions').locator('tbody tr').first();
    assert.match((await row.textContent()) ?? '', /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);

    // The citizen's page renders the saved form.
    const citizen = await env.newPage();
    await citizen.goto(`/dang-nhap?next=${encodeURIComponent(`/nop-ho-so/${code}`)}`);
    await citizen.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(live.usernames.citizen);
    await citizen.getByLabel('Mật khẩu').fill(PASSWORD);
    await citizen.getByRole('button', { name: 'Đăng nhập' }).click();
    await citizen.waitForURL(`**/nop-ho-so/${code}`);
    await hydrated(citizen);
    for (const label of ['Nghề nghiệp', 'Hình thức nhận', 'Bản vẽ', 'Họ tên thành viên'])
      await citizen.getByLabel(label).first().waitFor();
    // The conditional field shows when its condition holds.
    await citizen.getByLabel('Hình thức nhận').selectOption('buudien');
    await citizen.getByLabel('Địa chỉ nhận').waitFor();
    assert.match((await citizen.locator('main').textContent()) ?? '', /Ghi theo giấy tờ tùy thân/);
  });

  it('views an older version read-only and starts a draft from it', async () => {
    const code = live.procedureCode;
    const page = await officialPage(env, editor, { width: 360 });
    await page.goto(designerOf(code));
    await hydrated(page);
    assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
    await page.getByRole('link', { name: 'Xem phiên bản 1' }).click();
    await page.getByTestId('viewed-title').getByLabel('Nghề nghiệp').waitFor();
    await page.getByRole('link', { name: 'Bắt đầu từ phiên bản 1' }).first().click();
    await page.getByText('Bản nháp bắt đầu từ phiên bản 1').waitFor();
    assert.equal(await hasHorizontalScroll(page), false);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('shows the form and its versions read-only to a reviewer', async () => {
    const reviewer = await createOfficial(env.rt.database, provinceId, ['can_bo_kiem_soat_tthc'], {
      includeSubtree: true,
    });
    const page = await officialPage(env, reviewer);
    await page.goto(designerOf(live.procedureCode));
    await hydrated(page);
    await page.getByText('Bạn chỉ được xem tờ khai').waitFor();
    assert.equal(await page.getByTestId('designer').count(), 0, 'no designer');
    await preview(page).getByLabel('Nghề nghiệp').waitFor();
    await page.getByRole('link', { name: 'Xem phiên bản 1' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Bắt đầu từ phiên bản 1' }).count(), 0);
  });

  it('refuses an invalid form, naming the field, and saves nothing', async () => {
    const code = live.procedureCode;
    const page = await officialPage(env, editor);
    await page.goto(designerOf(code));
    await hydrated(page);
    await addField(page, true, 'Thông tin người nộp hồ sơ', 'Số điện thoại', 'hoTen', 'Điện thoại nhà');
    await page.getByRole('button', { name: 'Sửa: Ngày sinh' }).click();
    await panel(page).getByLabel('Nhãn trường', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Lưu tờ khai' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    assert.match(text, /Trường “Điện thoại nhà”: Mã trường “hoTen” bị trùng/);
    assert.match(text, /Trường “ngaySinh”: Trường cần có nhãn/);
    // Each message links to the row of its field, where it is repeated.
    const href = (await summary.getByRole('link', { name: /bị trùng/ }).getAttribute('href')) ?? '';
    const target = page.locator(`[id="${href.slice(1)}"]`);
    assert.equal(await target.getAttribute('data-testid'), 'field-hoTen');
    assert.equal(await target.getAttribute('tabindex'), '-1');
    assert.match((await target.textContent()) ?? '', /bị trùng/);
    assert.deepEqual(await versionsOf(code), [1]);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('keeps the draft and says so when someone else saved meanwhile', async () => {
    const code = live.procedureCode;
    const page = await officialPage(env, editor);
    await page.goto(designerOf(code));
    await hydrated(page);
    await page.getByLabel('Tiêu đề tờ khai').fill('Tờ khai sửa đổi');
    const proc = await env.rt.database.db
      .selectFrom('procedures')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const other = {
      title: 'Của người khác',
      sections: [{ title: 'P', fields: [{ key: 'a', type: 'text', label: 'A' }] }],
    };
    await env.rt.database.db
      .insertInto('eform_versions')
      .values({ procedure_id: proc.id, version: 2, definition: JSON.stringify(other) })
      .execute();
    await page.getByRole('button', { name: 'Lưu tờ khai' }).click();
    await page.getByTestId('conflict').waitFor();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /vừa được người khác lưu/);
    assert.equal(await page.getByLabel('Tiêu đề tờ khai').inputValue(), 'Tờ khai sửa đổi');
    assert.deepEqual(await versionsOf(code), [1, 2]);
    assert.deepEqual(env.pageErrors, [], 'no script errors or hydration mismatches');
  });
});

describe('back office: e-form designer without JavaScript', () => {
  it('adds a field, applies it, sees it in the preview and saves; an invalid form is refused', async () => {
    const code = plain.procedureCode;
    const page = await officialPage(env, editor, { js: false, width: 360 });
    await page.goto(designerOf(code));
    assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
    await addField(page, false, 'Nội dung đề nghị', 'Ngày tháng', 'ngayCanCo', 'Ngày cần có kết quả');
    assert.match(page.url(), /#f-row\.1\.2$/, 'the answer opens at the new field');
    assert.equal(await hasHorizontalScroll(page), false, 'the properties panel fits 360 px');
    await panel(page).getByLabel('Không nhận ngày trong quá khứ').check();
    await press(page, 'Áp dụng', false);
    assert.match((await page.getByTestId('field-ngayCanCo').textContent()) ?? '', /Ngày cần có kết quả/);
    await preview(page).getByLabel('Ngày cần có kết quả').waitFor();
    assert.equal(await panel(page).getByLabel('Không nhận ngày trong quá khứ').isChecked(), true);

    // An empty label is refused with the field named; nothing saved, the draft kept.
    await panel(page).getByLabel('Nhãn trường', { exact: true }).fill('');
    await press(page, 'Lưu tờ khai', false);
    assert.match(
      (await page.locator('.error-summary').textContent()) ?? '',
      /Trường “ngayCanCo”: Trường cần có nhãn/,
    );
    assert.match((await page.getByTestId('field-ngayCanCo').textContent()) ?? '', /Trường cần có nhãn/);
    assert.deepEqual(await versionsOf(code), []);

    await panel(page).getByLabel('Nhãn trường', { exact: true }).fill('Ngày cần có kết quả');
    await press(page, 'Chuyển lên: ngayCanCo', false);
    await press(page, 'Lưu tờ khai', false);
    assert.match(page.url(), /\?tb=saved$/);
    assert.deepEqual(await versionsOf(code), [1]);
    const keys = await page.getByTestId('section-1').locator('.ed-field-head code').allTextContents();
    assert.deepEqual(keys, ['noiDung', 'ngayCanCo', 'camDoan']);
    assert.equal(await hasHorizontalScroll(page), false);
  });
});
