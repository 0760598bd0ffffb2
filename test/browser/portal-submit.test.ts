import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  hasHorizontalScroll,
  hydrated,
  press,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { pdfText } from '../support/pdf-text.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

// Online submission on the portal (III.1.1, III.1.2, III.4.2, III.15.2): a signed-in citizen, with and
// without JavaScript, at 360 px, fills the procedure's e-form (prefilled from the account), gets the
// field errors next to the fields with everything typed kept, reviews and submits; the counter's
// online inbox then holds the dossier.
let env: BrowserEnv;
let o: DossierOffice;
let fullName = '';
/** A second office whose procedure has its own e-form: a conditional field and a repeating group. */
let g: DossierOffice;

const FORM = {
  title: 'Tờ khai có nhóm lặp',
  sections: [
    {
      title: 'Người khai',
      fields: [
        { key: 'uyQuyen', type: 'checkbox', label: 'Nộp thay người khác' },
        {
          key: 'mucDich',
          type: 'choice',
          multiple: true,
          label: 'Mục đích sử dụng',
          required: true,
          options: [
            { value: 'hoc', label: 'Đi học' },
            { value: 'viec', label: 'Xin việc' },
            { value: 'khac', label: 'Khác' },
          ],
        },
        {
          key: 'mucDichKhac',
          type: 'text',
          label: 'Mục đích khác',
          visibleWhen: { field: 'mucDich', in: ['khac'] },
        },
        {
          key: 'nguoiUyQuyen',
          type: 'text',
          label: 'Họ tên người ủy quyền',
          required: true,
          visibleWhen: { field: 'uyQuyen', in: ['true'] },
        },
        {
          key: 'banSao',
          type: 'file',
          label: 'Bản sao giấy khai sinh',
          required: true,
          maxBytes: 1_048_576,
          extensions: ['pdf'],
          maxFiles: 2,
        },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên gia đình',
          itemLabel: 'thành viên',
          minItems: 1,
          maxItems: 4,
          fields: [
            { key: 'ten', type: 'text', label: 'Họ tên thành viên', required: true },
            { key: 'ngaySinh', type: 'date', label: 'Ngày sinh thành viên', help: 'Dạng DD/MM/YYYY' },
          ],
        },
      ],
    },
  ],
};

