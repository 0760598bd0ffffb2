import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { sql } from 'kysely';
import { ProcedureContentSchema } from '../../src/modules/procedures/schema.ts';
import { createAgency, createOfficial } from '../support/factories.ts';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { importNational, nationalRecords } from '../support/procedures.ts';

// The back-office screens of the procedure catalog (TT 22/2019 II.1.1–1.3, II.2.1–2.2, II.2.5, III.7),
// used by an editor (biên tập viên) and a procedure-control officer (kiểm soát TTHC) of the province.
let env: BrowserEnv;
type Official = { id: string; username: string; password: string };
let editor: Official;
let reviewer: Official;
let lead: Official; // both roles: imports and publishes in one go
const FLAGGED = '1.000931';
const CLEAN = '1.000253';
const SEEDED = [CLEAN, FLAGGED, '1.001010', '1.001146'];
const CODE = 'T.900001';
const GUIDE = 'Hỏi đáp thử nghiệm về giấy xác nhận';

before(async () => {
  env = await startBrowserEnv();
  const province = await createAgency(env.rt.database, {
    parentId: null,
    level: 'province',
    name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  });
  await createAgency(env.rt.database, { parentId: province.id, level: 'commune', name: 'Xã Thử Một' });
  await createAgency(env.rt.database, { parentId: province.id, level: 'commune', name: 'Phường Thử Hai' });
  editor = await createOfficial(env.rt.database, province.id, ['bien_tap_vien'], { includeSubtree: true });
  reviewer = await createOfficial(env.rt.database, province.id, ['can_bo_kiem_soat_tthc'], {
    includeSubtree: true,
  });
  lead = await createOfficial(env.rt.database, province.id, ['bien_tap_vien', 'can_bo_kiem_soat_tthc'], {
    includeSubtree: true,
  });
  await importNational(env.rt.services, { codes: SEEDED });
});
after(async () => env.close());

const signedIn = (who: Official, options: { js?: boolean; width?: number } = {}) =>
  officialPage(env, who, options);

const countProcedures = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from procedures`.execute(env.rt.database.db)).rows[0]
    ?.n ?? 0;
const upload = (page: Page, label: string, name: string, mimeType: string, body: string | Buffer) =>
  page
    .getByLabel(label)
    .setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
const textOf = async (l: Locator) => (await l.textContent()) ?? '';
const errorOf = async (page: Page, field: string) => textOf(page.locator(`#f-${field}-error`));

