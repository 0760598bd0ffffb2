import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatDate, formatDateTime } from '../../src/domain/datetime.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { go } from '../support/dossier-cases.ts';
import { dossierOffice } from '../support/dossiers.ts';
import { downloadedPdf } from '../support/pdf-text.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';

// The standard forms from the back-office pages (II.12.1, V.16): the dossier page links the forms the
// dossier has reached, the list page prints the register for a period (with and without JavaScript),
// and the scanner box opens a dossier from the receipt's QR code.
let env: BrowserEnv;
let o: DossierOffice;
let d: DossierDetail;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-forms-browser-'));

before(async () => {
  env = await startBrowserEnv({ MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  d = await o.receive();
});
after(async () => {
  await env.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Clicks (or submits) with `act` and returns the downloaded PDF's name and text. */
const download = (page: Page, act: () => Promise<unknown>, name: string) =>
  downloadedPdf(page, act, scratch, name);

const counter = (js: boolean, width?: number) =>
  officialPage(
    env,
    { username: o.usernames.counter, password: PASSWORD },
    { js, ...(width ? { width } : {}) },
  );

describe('standard forms from the dossier page', () => {
  for (const js of [false, true]) {
    it(`links the forms the dossier has reached and downloads Mẫu 01 ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await counter(js);
      await page.goto(`/mot-cua/ho-so/${d.id}`);
      if (js) await hydrated(page);
      const section = page.getByTestId('standard-forms');
      await section.getByRole('heading', { name: 'Biểu mẫu (Thông tư 01/2018/TT-VPCP)' }).waitFor();
      const links = await section.getByRole('link').allTextContents();
      assert.deepEqual(links, [
        'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
        'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)',
      ]);
      const got = await download(
        page,
        () => section.getByRole('link', { name: /^Mẫu 01/ }).click(),
        `mau-01-${js}.pdf`,
      );
      assert.equal(got.fileName, `mau-01-${d.code}.pdf`);
      assert.match(got.text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
      assert.match(got.text, /Tiếp nhận hồ sơ của: Trần Thị Bình/);
      if (!js) return;
      assert.deepEqual(await seriousA11yViolations(page), []);
      await page.setViewportSize({ width: 360, height: 800 });
      assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
      // A form the dossier has not reached is 404; an official outside the partition gets 403.
      assert.equal((await page.request.get(`/mot-cua/ho-so/${d.id}/mau/03.pdf`)).status(), 404);
      assert.equal((await page.request.get(`/mot-cua/ho-so/${d.id}/mau/07.pdf`)).status(), 404);
      assert.equal((await page.request.get(`/mot-cua/ho-so/${d.id}/mau/01`)).status(), 404);
      const outsider = await officialPage(env, { username: o.usernames.outsider, password: PASSWORD });
      assert.equal((await outsider.request.get(`/mot-cua/ho-so/${d.id}/mau/01.pdf`)).status(), 403);
      const visitor = await env.newPage();
      const res = await visitor.request.get(`/mot-cua/ho-so/${d.id}/mau/01.pdf`, { maxRedirects: 0 });
      assert.equal(res.status(), 302);
    });
  }
});

describe('every supplement request reprintable (Mẫu 02, ?lan=N)', () => {
  it('lists each request with its time and downloads the first one as asked, without JavaScript', async () => {
    const first = ['Tờ khai theo mẫu có chữ ký'];
    const second = ['Sơ đồ vị trí thửa đất'];
    let x = await o.receive({ decision: 'request_supplement', reason: 'Thiếu tờ khai', missingItems: first });
    x = await o.must(o.counter, x.id, { action: 'supplement', rowVersion: x.rowVersion, channel: 'counter' });
    x = await o.must(o.counter, x.id, { action: 'accept', rowVersion: x.rowVersion });
    x = await go(o, o.counter, x, 'forward');
    x = await go(o, o.head, x, 'forward', { assigneeId: o.ids.handler });
    x = await go(o, o.handler, x, 'request_supplement', { reason: 'Thiếu sơ đồ', missingItems: second });
    const asked = x.history.filter((e) => e.action === 'request_supplement').map((e) => formatDateTime(e.at));
    assert.equal(asked.length, 2);

    const page = await counter(false);
    await page.goto(`/mot-cua/ho-so/${x.id}`);
    const section = page.getByTestId('standard-forms');
    const links = await section.getByRole('link').allTextContents();
    assert.deepEqual(
      links.filter((l) => l.startsWith('Mẫu 02')),
      asked.map((at, i) => `Mẫu 02: Phiếu yêu cầu bổ sung lần ${i + 1} – ${at} (PDF)`),
    );
    const got = await download(
      page,
      () => section.getByRole('link', { name: /^Mẫu 02: Phiếu yêu cầu bổ sung lần 1 / }).click(),
      'mau-02-lan-1.pdf',
    );
    assert.equal(got.fileName, `mau-02-lan-1-${x.code}.pdf`);
    assert.match(got.text, /1\s+Tờ khai theo mẫu có chữ ký/);
    assert.doesNotMatch(got.text, /Sơ đồ vị trí thửa đất/);

    // A request the dossier does not have, or a number that is none: 404 saying so.
    for (const [lan, says] of [
      ['3', `Hồ sơ ${x.code} có 2 phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu số 02); không có lần thứ 3`],
      ['x', 'Lần in (lan) phải là số nguyên từ 1 trở lên'],
    ] as const) {
      const res = await page.request.get(`/mot-cua/ho-so/${x.id}/mau/02.pdf?lan=${lan}`);
      assert.equal(res.status(), 404);
      assert.equal(await res.text(), says);
    }
  });
});

describe('the register (Mẫu 06) from the list page', () => {
  for (const js of [false, true]) {
    it(`says what is wrong with the dates, then downloads the register ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await counter(js);
      await page.goto('/mot-cua/ho-so');
      if (js) await hydrated(page);
      const register = page.getByTestId('register');
      await register.getByText('In Sổ theo dõi hồ sơ (Mẫu 06)').click();
      await register.getByLabel('Từ ngày').fill('31/02/2026');
      await register.getByRole('button', { name: 'Tải sổ theo dõi (PDF)' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Từ ngày (tu) phải là một ngày có thật' });
      await summary.waitFor();
      assert.equal(await page.getByTestId('register').getAttribute('open'), '');
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);

      const today = formatDate(new Date());
      await page.getByTestId('register').getByLabel('Từ ngày').fill(today);
      await page.getByTestId('register').getByLabel('Đến ngày').fill(today);
      const got = await download(
        page,
        () => page.getByTestId('register').getByRole('button', { name: 'Tải sổ theo dõi (PDF)' }).click(),
        `register-${js}.pdf`,
      );
      assert.match(got.fileName, /^so-theo-doi-ho-so-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
      assert.match(got.text, /SỔ THEO DÕI HỒ SƠ/);
      assert.ok(got.text.includes(d.code), got.text);
      if (js) {
        await page.setViewportSize({ width: 360, height: 800 });
        assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
        // Another agency's register is refused even when asked for by hand.
        const url = `/mot-cua/ho-so/so-theo-doi.pdf?tu=${today}&den=${today}&coQuan=${o.otherAgency.id}`;
        assert.equal((await page.request.get(url)).status(), 403);
        assert.equal((await page.request.get('/mot-cua/ho-so/so-theo-doi.pdf?tu=x&den=y')).status(), 400);
      }
    });
  }
});

describe('scanner input', () => {
  it("opens the dossier from the receipt's QR code (the tracking link) typed into the scan box", async () => {
    const page = await counter(false);
    await page.goto('/mot-cua/ho-so');
    await page.getByLabel('Quét hoặc gõ mã hồ sơ').fill(env.rt.services.dossiers.trackingUrl(d.code));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/mot-cua/ho-so/${d.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});

describe('printing from the browser (V.17)', () => {
  it('prints a dossier page without the back office’s chrome, forms or actions, in black', async () => {
    const page = await counter(true);
    await page.goto(`/mot-cua/ho-so/${d.id}`);
    await page.getByTestId('dossier-code').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    assert.equal(await page.locator('#actions-title').isVisible(), false, 'the action panel, heading too');
    assert.equal(await page.locator('.bo-nav').isVisible(), false);
    assert.equal(await page.getByTestId('dossier-code').isVisible(), true);
    assert.equal(await page.getByTestId('dossier-status').isVisible(), true);
    const colour = await page.locator('body').evaluate((b) => getComputedStyle(b).color);
    assert.equal(colour, 'rgb(0, 0, 0)');
    // A worklist prints as its table, without the search and scan forms.
    await page.goto('/mot-cua/ho-so?ds=tat_ca');
    await page.locator('table').first().waitFor();
    assert.equal(await page.getByLabel('Quét hoặc gõ mã hồ sơ').isVisible(), false);
    assert.equal(await page.locator('table').first().isVisible(), true);
  });
});
