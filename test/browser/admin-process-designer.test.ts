import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOfficial } from '../support/factories.ts';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { processTeam } from '../support/processes.ts';
import type { ProcessTeam } from '../support/processes.ts';

// The process designer (TT 22/2019 II.3.1, II.24.1): a province editor designs the process of a
// procedure with the mouse and the keyboard, with live validation, saves, reloads, publishes; a stale
// copy gets the conflict; the tables without JavaScript; the read-only diagrams on the procedure pages.
let env: BrowserEnv;
let team: ProcessTeam;
let code: string;
let editor: { username: string; password: string };
let designed = ''; // the editor URL of the first process
let draft = ''; // the editor URL of the second draft

before(async () => {
  env = await startBrowserEnv();
  team = await processTeam(env.rt);
  code = await team.publishedProcedure();
  editor = await createOfficial(env.rt.database, team.province.id, ['bien_tap_vien'], {
    includeSubtree: true,
  });
});
after(async () => env.close());

const signedIn = (options: { js?: boolean; width?: number } = {}) => officialPage(env, editor, options);
const canvas = (page: Page) => page.getByTestId('process-canvas');
const problems = (page: Page) => page.getByTestId('process-problems');

/** The client (viewport) point of a point of the drawing. */
async function onScreen(page: Page, x: number, y: number) {
  return page.evaluate(
    ([px, py]) => {
      const svg = document.querySelector<SVGSVGElement>('[data-testid="process-canvas"]');
      const m = svg?.getScreenCTM();
      if (!m) throw new Error('no canvas');
      const p = new DOMPoint(px, py).matrixTransform(m);
      return { x: p.x, y: p.y };
    },
    [x, y] as const,
  );
}

