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
import type { TestClient } from '../support/http.ts';

// The citizen's document store (V.8, III.1.1) with and without JavaScript at 360 px: a document the
// counter verified is listed with its agency and date, an own upload is added (limits shown next to
// the input) and deleted after a confirmation; on the online form a stored document is chosen under
// "Chọn từ kho dữ liệu" instead of uploading again, a file field inside a repeating group takes its
// own upload, the review lists the files per field, and the dossier holds both.
let env: BrowserEnv;
let o: DossierOffice;
/** Own documents stored through the API before any browser signs in (per mode). */
const ownDocs = new Map<boolean, { id: string; title: string }>();

const FORM = {
  title: 'Tờ khai có giấy tờ',
  sections: [
    {
      title: 'Giấy tờ kèm theo',
      fields: [
        {
          key: 'khaiSinh',
          type: 'file',
          label: 'Bản sao giấy khai sinh',
          required: true,
          maxBytes: 1_048_576,
          extensions: ['pdf'],
        },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên gia đình',
          itemLabel: 'thành viên',
          minItems: 1,
          fields: [
            { key: 'ten', type: 'text', label: 'Họ tên thành viên', required: true },
            {
              key: 'giayTo',
              type: 'file',
              label: 'Giấy tờ của thành viên',
              maxBytes: 1_048_576,
              extensions: ['pdf'],
            },
          ],
        },
      ],
    },
  ],
};

