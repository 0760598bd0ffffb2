import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { EformDefinition } from '../../src/domain/eform.ts';
import {
  hasHorizontalScroll,
  hydrated,
  officialPage,
  press,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';
import { toSigning } from '../support/dossier-cases.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { PASSWORD } from '../support/factories.ts';
import { pdfText, says, sessionOf } from '../support/pdf-text.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';

// The result template editor (II.2.5 c) with and without JavaScript: an unknown placeholder refused
// naming it, the preview PDF, saving, a stale version; then the draft result from the dossier page,
// and the draft taken as the result when finishing, without JavaScript, as the applicant then sees it.
let env: BrowserEnv;
let o: DossierOffice;
let t: CatalogTeam;
let self: string;
let code: string;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-result-browser-'));

const FORM: EformDefinition = {
  title: 'Tờ khai',
  sections: [{ title: 'A', fields: [{ key: 'tenCoSo', type: 'text', label: 'Tên cơ sở' }] }],
};

before(async () => {
  env = await startBrowserEnv({ MAX_SESSIONS_PER_ACCOUNT: '20' });
  o = await dossierOffice(env.rt);
  t = await catalogTeam(env.rt);
  // The editor works on a procedure made through the catalog (its admin page links the editor).
  const made = await t.createDraft();
  await t.publish(made.code, made.version);
  code = made.code;
  self = `/mot-cua/thu-tuc/${code}/mau-ket-qua`;
  for (const c of [code, o.procedureCode]) {
    const p = await env.rt.database.db
      .selectFrom('procedures')
      .select('id')
      .where('code', '=', c)
      .executeTakeFirstOrThrow();
    await env.rt.database.db
      .insertInto('eform_versions')
      .values({ procedure_id: p.id, version: 1, definition: JSON.stringify(FORM), created_by: null })
      .execute();
  }
});
after(async () => {
  await env.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function download(page: Page, act: () => Promise<unknown>, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), act()]);
  const path = join(scratch, name);
  await file.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  return { fileName: file.suggestedFilename(), text: pdfText(path) };
}

const editor = (js: boolean) => officialPage(env, { username: t.editorName, password: PASSWORD }, { js });