/** The top-left corner of a step's box, as drawn. */
async function boxOf(page: Page, stepId: string) {
  const box = canvas(page).locator(`[data-step="${stepId}"] .pd-box`);
  return { x: Number(await box.getAttribute('x')), y: Number(await box.getAttribute('y')) };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

/** Drags from the connect handle of `from` to the middle of the box of `to`. */
async function connect(page: Page, from: string, to: string) {
  await canvas(page).locator(`[data-handle="${from}"]`).scrollIntoViewIfNeeded();
  const handle = await canvas(page).locator(`[data-handle="${from}"]`).boundingBox();
  assert.ok(handle);
  const target = await boxOf(page, to);
  await drag(
    page,
    { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 },
    await onScreen(page, target.x + 80, target.y + 42),
  );
}

const problemCodes = async (page: Page) =>
  problems(page)
    .locator('li[data-code]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-code') ?? ''}: ${e.textContent ?? ''}`));

/** Waits (a little) until the live problem list shows exactly these codes. */
async function expectProblems(page: Page, codes: string[]) {
  let seen: string[] = [];
  for (let i = 0; i < 50; i++) {
    seen = await problemCodes(page);
    if (JSON.stringify(seen.map((s) => s.split(':')[0])) === JSON.stringify(codes)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(seen, codes);
}

describe('back office: process designer', () => {
  it('an editor creates a draft, adds a step and arrows by dragging, sees problems come and go, saves, reloads and publishes', async () => {
    const page = await signedIn({ width: 1600 });
    await page.goto(`/mot-cua/thu-tuc/${code}`);
    await hydrated(page);
    await page.getByRole('main').locator('.toolbar').getByRole('link', { name: 'Quy trình xử lý' }).click();
    await page.waitForURL(`**/mot-cua/thu-tuc/${code}/quy-trinh`);
    await page.getByTestId('no-versions').waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/mot-cua\/quy-trinh\/[0-9a-f-]{36}\?tb=created$/);
    designed = page.url().replace(/\?.*$/, '');
    await hydrated(page);
    await canvas(page).waitFor();
    await problems(page).getByText('Quy trình hợp lệ: không còn vấn đề nào.').waitFor();

    // A new step: selected, named and given an actor in the properties panel; its problems appear.
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    await page.getByTestId('step-props').waitFor();
    await expectProblems(page, ['work_step_no_actor', 'unreachable_step', 'dead_end']);
    await page.getByLabel('Tên bước', { exact: true }).fill('Thẩm tra thực địa');
    await page.getByLabel('Người thực hiện').selectOption({ label: 'Cán bộ thụ lý' });
    await expectProblems(page, ['unreachable_step', 'dead_end']);
    await page.getByLabel('Giờ', { exact: true }).fill('3');

    // Drag it below "Thẩm định, giải quyết hồ sơ".
    await canvas(page).locator('[data-step="s1"]').scrollIntoViewIfNeeded();
    const start = await boxOf(page, 's1');
    await drag(
      page,
      await onScreen(page, start.x + 80, start.y + 42),
      await onScreen(page, 240 + 80, 220 + 42),
    );
    assert.deepEqual(await boxOf(page, 's1'), { x: 240, y: 220 });

    // Arrows drawn from the handles: into the new step, then out of it.
    await connect(page, 'giai-quyet', 's1');
    await page.getByTestId('transition-props').waitFor();
    await expectProblems(page, ['dead_end']);
    await page.getByLabel('Nhãn trên nút và mũi tên').fill('Cần thẩm tra thực địa');
    await connect(page, 's1', 'tra-ket-qua');
    await page
      .getByTestId('transition-props')
      .getByLabel('Thao tác')
      .selectOption({ label: 'Hoàn thành xử lý' });
    // 3 hours more than the 95% the starter plans overruns the legal deadline of 3 working days.
    await expectProblems(page, ['over_deadline']);
    await canvas(page).locator('[data-step="s1"]').click();
    await page.getByLabel('Giờ', { exact: true }).fill('0');
    await page.getByLabel('Phút', { exact: true }).fill('30');
    await expectProblems(page, []);
    await problems(page).getByText('Quy trình hợp lệ: không còn vấn đề nào.').waitFor();
    assert.equal(await canvas(page).locator('[data-transition]').count(), 9);

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByTestId('save-status').getByText('Đã lưu bản nháp.').waitFor();

    // The same drawing after a reload: positions, names, arrows and labels.
    await page.reload();
    await hydrated(page);
    await canvas(page).waitFor();
    assert.deepEqual(await boxOf(page, 's1'), { x: 240, y: 220 });
    const s1 = canvas(page).locator('[data-step="s1"]');
    assert.equal(await s1.getAttribute('aria-label'), 'Bước: Xử lý Thẩm tra thực địa 30 phút');
    assert.equal((await s1.locator('.pd-budget').textContent())?.trim(), '30 phút');
    assert.equal(
      await canvas(page).locator('[data-transition="t1"]').getAttribute('aria-label'),
      'Chuyển bước Cần thẩm tra thực địa: từ Thẩm định, giải quyết hồ sơ đến Thẩm tra thực địa',
    );
    assert.equal(await canvas(page).locator('[data-transition="t2"] .pd-action-finish').count(), 1);

    await page.getByRole('button', { name: 'Công bố quy trình' }).click();
    await page.waitForURL('**?tb=published');
    await page.getByText('Đã công bố quy trình.').waitFor();
    assert.equal(await canvas(page).count(), 0);
    await page.getByRole('img', { name: /Quy trình giải quyết/ }).waitFor();
  });

  it('moves and deletes with the keyboard; a stale copy gets the conflict and reloads', async () => {
    await team.newDraft(team.editor, code);
    const versions = await signedIn();
    await versions.goto(`/mot-cua/thu-tuc/${code}/quy-trinh`);
    await versions.getByRole('link', { name: 'Thiết kế phiên bản 2' }).click();
    await versions.waitForURL(/\/mot-cua\/quy-trinh\/[0-9a-f-]{36}$/);
    draft = versions.url();
    const a = versions;
    const b = await signedIn();
    await b.goto(draft);
    await hydrated(a);
    await hydrated(b);

    // Keyboard: select the new step, move it right twice, then delete it with confirmation.
    const step = canvas(a).locator('[data-step="s1"]');
    await step.focus();
    const before = await boxOf(a, 's1');
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('Shift+ArrowDown');
    assert.deepEqual(await boxOf(a, 's1'), { x: before.x + 10, y: before.y + 50 });
    await a.keyboard.press('Delete');
    await a
      .getByTestId('delete-confirm')
      .getByText('Xóa bước “Thẩm tra thực địa” và các mũi tên nối với bước này?')
      .waitFor();
    await a.getByRole('button', { name: 'Không xóa' }).click();
    assert.equal(await step.count(), 1);
    await step.focus();
    await a.keyboard.press('Delete');
    await a.getByRole('button', { name: 'Xóa', exact: true }).click();
    assert.equal(await step.count(), 0);
    assert.equal(await canvas(a).locator('[data-transition="t1"], [data-transition="t2"]').count(), 0);
    // An arrow without dragging: "Nối hai bước" in the properties panel.
    const connectForm = a.getByTestId('connect-form');
    await connectForm.getByLabel('Từ bước').selectOption({ label: 'Trả kết quả' });
    await connectForm.getByLabel('Đến bước').selectOption({ label: 'Không tiếp nhận hồ sơ' });
    await connectForm.getByLabel('Thao tác').selectOption({ label: 'Từ chối, dừng xử lý' });
    await connectForm.getByRole('button', { name: 'Thêm chuyển bước' }).click();
    await a.getByTestId('transition-props').getByText('Chuyển bước: Từ chối, dừng xử lý').waitFor();
    assert.equal(
      await canvas(a).locator('[data-transition="t1"]').getAttribute('aria-label'),
      'Chuyển bước Từ chối, dừng xử lý: từ Trả kết quả đến Không tiếp nhận hồ sơ',
    );
    await a.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await a.getByTestId('save-status').getByText('Đã lưu bản nháp.').waitFor();

    // B still has the copy it opened: its save is refused, and "reload" brings A's version.
    await b.getByRole('button', { name: 'Thêm bước' }).click();
    await b.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await b
      .getByTestId('conflict')
      .getByText(/Người khác đã lưu quy trình này sau khi bạn mở trang/)
      .waitFor();
    await b.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await b.getByTestId('conflict').waitFor({ state: 'detached' });
    // The reloaded drawing replaces B's copy once it arrives.
    await canvas(b).locator('[data-step="s1"]').waitFor({ state: 'detached' });
    assert.equal(await canvas(b).locator('[data-step]').count(), 5);
  });

  it('without JavaScript, the tables of steps and arrows edit the draft', async () => {
    const page = await signedIn({ js: false });
    await page.goto(draft);
    await page.getByRole('img', { name: /Quy trình giải quyết/ }).waitFor();
    assert.equal(
      await page.getByLabel('Tên bước 2', { exact: true }).inputValue(),
      'Thẩm định, giải quyết hồ sơ',
    );
    await page.getByLabel('Tên bước 2', { exact: true }).fill('Thẩm định hồ sơ (sửa bằng bảng)');
    await page.getByLabel('Số giờ, bước 2').fill('x');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    assert.match((await page.locator('#f-s-1-hours-error').textContent()) ?? '', /bước 2: nhập số nguyên/);
    assert.equal(
      await page.getByLabel('Tên bước 2', { exact: true }).inputValue(),
      'Thẩm định hồ sơ (sửa bằng bảng)',
    );
    await page.getByLabel('Số giờ, bước 2').fill('2');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.waitForURL('**?tb=saved');
    await page.getByText('Đã lưu bản nháp.').waitFor();
    assert.match(
      (await page.getByTestId('process-steps').textContent()) ?? '',
      /Thẩm định hồ sơ \(sửa bằng bảng\)/,
    );
    assert.equal(
      await page.getByLabel('Tên bước 2', { exact: true }).inputValue(),
      'Thẩm định hồ sơ (sửa bằng bảng)',
    );

    // A step added in the empty row, "Trả kết quả" removed: saved with its problems, each linked to its
    // row; publication refused with every problem.
    await page.getByLabel('Tên bước 6', { exact: true }).fill('Lưu trữ hồ sơ');
    await page.getByLabel('Xóa bước 3').check();
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();
    const codes = await problems(page)
      .locator('li[data-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.ok(codes.includes('no_return') && codes.includes('work_step_no_actor'), codes.join());
    assert.equal(
      await problems(page).locator('li[data-code="work_step_no_actor"] a').getAttribute('href'),
      '#row-step-s1',
    );
    await page.getByRole('button', { name: 'Công bố quy trình' }).click();
    await page.getByTestId('publish-refused').getByText('Quy trình chưa có bước trả kết quả').waitFor();
  });

  it('exports a version as JSON and imports it as a draft of an agency, which can be discarded', async () => {
    const page = await signedIn();
    await page.goto(`/mot-cua/thu-tuc/${code}/quy-trinh`);
    await hydrated(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất JSON phiên bản 1' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^quy-trinh-9\.\d+-v1\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.format, 'dichvucong.quy-trinh/1');
    assert.ok(file.definition.steps.some((s: { name: string }) => s.name === 'Thẩm tra thực địa'));

    const upload = (body: string) =>
      page
        .getByLabel('Tệp JSON', { exact: true })
        .setInputFiles({ name: 'quy-trinh.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await page.locator('#f-importAgency').selectOption(team.commune.id);
    await upload('{');
    await page.getByRole('button', { name: 'Nhập thành bản nháp' }).click();
    await page.locator('#f-file-error').getByText('Tệp không phải JSON hợp lệ').waitFor();
    await upload(JSON.stringify(file));
    await page.getByRole('button', { name: 'Nhập thành bản nháp' }).click();
    await page.waitForURL('**?tb=imported');
    await page.getByText('Đã nhập quy trình thành bản nháp.').waitFor();
    assert.match((await page.getByTestId('process-meta').textContent()) ?? '', /Áp dụng tạiXã Thử/);
    await hydrated(page);
    await canvas(page).locator('[data-step="s1"]').waitFor();

    await page.getByText('Hủy bản nháp', { exact: true }).click();
    await page.getByRole('button', { name: 'Có, hủy bản nháp' }).click();
    await page.waitForURL(`**/mot-cua/thu-tuc/${code}/quy-trinh?tb=discarded`);
    await page.getByText('Đã hủy bản nháp.').waitFor();
    assert.equal(await page.getByTestId('process-versions').locator('tbody tr').count(), 2);
  });

  it('shows the process in force on the procedure pages, with dossiers per step in the back office', async () => {
    const page = await signedIn();
    await page.goto(`/mot-cua/thu-tuc/${code}`);
    const section = page.getByTestId('process-section');
    await section.getByRole('img', { name: /Quy trình giải quyết/ }).waitFor();
    assert.match(
      (await section.getByTestId('process-steps').textContent()) ?? '',
      /Thẩm tra thực địa.*0 hồ sơ/s,
    );
    await page.goto(`/thu-tuc-hanh-chinh/${code}`);
    const portal = page.locator('section', { has: page.getByRole('heading', { name: 'Quy trình xử lý' }) });
    await portal.getByRole('img').waitFor();
    const text = (await portal.getByTestId('process-steps').textContent()) ?? '';
    assert.match(text, /Thẩm tra thực địa/);
    assert.doesNotMatch(text, /Người thực hiện/);
  });

  it('axe-core finds no serious or critical problems; no page-level horizontal scrolling at 360 px', async () => {
    const paths = [
      '/mot-cua/quy-trinh',
      `/mot-cua/thu-tuc/${code}/quy-trinh`,
      designed,
      draft,
      `/mot-cua/thu-tuc/${code}`,
      `/thu-tuc-hanh-chinh/${code}`,
    ];
    const found: string[] = [];
    const wide: string[] = [];
    for (const js of [true, false]) {
      const page = await signedIn();
      const narrow = await signedIn({ width: 360 });
      // "Without JavaScript": the page as the server renders it, the app's scripts served empty (axe
      // itself needs scripts to run, so they cannot be turned off altogether).
      if (!js)
        for (const p of [page, narrow])
          await p.route('**/assets/*.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
      for (const path of paths) {
        await page.goto(path);
        if (js) await hydrated(page);
        for (const v of await seriousA11yViolations(page))
          found.push(
            `${path} (js ${js}): ${v.id} ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        await narrow.goto(path);
        if (js) await hydrated(narrow);
        if (await hasHorizontalScroll(narrow)) wide.push(`${path} (js ${js})`);
      }
    }
    assert.deepEqual(found, []);
    assert.deepEqual(wide, []);
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