const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n%${tag} ${Math.random()}\n`, 'latin1');

async function storeOwn(client: TestClient, fileName: string, title: string) {
  const res = await client.request({
    method: 'POST',
    url: `/api/me/documents?fileName=${encodeURIComponent(fileName)}&title=${encodeURIComponent(title)}`,
    payload: pdf(title),
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

before(async () => {
  env = await startBrowserEnv();
  o = await dossierOffice(env.rt);
  const proc = await env.rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  await env.rt.database.db
    .insertInto('eform_versions')
    .values({ procedure_id: proc.id, version: 1, definition: JSON.stringify(FORM) })
    .execute();
  // A component the counter accepted: a verified document of the citizen.
  const up = await o.counter.request({
    method: 'POST',
    url: `/api/dossier-files?fileName=${encodeURIComponent('Giấy chứng nhận.pdf')}`,
    payload: pdf('verified'),
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(up.statusCode, 201, up.body);
  await o.receive({
    fileIds: [up.json<{ id: string }>().id],
    components: [{ name: 'Giấy chứng nhận', copyType: 'original', count: 1, received: true }],
  });
  for (const js of [false, true]) {
    const title = `Giấy khai sinh ${js ? 'with JavaScript' : 'without JavaScript'}`;
    ownDocs.set(js, { id: await storeOwn(o.citizen, 'khai-sinh.pdf', title), title });
  }
});
after(async () => env.close());

async function signedIn(js: boolean, path: string): Promise<Page> {
  const page = await env.newPage({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
  await page.goto(`/dang-nhap?next=${encodeURIComponent(path)}`);
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === path);
  if (js) await hydrated(page);
  return page;
}

const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/;

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript' : 'without JavaScript';
  describe(`portal document store ${mode}`, () => {
    it('lists a verified document, uploads an own one and deletes it after confirming', async () => {
      const page = await signedIn(js, '/kho-du-lieu');
      await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu của tôi' }).waitFor();
      const verified = page.getByTestId('document').filter({ hasText: 'Giấy chứng nhận' });
      assert.match((await verified.textContent()) ?? '', /Đã được cơ quan xác minh/);
      assert.match((await verified.textContent()) ?? '', DATE_TIME);
      assert.ok(await verified.getByRole('link', { name: 'Tải xuống Giấy chứng nhận.pdf' }).count());
      assert.match((await page.locator('#f-file-hint').textContent()) ?? '', /Tối đa 10 MB mỗi tệp/);

      // No file chosen: the message next to the input and in the summary.
      await press(page, 'Lưu vào kho dữ liệu', js);
      await page.locator('#f-file-error').waitFor();
      assert.match((await page.locator('.error-summary').textContent()) ?? '', /Hãy chọn tệp/);

      const title = `Sổ hộ khẩu ${mode}`;
      await page.getByLabel('Tên giấy tờ').fill(title);
      await page.getByLabel('Tệp giấy tờ').setInputFiles({
        name: 'so-ho-khau.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('own'),
      });
      await press(page, 'Lưu vào kho dữ liệu', js);
      await page.getByText('Đã lưu giấy tờ vào kho dữ liệu.').waitFor();
      const own = page.getByTestId('document').filter({ hasText: title });
      assert.match((await own.textContent()) ?? '', /Tự tải lên, chưa xác minh/);
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);
      assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');

      await press(page, `Xóa giấy tờ ${title}`, js);
      await page.getByTestId('confirm').waitFor();
      assert.match((await page.getByTestId('confirm').textContent()) ?? '', new RegExp(title));
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);
      await press(page, 'Xóa giấy tờ', js);
      await page.getByText('Đã xóa giấy tờ khỏi kho dữ liệu.').waitFor();
      assert.equal(await page.getByTestId('document').filter({ hasText: title }).count(), 0);
      assert.equal(await page.getByTestId('document').filter({ hasText: 'Giấy chứng nhận' }).count(), 1);
    });

    it('reuses a stored document in a file field and uploads one inside a repeating group', async () => {
      const docId = ownDocs.get(js)?.id ?? '';
      const path = `/nop-ho-so/${o.procedureCode}`;
      const page = await signedIn(js, path);
      const reuse = page.locator('#f-khaiSinh-reuse-' + docId);
      await reuse.check();
      await page.getByLabel('Họ tên thành viên').fill('Nguyễn Thị Con');
      await page.getByLabel('Giấy tờ của thành viên').setInputFiles({
        name: 'giay-to-con.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('group'),
      });
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);
      assert.equal(await hasHorizontalScroll(page), false);
      await press(page, 'Kiểm tra và nộp', js);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
      const review = (await page.locator('main').textContent()) ?? '';
      assert.match(review, /Bản sao giấy khai sinh\s*khai-sinh\.pdf/);
      assert.match(review, /Thành viên 1: Giấy tờ của thành viên\s*giay-to-con\.pdf/i);
      await press(page, 'Nộp hồ sơ', js);
      await page.getByTestId('dossier-code').waitFor();
      const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();

      const db = env.rt.database.db;
      const row = await db
        .selectFrom('dossiers')
        .select(['id', 'form_data'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const data = row.form_data as { khaiSinh: string[]; thanhVien: { ten: string; giayTo: string[] }[] };
      assert.equal(data.khaiSinh.length, 1);
      assert.equal(data.thanhVien[0]?.giayTo.length, 1);
      const files = await db
        .selectFrom('dossier_files')
        .select(['id', 'file_name', 'blob_sha256'])
        .where('dossier_id', '=', row.id)
        .execute();
      assert.deepEqual(files.map((f) => f.file_name).sort(), ['giay-to-con.pdf', 'khai-sinh.pdf']);
      const stored = await db
        .selectFrom('citizen_documents')
        .select('blob_sha256')
        .where('id', '=', docId)
        .executeTakeFirstOrThrow();
      const reused = files.find((f) => f.id === data.khaiSinh[0]);
      assert.equal(reused?.blob_sha256, stored.blob_sha256, 'the stored bytes, not a new upload');
    });
  });
}

describe('portal document store: the ways in', () => {
  it('is linked from the account page and “Hồ sơ của tôi”', async () => {
    const page = await signedIn(false, '/tai-khoan');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Kho dữ liệu của tôi' }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/kho-du-lieu');
    await page.goto('/ho-so-cua-toi');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Kho dữ liệu của tôi' }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/kho-du-lieu');
    // A visitor is sent to sign in first.
    const visitor = await env.newPage({ javaScriptEnabled: false });
    await visitor.goto('/kho-du-lieu');
    assert.equal(
      await visitor.getByRole('link', { name: 'Đăng nhập để xem kho dữ liệu của bạn' }).getAttribute('href'),
      `/dang-nhap?next=${encodeURIComponent('/kho-du-lieu')}`,
    );
    assert.deepEqual(env.pageErrors, [], 'no page or hydration error on any page');
  });
});