describe('result template editor', () => {
  for (const js of [false, true]) {
    it(`refuses an unknown placeholder, previews and saves ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await editor(js);
      await page.goto(`/mot-cua/thu-tuc/${code}`);
      await page.getByRole('link', { name: 'Mẫu kết quả' }).click();
      await page.waitForURL((u) => u.pathname === self);
      await page.getByRole('heading', { level: 1, name: /^Mẫu kết quả: / }).waitFor();
      if (js) await hydrated(page);
      const list = page.getByTestId('placeholders');
      await list.getByText('{{form.tenCoSo}}').waitFor();

      const title = `Giấy phép ${js ? 'B' : 'A'} {{form.tenCoSo}}`;
      await page.getByLabel('Tiêu đề kết quả').fill(title);
      await page
        .getByRole('textbox', { name: 'Nội dung', exact: true })
        .fill('Cấp cho ông/bà {{nguoiNop.hoTen}} tại {{form.khongCo}}.');
      await page.getByLabel('Chức danh người ký').fill('Chủ tịch');
      await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Mẫu kết quả còn lỗi' });
      await summary.getByRole('link', { name: /dùng trường không có: \{\{form\.khongCo\}\}/ }).waitFor();
      assert.equal(
        await page.getByRole('textbox', { name: 'Nội dung', exact: true }).getAttribute('aria-invalid'),
        'true',
      );
      if (js) assert.deepEqual(await seriousA11yViolations(page), []);

      const body = page.getByRole('textbox', { name: 'Nội dung', exact: true });
      if (js) {
        // Click-to-insert at the cursor.
        await body.fill('Cấp cho ông/bà {{nguoiNop.hoTen}}, cơ sở ');
        await body.press('End');
        await list.getByRole('button', { name: 'Chèn {{form.tenCoSo}} vào nội dung' }).click();
        assert.equal(await body.inputValue(), 'Cấp cho ông/bà {{nguoiNop.hoTen}}, cơ sở {{form.tenCoSo}}');
      } else {
        assert.equal(await list.getByRole('button').count(), 0, 'no dead buttons without JavaScript');
        await body.fill('Cấp cho ông/bà {{nguoiNop.hoTen}}, cơ sở {{form.tenCoSo}}');
      }
      await page.getByRole('button', { name: 'Xem trước (PDF)' }).click();
      const ready = page.getByTestId('preview-download');
      await ready.getByText('Mẫu hợp lệ. Bản xem trước đã sẵn sàng.').waitFor();
      const got = await download(
        page,
        () => ready.getByRole('button', { name: 'Tải bản xem trước (PDF)' }).click(),
        `preview-${js}.pdf`,
      );
      assert.equal(got.fileName, `mau-ket-qua-${code}.pdf`);
      says(got.text, `GIẤY PHÉP ${js ? 'B' : 'A'} [TÊN CƠ SỞ]`);
      says(got.text, 'Cấp cho ông/bà Nguyễn Thị Lịch, cơ sở [Tên cơ sở]');
      says(got.text, 'CHỦ TỊCH');

      await press(page, 'Lưu phiên bản mới', js);
      await page.getByText('Đã lưu phiên bản mới của mẫu kết quả.').waitFor();
      await page
        .getByTestId('current-version')
        .getByText(`Đang dùng phiên bản ${js ? 2 : 1},`)
        .waitFor();
      assert.equal(await page.getByLabel('Tiêu đề kết quả').inputValue(), title);
      if (js) {
        assert.deepEqual(await seriousA11yViolations(page), []);
        await page.setViewportSize({ width: 360, height: 800 });
        assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
      }
    });
  }

  it('keeps the text and says so when someone saved a newer version meanwhile', async () => {
    const page = await editor(false);
    await page.goto(self);
    const team = await env.rt.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', t.editorName)
      .executeTakeFirstOrThrow();
    const auth = await sessionOf(env.rt, team.id);
    const now = await env.rt.services.resultTemplates.current(auth, code);
    await env.rt.services.resultTemplates.save(
      { auth, actor: { accountId: team.id, name: t.editorName, ip: '127.0.0.1' } },
      code,
      { template: now.template, baseVersion: now.version },
    );
    await page.getByLabel('Chức danh người ký').fill('Giám đốc');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page
      .getByRole('alert')
      .getByText(/vừa được người khác sửa/)
      .waitFor();
    assert.equal(await page.getByLabel('Chức danh người ký').inputValue(), 'Giám đốc');
  });
});

describe('the draft result from the dossier page', () => {
  it('downloads the draft filled with the dossier and its e-form values', async () => {
    const team = await env.rt.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', t.editorName)
      .executeTakeFirstOrThrow();
    const auth = await sessionOf(env.rt, team.id);
    await env.rt.services.resultTemplates.save(
      { auth, actor: { accountId: team.id, name: t.editorName, ip: '127.0.0.1' } },
      o.procedureCode,
      {
        template: {
          title: 'Giấy phép {{form.tenCoSo}}',
          body: 'Cấp cho ông/bà {{nguoiNop.hoTen}}, cơ sở {{form.tenCoSo}}',
          signerTitle: 'Chủ tịch',
          signerName: '',
        },
        baseVersion: 0,
      },
    );
    const d = await o.submit({ formData: { tenCoSo: 'Nhà nghỉ Hương Liên' } });
    const page = await officialPage(env, { username: o.usernames.counter, password: PASSWORD });
    await page.goto(`/mot-cua/ho-so/${d.id}`);
    await hydrated(page);
    const got = await download(
      page,
      () => page.getByRole('link', { name: 'Tạo dự thảo kết quả (PDF)' }).click(),
      'draft.pdf',
    );
    says(got.text, `Cấp cho ông/bà ${d.applicantName}, cơ sở Nhà nghỉ Hương Liên`);
    says(got.text, 'GIẤY PHÉP NHÀ NGHỈ HƯƠNG LIÊN');
    const outsider = await officialPage(env, { username: o.usernames.outsider, password: PASSWORD });
    assert.equal((await outsider.request.get(`/mot-cua/ho-so/${d.id}/du-thao-ket-qua.pdf`)).status(), 403);
  });
});

describe('the draft result taken as the result when finishing', () => {
  const FINISH = 'Phê duyệt, chuyển trả kết quả';

  async function finishForm(page: Page, id: string) {
    await page.goto(`/mot-cua/ho-so/${id}`);
    await page.getByTestId('actions').getByRole('link', { name: FINISH }).click();
    await page.getByTestId('action-form').waitFor();
    return page.getByTestId('action-form');
  }

  it('is not offered for a procedure without a result template', async () => {
    const other = await dossierOffice(env.rt);
    const d = await toSigning(other);
    const page = await officialPage(
      env,
      { username: other.usernames.leader, password: PASSWORD },
      { js: false },
    );
    const form = await finishForm(page, d.id);
    await form.getByRole('button', { name: FINISH }).waitFor();
    assert.equal(await form.getByLabel(/Dùng dự thảo kết quả từ mẫu/).count(), 0);
  });

  it('without JavaScript: the finish stores the draft as the result, which the applicant downloads', async () => {
    // The template the previous test saved for this procedure (the dossier page offered its draft).
    const d = await toSigning(o, { formData: { tenCoSo: 'Quán Cà phê Sông Mã' } });
    const page = await officialPage(env, { username: o.usernames.leader, password: PASSWORD }, { js: false });
    const form = await finishForm(page, d.id);
    await form.getByLabel(/Dùng dự thảo kết quả từ mẫu/).check();
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: FINISH }).click()]);
    await page.waitForURL((u) => u.searchParams.get('tb') === 'done');
    const fileName = `ket-qua-${d.code.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;
    await page.getByTestId('dossier-files').getByText(fileName).waitFor();

    const citizen = await env.newPage({ javaScriptEnabled: false });
    await citizen.goto('/dang-nhap');
    await citizen.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(o.usernames.citizen);
    await citizen.getByLabel('Mật khẩu').fill(PASSWORD);
    await citizen.getByRole('button', { name: 'Đăng nhập' }).click();
    await citizen.waitForURL((u) => u.pathname !== '/dang-nhap');
    await citizen.goto(`/ho-so-cua-toi/${d.id}`);
    const link = citizen.getByTestId('results').getByRole('link', { name: `Tải về ${fileName}` });
    const file = await citizen.request.get((await link.getAttribute('href')) ?? '');
    assert.equal(file.status(), 200);
    const path = join(scratch, 'finished.pdf');
    writeFileSync(path, await file.body());
    const text = pdfText(path);
    says(text, 'GIẤY PHÉP QUÁN CÀ PHÊ SÔNG MÃ');
    says(text, `Cấp cho ông/bà ${d.applicantName}, cơ sở Quán Cà phê Sông Mã`);
  });
});
