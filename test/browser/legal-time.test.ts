import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCalendar } from '../../src/seed/calendar.ts';
import { createOfficial } from '../support/factories.ts';
import { officialPage, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';

// The legal-time engine in the web app, without JavaScript: the expected result date on the portal's
// procedure page (with the agency chooser), and working hours with the try-a-date form in the back office.
let env: BrowserEnv;
let t: CatalogTeam;
let path: string;
let admin: { username: string; password: string };

before(async () => {
  env = await startBrowserEnv();
  await seedCalendar(env.rt.services, () => undefined);
  t = await catalogTeam(env.rt);
  const draft = await t.createDraft();
  const res = await t.editor.put(`/api/admin/procedures/${draft.code}/agencies`, {
    version: draft.version,
    agencies: [
      { agencyId: t.province.id, channels: ['counter', 'online'] },
      { agencyId: t.commune.id, channels: ['counter'] },
    ],
  });
  assert.equal(res.statusCode, 200, res.body);
  const published = await t.publish(draft.code, res.json<{ version: number }>().version);
  path = `/thu-tuc-hanh-chinh/${published.slug}`;
  admin = await createOfficial(env.rt.database, t.province.id, ['quan_tri_he_thong'], {
    includeSubtree: true,
  });
});
after(async () => env.close());

describe('legal time in the web app', () => {
  it('shows the expected result date of each channel and how it is counted, without JavaScript', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    assert.equal((await page.goto(path))?.status(), 200);
    const section = page.getByTestId('appointment');
    const sentences = await section.locator('.pc-answer').allTextContents();
    // Online (3 working days) and in person (5) give two dates.
    assert.equal(sentences.length, 2, sentences.join('\n'));
    assert.match(
      sentences[0] ?? '',
      /^Nếu nộp trực tuyến bây giờ, ngày hẹn trả kết quả dự kiến là \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    await section.locator('summary').first().click();
    const lines = await section.locator('details').first().locator('li').allTextContents();
    assert.match(lines[0] ?? '', /^Tiếp nhận lúc \d\d:\d\d /);
    assert.ok(
      lines.some((l) => l.startsWith('Ngày hẹn trả: ')),
      lines.join('\n'),
    );
    assert.match((await section.textContent()) ?? '', /lịch nghỉ của Ủy ban nhân dân tỉnh Thử/);
    // The chooser is a plain GET form.
    await page.getByLabel('Cơ quan nộp hồ sơ').selectOption(t.commune.id);
    await page.getByRole('button', { name: 'Xem ngày hẹn' }).click();
    await page.waitForURL((u) => u.searchParams.get('co-quan') === t.commune.id);
    assert.match((await page.getByTestId('appointment').textContent()) ?? '', /lịch nghỉ của Xã Thử/);
    const withJs = await env.newPage();
    await withJs.goto(path);
    assert.deepEqual(await seriousA11yViolations(withJs), []);
  });

  it('sets an agency’s working hours and tries a date in the back office, without JavaScript', async () => {
    const page = await officialPage(env, admin, { js: false });
    await page.goto(`/mot-cua/lich-lam-viec?co-quan=${t.province.id}`);
    assert.match((await page.getByTestId('hours-source').textContent()) ?? '', /mặc định chung/);
    await page.getByRole('textbox', { name: 'Các buổi làm việc' }).fill('7:00-11:30, 13:30-17:00');
    await page.getByRole('textbox', { name: 'Giờ chốt tiếp nhận' }).fill('16:00');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await page.getByText('Đã lưu giờ làm việc và giờ chốt tiếp nhận.').waitFor();
    assert.match((await page.getByTestId('hours').textContent()) ?? '', /07:00-11:30, 13:30-17:00.*16:00/);
    assert.match(
      (await page.getByTestId('hours-source').textContent()) ?? '',
      /đang dùng giờ làm việc riêng/,
    );

    await page.getByLabel('Thời điểm tiếp nhận').fill('29/08/2025 16:20');
    await page.getByLabel('Thời hạn giải quyết').fill('3');
    await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
    const result = page.getByTestId('try-result');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /Ngày hẹn trả: 05\/09\/2025 17:00:00/);
    assert.match(
      (await result.textContent()) ?? '',
      /sau giờ chốt 16:00: bắt đầu tính từ 07:00 thứ Tư 03\/09\/2025/,
    );
    assert.equal(new URL(page.url()).searchParams.get('co-quan'), t.province.id);

    await page.getByLabel('Thời điểm tiếp nhận').fill('hôm qua');
    await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
    await page.getByText('Nhập thời điểm tiếp nhận dạng DD/MM/YYYY HH:mm').first().waitFor();

    await page.getByRole('textbox', { name: 'Giờ chốt tiếp nhận' }).fill('19:00');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await page
      .getByText(/Giờ chốt tiếp nhận \(cutoff\) phải trong giờ làm việc/)
      .first()
      .waitFor();
    const withJs = await officialPage(env, admin);
    await withJs.goto(
      `/mot-cua/lich-lam-viec?co-quan=${t.province.id}&thu-luc=29%2F08%2F2025+16%3A20&thu-han=3`,
    );
    await withJs.getByTestId('try-result').waitFor();
    assert.deepEqual(await seriousA11yViolations(withJs), []);
    if (process.env.SHOTS) {
      await withJs.locator('#gio-lam-viec').screenshot({ path: `${process.env.SHOTS}/hours.png` });
      await withJs.locator('#thu-tinh').screenshot({ path: `${process.env.SHOTS}/try.png` });
      const portal = await env.newPage();
      await portal.goto(`${path}#thoi-han`);
      await portal.locator('[data-testid=appointment] summary').first().click();
      await portal.getByTestId('appointment').screenshot({ path: `${process.env.SHOTS}/portal.png` });
    }
    assert.deepEqual(env.pageErrors, []);
  });
});
