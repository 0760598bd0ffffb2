import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAgency, createOfficial } from '../support/factories.ts';
import { hydrated, officialPage, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { nationalRecords } from '../support/procedures.ts';

// Large files through the back-office pages that take them: a whole national catalog (about 12 MB,
// above the 2 MB every other web form is limited to) and a form template near its 10 MB limit.
let env: BrowserEnv;
let lead: { id: string; username: string; password: string };

before(async () => {
  env = await startBrowserEnv();
  const province = await createAgency(env.rt.database, {
    parentId: null,
    level: 'province',
    name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  });
  lead = await createOfficial(env.rt.database, province.id, ['bien_tap_vien', 'can_bo_kiem_soat_tthc'], {
    includeSubtree: true,
  });
});
after(async () => env.close());

const signedIn = () => officialPage(env, lead);

describe('back office: large uploads', () => {
  it('imports the whole national file (1,601 procedures, ~12 MB) through the import page', async () => {
    const page = await signedIn();
    await page.goto('/mot-cua/thu-tuc/dong-bo');
    await hydrated(page);
    const body = Buffer.from(JSON.stringify({ error_code: '00', result: nationalRecords() }));
    assert.ok(body.length > 2 * 1024 * 1024, `file of ${body.length} bytes`);
    await page
      .getByLabel('Tệp LayThuTuc (.json)')
      .setInputFiles({ name: 'thu-tuc.json', mimeType: 'application/json', buffer: body });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await page.getByTestId('report').waitFor({ timeout: 120_000 });
    const n = await env.rt.database.db
      .selectFrom('procedures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1601);
  });

  it('accepts a 9 MB form template file and refuses one over 10 MB with the limit named', async () => {
    const page = await signedIn();
    await page.goto('/mot-cua/thu-tuc/bieu-mau');
    await hydrated(page);
    await page.getByLabel('Mã biểu mẫu', { exact: true }).fill('LON-01');
    await page.getByLabel('Tên biểu mẫu', { exact: true }).fill('Tờ khai dung lượng lớn');
    await page.getByRole('button', { name: 'Thêm biểu mẫu' }).click();
    await page.waitForURL(/sua=LON-01/);
    const pdf = (size: number) =>
      Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(size - 9, 0x20)]);
    await page
      .getByLabel('Tệp biểu mẫu')
      .setInputFiles({ name: 'lon.pdf', mimeType: 'application/pdf', buffer: pdf(9 * 1024 * 1024) });
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    await page.getByText('Đã tải tệp biểu mẫu lên.').waitFor();
    const saved = await env.rt.services.formTemplates.get('LON-01');
    assert.equal(saved.size, 9 * 1024 * 1024);

    await page.getByLabel('Tệp biểu mẫu').setInputFiles({
      name: 'qua-lon.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(10 * 1024 * 1024 + 10),
    });
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    await page.locator('#f-file-error').waitFor();
    assert.match((await page.locator('#f-file-error').textContent()) ?? '', /10 MB/);
    assert.equal((await env.rt.services.formTemplates.get('LON-01')).size, 9 * 1024 * 1024);
  });
});