describe('back office: procedure catalog, form templates, guides', () => {
  it('fields: an editor adds a field (without JavaScript)', async () => {
    const page = await signedIn(editor, { js: false });
    await page.goto('/mot-cua/thu-tuc/linh-vuc');
    await page.getByLabel('Tên lĩnh vực').fill('Lĩnh vực thử nghiệm');
    await page.getByLabel('Thứ tự').fill('mười');
    await page.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    assert.match(await errorOf(page, 'sortOrder'), /số nguyên/);
    await page.getByLabel('Thứ tự').fill('5');
    await page.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await page.getByText('Đã thêm lĩnh vực.').waitFor();
    assert.match(await textOf(page.getByTestId('fields')), /Lĩnh vực thử nghiệmlinh-vuc-thu-nghiem/);
    // Rename it inline.
    await page.getByRole('link', { name: 'Sửa Lĩnh vực thử nghiệm' }).click();
    await page.getByLabel('Tên lĩnh vực').fill('Lĩnh vực thử nghiệm mới');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu lĩnh vực.').waitFor();
    await page
      .getByTestId('fields')
      .getByRole('link', { name: 'Lĩnh vực thử nghiệm mới', exact: true })
      .waitFor();
  });

  it('editor: bad input is refused field by field and nothing is saved; good input creates a draft', async () => {
    const page = await signedIn(editor, { js: false });
    await page.goto('/mot-cua/thu-tuc');
    await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
    await page.waitForURL('**/mot-cua/thu-tuc/them');
    const before = await countProcedures();
    await page.getByLabel('Mã thủ tục').fill('x');
    await page.locator('#f-comp-0-name').fill('Tờ khai thử nghiệm');
    await page.locator('#f-comp-0-originals').fill('một');
    await page.locator('#f-ch-0-offered').check();
    await page.locator('#f-ch-0-deadlineValue').fill('năm ngày');
    await page.getByLabel('Đường dẫn nguồn').fill('không phải địa chỉ');
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await errorOf(page, 'code'), /Mã thủ tục \(code\)/);
    assert.match(await errorOf(page, 'name'), /Tên thủ tục \(name\) là bắt buộc/);
    assert.match(await errorOf(page, 'fieldCode'), /Chọn lĩnh vực/);
    assert.match(await errorOf(page, 'onlineLevel'), /Chọn mức độ trực tuyến/);
    assert.match(await errorOf(page, 'comp-0-originals'), /số nguyên/);
    assert.match(await errorOf(page, 'ch-0-deadlineValue'), /con số/);
    assert.match(await errorOf(page, 'sourceUrl'), /sourceUrl/);
    const summary = await page
      .locator('.error-summary a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(summary.includes('#f-code') && summary.includes('#f-comp-0-originals'), summary.join());
    // What was typed is kept.
    assert.equal(await page.locator('#f-comp-0-name').inputValue(), 'Tờ khai thử nghiệm');
    assert.equal(await countProcedures(), before);

    // Good input, still without results and legal basis (a draft may be incomplete).
    await page.getByLabel('Mã thủ tục').fill(CODE);
    await page.getByLabel('Tên thủ tục').fill('Thủ tục thử nghiệm cấp giấy xác nhận');
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Lĩnh vực thử nghiệm mới' });
    await page.getByLabel('Cấp tỉnh').check();
    await page.getByLabel('Đối tượng thực hiện').fill('Công dân Việt Nam\nNgười nước ngoài');
    await page.getByLabel('Mức độ trực tuyến').selectOption('partial');
    await page.getByLabel('Mức độ dịch vụ công (cũ)').selectOption('3');
    await page.getByLabel('Các bước thực hiện').fill('Bước 1: Nộp hồ sơ\nBước 2: Nhận kết quả');
    await page.locator('#f-comp-0-originals').fill('1');
    await page.locator('#f-ch-0-deadlineValue').fill('5');
    await page.locator('#f-ch-0-deadlineUnit').selectOption('working_days');
    await page.locator('#f-ch-0-fee-0-amount').fill('50.000');
    await page.getByLabel('Đường dẫn nguồn').fill('');
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await page.waitForURL(`**/mot-cua/thu-tuc/${CODE}?tb=created`);
    await page.getByText('Đã thêm thủ tục (bản nháp)').waitFor();
    assert.equal(await countProcedures(), before + 1);
    const row = await env.rt.database.db
      .selectFrom('procedures')
      .select(['content', 'status'])
      .where('code', '=', CODE)
      .executeTakeFirstOrThrow();
    const content = ProcedureContentSchema.parse(row.content);
    assert.equal(row.status, 'draft');
    assert.equal(content.channels[0]?.fees[0]?.amountVnd, 50000);
    assert.deepEqual(content.applicantTypes, ['Công dân Việt Nam', 'Người nước ngoài']);
    // The page says what is missing before publication.
    const issues = await textOf(page.getByTestId('publication-issues'));
    assert.match(issues, /kết quả thực hiện \(results\)/);
    assert.match(issues, /căn cứ pháp lý \(legalBasis\)/);
  });

  it('reviewer: publishing an incomplete procedure names what is missing', async () => {
    const page = await signedIn(reviewer, { js: false });
    await page.goto(`/mot-cua/thu-tuc/${CODE}`);
    assert.equal(await page.getByRole('link', { name: 'Sửa thủ tục' }).count(), 0, 'reviewers do not edit');
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    assert.match(await textOf(page.locator('.error-summary')), /chưa đủ thông tin để công bố/);
    const missing = await textOf(page.getByTestId('missing'));
    assert.match(missing, /Chưa có kết quả thực hiện \(results\)/);
    assert.match(missing, /Chưa có căn cứ pháp lý \(legalBasis\)/);
    assert.match(await textOf(page.getByTestId('summary')), /Số lần công bố0/);
  });

  it('editor completes the draft; reviewer publishes; the history names both', async () => {
    const page = await signedIn(editor, { js: false });
    await page.goto(`/mot-cua/thu-tuc/${CODE}/sua`);
    assert.equal(await page.locator('#f-comp-0-name').inputValue(), 'Tờ khai thử nghiệm');
    await page.locator('#f-res-0-name').fill('Giấy xác nhận thử nghiệm');
    await page.locator('#f-lb-0-number').fill('01/2025/TT-TN');
    await page.locator('#f-lb-0-title').fill('Thông tư hướng dẫn thử nghiệm');
    await page.getByLabel('Ghi chú thay đổi').fill('Bổ sung kết quả và căn cứ');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(`**/mot-cua/thu-tuc/${CODE}?tb=saved`);
    await page.getByText('Đã lưu bản nháp.').waitFor();
    assert.equal(await page.getByTestId('publication-issues').count(), 0);

    const review = await signedIn(reviewer, { js: false });
    await review.goto(`/mot-cua/thu-tuc/${CODE}`);
    await review.getByLabel('Ghi chú khi công bố').fill('Công bố lần đầu');
    await review.getByRole('button', { name: 'Công bố', exact: true }).click();
    await review.waitForURL(`**/mot-cua/thu-tuc/${CODE}?tb=published`);
    await review.getByText('Đã công bố thủ tục.').waitFor();
    assert.match(await textOf(review.locator('.proc-head')), /Đã công bố/);
    const rows = review.getByTestId('history').locator('tbody tr');
    const history = await rows.allTextContents();
    assert.equal(history.length, 3);
    const stamp = '\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}'; // DD/MM/YYYY HH:mm:ss
    assert.match(
      history[0] ?? '',
      new RegExp(`^${stamp}.+\\(${reviewer.username}\\)Công bố.*Công bố lần đầu`),
    );
    assert.match(
      history[1] ?? '',
      new RegExp(`\\(${editor.username}\\)Sửa bản nháp.*Bổ sung kết quả và căn cứ`),
    );
    assert.match(history[2] ?? '', new RegExp(`\\(${editor.username}\\)Tạo mới`));

    // A past version opens read-only.
    await rows.nth(2).getByRole('link').click();
    await review.getByRole('heading', { level: 1, name: `Thủ tục ${CODE}, phiên bản 1` }).waitFor();
    assert.match(await textOf(review.getByTestId('version-meta')), new RegExp(editor.username));
    await review.getByText('Tờ khai thử nghiệm').waitFor();
    assert.equal(await review.locator('form[method="post"] textarea').count(), 0);

    // The portal's API serves the published version.
    const res = await review.request.get(`/api/public/procedures/${CODE}`);
    assert.equal(res.status(), 200);
  });

  it('a save from a stale form shows the conflict and offers to reload', async () => {
    const first = await signedIn(editor);
    const second = await signedIn(editor);
    await first.goto(`/mot-cua/thu-tuc/${CODE}/sua`);
    await second.goto(`/mot-cua/thu-tuc/${CODE}/sua`);
    await hydrated(first);
    await hydrated(second);
    // With JavaScript, rows can be added beyond the blank ones offered.
    const blocks = first.locator('fieldset[data-testid^="comp-"]');
    const n = await blocks.count();
    await first.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    assert.equal(await blocks.count(), n + 1);
    await first.locator(`#f-comp-${n}-name`).fill('Giấy tờ thêm bằng nút');
    await first.getByLabel('Tên thủ tục').fill('Thủ tục thử nghiệm cấp giấy xác nhận (sửa lần 1)');
    await first.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await first.waitForURL(`**/mot-cua/thu-tuc/${CODE}?tb=saved`);
    await first.getByText('Giấy tờ thêm bằng nút').waitFor();
    await second.getByLabel('Tên thủ tục').fill('Bản sửa cũ hơn');
    await second.getByRole('button', { name: 'Lưu thay đổi' }).click();
    assert.match(await textOf(second.locator('.error-summary')), /vừa được người khác thay đổi/);
    assert.equal(await second.getByLabel('Tên thủ tục').inputValue(), 'Bản sửa cũ hơn');
    const reload = second.getByTestId('conflict').getByRole('link');
    assert.equal(await reload.getAttribute('href'), `/mot-cua/thu-tuc/${CODE}/sua`);
    await reload.click();
    await second.waitForURL(`**/mot-cua/thu-tuc/${CODE}/sua`);
    await hydrated(second);
    assert.match(await second.getByLabel('Tên thủ tục').inputValue(), /sửa lần 1/);
    // The published copy is unchanged; the list says there are unpublished changes.
    await second.goto(`/mot-cua/thu-tuc?q=${encodeURIComponent(CODE)}`);
    assert.match(
      await textOf(second.getByTestId('procedures').locator('tbody tr').first()),
      /Đã công bốCó thay đổi chưa công bố/,
    );
  });

  it('agencies: all communes of the province are chosen in one go', async () => {
    const page = await signedIn(editor);
    await page.goto(`/mot-cua/thu-tuc/${CODE}/co-quan`);
    await hydrated(page);
    await page.getByLabel(/Chọn tất cả các xã, phường, đặc khu \(2 đơn vị\)/).check();
    await page.getByLabel('Lọc theo tên').fill('thu mot');
    assert.equal(await page.getByTestId('agencies').locator('tbody tr:visible').count(), 1);
    await page.getByRole('button', { name: 'Lưu cơ quan thực hiện' }).click();
    await page.waitForURL(`**/mot-cua/thu-tuc/${CODE}?tb=agencies`);
    await page.getByRole('link', { name: 'Cơ quan thực hiện (2)' }).waitFor();
    assert.match(await textOf(page.getByTestId('summary')), /Xã Thử Một \(Trực tiếp\)/);
  });

  it('the "cần xem lại" filter lists the flagged records only', async () => {
    const page = await signedIn(reviewer);
    await page.goto('/mot-cua/thu-tuc');
    await hydrated(page);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Cần xem lại' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/trang-thai=flagged/);
    await page.locator(`tr[data-code="${CLEAN}"]`).waitFor({ state: 'detached' });
    const codes = await page
      .getByTestId('procedures')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    assert.ok(codes.includes(FLAGGED), codes.join());
    const flagged = await env.rt.database.db
      .selectFrom('procedures')
      .select('code')
      .where('flag_count', '>', 0)
      .execute();
    assert.deepEqual(codes.sort(), flagged.map((f) => f.code).sort());
    // The flagged record says why.
    await page.goto(`/mot-cua/thu-tuc/${FLAGGED}`);
    assert.ok((await page.getByTestId('flags').locator('li').count()) > 0);
  });

  it('import: a malformed file is refused whole with record and field; a valid file imports and publishes', async () => {
    const page = await signedIn(lead);
    await page.goto('/mot-cua/thu-tuc/dong-bo');
    await hydrated(page);
    const before = await countProcedures();
    const [good1, good2] = nationalRecords().filter((r) => !SEEDED.includes(r.MATTHC as string));
    const malformed = {
      result: [{ ...good1, TENTTHC: '' }, good2, { MATTHC: 'X.000001', LINHVUCTHUCHIEN: 'Hộ tịch' }],
    };
    await upload(page, 'Tệp LayThuTuc (.json)', 'hong.json', 'application/json', JSON.stringify(malformed));
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const text = await textOf(problems);
    assert.match(text, new RegExp(`result\\[0\\] \\(${String(good1?.MATTHC).replace('.', '\\.')}\\)TENTTHC`));
    assert.match(text, /result\[2\] \(X\.000001\)TENTTHC/);
    assert.match(text, /result\[2\] \(X\.000001\)LINHVUCTHUCHIEN/);
    assert.match(await textOf(page.locator('.error-summary')), /chưa thủ tục nào được nhập/);
    assert.equal(await countProcedures(), before);

    // Not JSON at all.
    await upload(page, 'Tệp LayThuTuc (.json)', 'ghi-chu.txt', 'text/plain', 'xin chào');
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await page.locator('#f-file-error').getByText('Tệp phải là tệp JSON (.json)').waitFor();

    await upload(
      page,
      'Tệp LayThuTuc (.json)',
      'dung.json',
      'application/json',
      JSON.stringify({ error_code: '00', result: [good1, good2] }),
    );
    await page.getByLabel('Công bố những thủ tục đủ thông tin').check();
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    const report = page.getByTestId('report');
    await report.waitFor();
    assert.equal(await report.getByTestId('r-created').locator('dd').textContent(), '2');
    assert.equal(await countProcedures(), before + 2);
    const published = Number(await report.getByTestId('r-published').locator('dd').textContent());
    const drafts = await page.getByTestId('left-as-draft').locator('li').count();
    assert.equal(published + drafts, 2);
  });

  it('export: the catalog downloads as LayThuTuc JSON', async () => {
    const page = await signedIn(reviewer);
    const res = await page.request.get('/mot-cua/thu-tuc/xuat?drafts=true');
    assert.equal(res.status(), 200);
    assert.match(
      res.headers()['content-disposition'] ?? '',
      /attachment; filename="thu-tuc-ban-nhap-\d{8}\.json"/,
    );
    const body = (await res.json()) as { result: { MATTHC: string }[] };
    assert.ok(body.result.some((r) => r.MATTHC === CODE));
  });

  it('form templates: a wrong type is refused with the limit shown; a PDF uploads and downloads', async () => {
    const page = await signedIn(editor);
    await page.goto('/mot-cua/thu-tuc/bieu-mau');
    await hydrated(page);
    await page.getByLabel('Mã biểu mẫu', { exact: true }).fill('TN-01');
    await page.getByLabel('Tên biểu mẫu', { exact: true }).fill('Tờ khai thử nghiệm');
    await page.getByLabel('Căn cứ pháp lý').fill('Thông tư 01/2025/TT-TN');
    await page.getByRole('button', { name: 'Thêm biểu mẫu' }).click();
    await page.waitForURL(/sua=TN-01/);
    await page.getByText('Đã lưu biểu mẫu.').waitFor();
    const hint = await textOf(page.locator('#f-file-hint'));
    assert.match(hint, /Tối đa 10 MB.*\.pdf.*\.docx/);

    await upload(page, 'Tệp biểu mẫu', 'to-khai.exe', 'application/octet-stream', 'MZ not a form');
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    await page.locator('#f-file-error').waitFor();
    assert.match(await errorOf(page, 'file'), /phải là \.pdf/);
    assert.match(await textOf(page.getByTestId('current-file')), /Chưa có tệp/);

    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
        'trailer<</Root 1 0 R>>\n%%EOF\n',
      'latin1',
    );
    await upload(page, 'Tệp biểu mẫu', 'to-khai.pdf', 'application/pdf', pdf);
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    await page.getByText('Đã tải tệp biểu mẫu lên.').waitFor();
    const link = page.getByTestId('current-file').getByRole('link', { name: 'to-khai.pdf' });
    assert.equal(await link.getAttribute('href'), '/bieu-mau/TN-01/to-khai.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = await readFile(await download.path());
    assert.ok(bytes.equals(pdf));
    // Anyone can download it (forms are public).
    const anonymous = await env.newPage();
    const res = await anonymous.request.get('/bieu-mau/TN-01/to-khai.pdf');
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
  });

  it('guides: create as a draft, publish by editing; the public API lists it; delete after confirming', async () => {
    const page = await signedIn(editor, { js: false });
    const publicTitles = async () =>
      (
        (await (await page.request.get('/api/public/guides')).json()) as { items: { title: string }[] }
      ).items.map((i) => i.title);
    await page.goto('/mot-cua/huong-dan');
    await page.getByRole('link', { name: 'Thêm bài' }).click();
    await page.waitForURL('**/mot-cua/huong-dan/them');
    await page.getByLabel('Tiêu đề').fill(GUIDE);
    await page.getByLabel('Đường dẫn').fill('Hỏi đáp');
    await page.getByLabel('Mã các thủ tục liên quan').fill(`${CODE}, 9.999999`);
    await page.getByRole('button', { name: 'Thêm bài' }).click();
    assert.match(await errorOf(page, 'kind'), /Chọn loại bài/);
    assert.match(await errorOf(page, 'slug'), /Đường dẫn \(slug\)/);
    await page.getByLabel('Loại').selectOption('faq');
    await page.getByLabel('Đường dẫn').fill('hoi-dap-thu-nghiem');
    await page.getByRole('button', { name: 'Thêm bài' }).click();
    assert.match(await errorOf(page, 'procedureCodes'), /9\.999999/);
    await page.getByLabel('Mã các thủ tục liên quan').fill(CODE);
    await page.getByRole('button', { name: 'Thêm bài' }).click();
    await page.getByText('Đã thêm bài.').waitFor();
    assert.ok(!(await publicTitles()).includes(GUIDE), 'a draft is not public');

    await page.getByLabel('Nội dung').fill('Người dân nộp tờ khai tại bộ phận một cửa.');
    await page.getByLabel('Đăng trên Cổng Dịch vụ công').check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu bài.').waitFor();
    assert.ok((await publicTitles()).includes(GUIDE));

    await page.getByRole('button', { name: 'Xóa bài' }).click();
    assert.match(await errorOf(page, 'confirm'), /Đánh dấu ô xác nhận/);
    await page.getByLabel(/Tôi xác nhận xóa bài/).check();
    await page.getByRole('button', { name: 'Xóa bài' }).click();
    await page.waitForURL('**/mot-cua/huong-dan?tb=deleted');
    await page.getByText('Đã xóa bài.').waitFor();
    assert.ok(!(await publicTitles()).includes(GUIDE));
  });

  it('axe-core finds no serious or critical problems; no horizontal scrolling at 360 px', async () => {
    const pages = (
      `/mot-cua/thu-tuc /mot-cua/thu-tuc/them /mot-cua/thu-tuc/${CODE} /mot-cua/thu-tuc/${CODE}/sua ` +
      `/mot-cua/thu-tuc/${CODE}/co-quan /mot-cua/thu-tuc/${FLAGGED} /mot-cua/thu-tuc/dong-bo ` +
      '/mot-cua/thu-tuc/linh-vuc /mot-cua/thu-tuc/bieu-mau /mot-cua/thu-tuc/bieu-mau?sua=TN-01 ' +
      '/mot-cua/huong-dan /mot-cua/huong-dan/them'
    ).split(' ');
    const problems: string[] = [];
    const wide: string[] = [];
    const page = await signedIn(lead);
    const narrow = await signedIn(lead, { width: 360 });
    for (const path of pages) {
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