before(async () => {
  env = await startBrowserEnv();
  o = await dossierOffice(env.rt);
  const acc = await env.rt.database.db
    .selectFrom('accounts')
    .select('full_name')
    .where('username', '=', o.usernames.citizen)
    .executeTakeFirstOrThrow();
  fullName = acc.full_name;
  g = await dossierOffice(env.rt);
  const proc = await env.rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', g.procedureCode)
    .executeTakeFirstOrThrow();
  await env.rt.database.db
    .insertInto('eform_versions')
    .values({ procedure_id: proc.id, version: 1, definition: JSON.stringify(FORM) })
    .execute();
});
after(async () => env.close());

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';
  describe(`portal online submission ${mode}`, () => {
    it('signs in, fills the prefilled form, fixes an error, reviews and submits', async () => {
      const page = await env.newPage({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      const path = `/nop-ho-so/${o.procedureCode}`;
      await page.goto(path);
      if (js) await hydrated(page);
      await page.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ' }).click();
      await page.waitForURL('**/dang-nhap?next=**');
      if (js) await hydrated(page);
      await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => u.pathname === path);
      if (js) await hydrated(page);

      // Prefilled from the account (III.1.1).
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), fullName);
      assert.equal(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue(), o.citizenIdNumber);
      assert.equal(await page.getByLabel('Số điện thoại', { exact: true }).inputValue(), '0912345678');
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);
      if (js) assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');

      // Province, then its communes.
      await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption('38');
      await press(page, 'Cập nhật danh sách xã, phường', js);
      await page.getByLabel('Xã, phường', { exact: true }).selectOption('14797');
      await page.getByLabel('Số nhà, đường, thôn, xóm', { exact: true }).fill('Số 5 đường Trần Phú');
      await page.getByLabel('Nội dung đề nghị').fill('Đề nghị cấp giấy phép');
      await page.getByLabel('Số điện thoại', { exact: true }).fill('12ab');
      await press(page, 'Kiểm tra và nộp', js);

      // The error next to the field and in the summary; everything typed kept.
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.match((await summary.textContent()) ?? '', /Số điện thoại/);
      assert.match((await summary.textContent()) ?? '', /cam đoan/i);
      assert.match((await page.locator('#f-dienThoai-error').textContent()) ?? '', /10 chữ số/);
      assert.equal(await page.getByLabel('Số điện thoại', { exact: true }).inputValue(), '12ab');
      assert.equal(await page.getByLabel('Nội dung đề nghị').inputValue(), 'Đề nghị cấp giấy phép');
      assert.equal(await page.getByLabel('Xã, phường', { exact: true }).inputValue(), '14797');
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);

      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
      await page.getByLabel(/Tôi xin cam đoan/).check();
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      const review = (await page.locator('main').textContent()) ?? '';
      assert.match(review, /Đề nghị cấp giấy phép/);
      assert.match(review, /Phường Hạc Thành/);
      if (js) assert.equal(await hasHorizontalScroll(page), false);
      // The form as typed, printed before submitting (III.1.3).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải tờ khai (PDF) để in' }).click(),
      ]);
      const pdf = pdfText((await download.path()) ?? '');
      assert.match(pdf, /Đề nghị cấp giấy phép/);
      assert.match(pdf, /Phường Hạc Thành/);

      await press(page, 'Nộp hồ sơ', js);
      await page.getByTestId('dossier-code').waitFor();
      const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
      assert.match(code, /^\S+-\d{6}-\d{4}$/);
      assert.equal((await page.getByTestId('dossier-status').textContent())?.trim(), 'Mới đăng ký');
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);

      const inbox = await o.counter.get('/api/dossiers?list=cho_tiep_nhan');
      assert.equal(inbox.statusCode, 200, inbox.body);
      assert.ok(inbox.body.includes(code), 'the counter’s online inbox holds the dossier');
      const row = await env.rt.database.db
        .selectFrom('dossiers')
        .select(['form_data', 'eform_version', 'status'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      assert.equal(row.eform_version, 0);
      assert.equal(row.status, 'moi_dang_ky');
      assert.equal(row.form_data.dienThoai, '0912345678');
    });
  });
}

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';
  describe(`portal online submission, repeating groups and conditional fields ${mode}`, () => {
    it('adds and removes group items and shows the conditional field when it applies', async () => {
      const page = await env.newPage({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      const path = `/nop-ho-so/${g.procedureCode}`;
      await page.goto(`/dang-nhap?next=${encodeURIComponent(path)}`);
      if (js) await hydrated(page);
      await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(g.usernames.citizen);
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => u.pathname === path);
      if (js) await hydrated(page);

      const other = page.getByLabel('Họ tên người ủy quyền');
      if (js) {
        assert.equal(await other.count(), 0, 'hidden until "Nộp thay" is ticked');
        await page.getByLabel('Nộp thay người khác').check();
        await other.waitFor();
      } else {
        assert.match(
          (await page.locator('#f-nguoiUyQuyen-hint').textContent()) ?? '',
          /Chỉ điền khi “Nộp thay người khác” là: Có/,
        );
        await page.getByLabel('Nộp thay người khác').check();
      }
      await other.fill('Nguyễn Văn Cha');
      // A multiple choice: one checkbox per option; a field shown when one of the ticked is "Khác".
      const otherAim = page.getByLabel('Mục đích khác');
      if (js) assert.equal(await otherAim.count(), 0);
      await page.getByLabel('Đi học').check();
      await page.getByLabel('Khác', { exact: true }).check();
      await otherAim.fill('Du lịch');

      await page.getByLabel('Họ tên thành viên').fill('Nguyễn Thị Con');
      await press(page, 'Thêm thành viên', js);
      assert.equal(await page.getByLabel('Họ tên thành viên').count(), 2);
      assert.equal(await page.getByLabel('Họ tên thành viên').first().inputValue(), 'Nguyễn Thị Con');
      assert.equal(await other.inputValue(), 'Nguyễn Văn Cha', 'typed values survive adding an item');
      await press(page, 'Kiểm tra và nộp', js);
      // The empty second item is an error next to its field.
      await page.locator('#f-thanhVien\\[1\\]\\.ten-error').waitFor();
      await press(page, 'Bỏ thành viên 2', js);
      assert.equal(await page.getByLabel('Họ tên thành viên').count(), 1);
      await page.getByLabel('Ngày sinh thành viên').fill('05/01/2015');
      assert.match(
        (await page.locator('#f-banSao-hint').textContent()) ?? '',
        /Tối đa 1 MB mỗi tệp, định dạng: PDF/,
      );
      if (js) {
        // With JavaScript a wrong type or size is refused when chosen, before anything is sent.
        const input = page.getByLabel('Bản sao giấy khai sinh');
        await input.setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('x') });
        await page
          .getByTestId('file-check')
          .filter({ hasText: 'anh.png: chỉ nhận tệp định dạng PDF' })
          .waitFor();
        assert.equal(await input.evaluate((el) => (el as HTMLInputElement).files?.length), 0);
        const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_100_000, 32)]);
        await input.setInputFiles({ name: 'lon.pdf', mimeType: 'application/pdf', buffer: big });
        await page.getByTestId('file-check').filter({ hasText: 'lon.pdf: lớn hơn 1 MB' }).waitFor();
        assert.equal(await input.evaluate((el) => (el as HTMLInputElement).files?.length), 0);
      }
      await page.getByLabel('Bản sao giấy khai sinh').setInputFiles({
        name: 'khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%thu nghiem\n'),
      });
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);
      if (js) assert.equal(await hasHorizontalScroll(page), false);
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      assert.match((await page.locator('main').textContent()) ?? '', /Đi học, Khác/);
      await press(page, 'Nộp hồ sơ', js);
      await page.getByTestId('dossier-code').waitFor();
      const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
      const row = await env.rt.database.db
        .selectFrom('dossiers')
        .select(['form_data', 'eform_version'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      assert.equal(row.eform_version, 1);
      const files = (row.form_data as { banSao?: string[] }).banSao ?? [];
      assert.equal(files.length, 1);
      const attached = await env.rt.database.db
        .selectFrom('dossier_files as f')
        .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
        .select(['f.file_name', 'd.code'])
        .where('f.id', '=', files[0] ?? '')
        .executeTakeFirstOrThrow();
      assert.deepEqual(attached, { file_name: 'khai-sinh.pdf', code });
      assert.deepEqual(row.form_data, {
        banSao: files,
        uyQuyen: true,
        nguoiUyQuyen: 'Nguyễn Văn Cha',
        mucDich: ['hoc', 'khac'],
        mucDichKhac: 'Du lịch',
        thanhVien: [{ ten: 'Nguyễn Thị Con', ngaySinh: '2015-01-05' }],
      });
    });
  });
}

describe('portal: where applying online starts', () => {
  it('leads the menu’s “Nộp hồ sơ” to the catalog of procedures done entirely online', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/nop-ho-so');
    const url = new URL(page.url());
    assert.equal(url.pathname, '/thu-tuc-hanh-chinh');
    assert.equal(url.searchParams.get('onlineLevel'), 'full');
  });
});
