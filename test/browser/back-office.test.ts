import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { hydrated, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => env.close());

async function signIn(page: Awaited<ReturnType<BrowserEnv['newPage']>>, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('back office (/mot-cua)', () => {
  it('(b) an official signs in and sees their name, role names and agencies; the menu follows their permissions', async () => {
    const province = await createAgency(env.rt.database, {
      name: 'Sở Tư pháp tỉnh Thử Nghiệm',
      level: 'province_department',
    });
    const commune = await createAgency(env.rt.database, { name: 'UBND xã Tân Phú', parentId: province.id });
    const official = await createOfficial(env.rt.database, commune.id, ['can_bo_mot_cua', 'lanh_dao_phong']);
    const name = (
      await env.rt.database.db
        .selectFrom('accounts')
        .select('full_name')
        .where('id', '=', official.id)
        .executeTakeFirstOrThrow()
    ).full_name;

    const page = await env.newPage();
    await page.goto('/mot-cua');
    await page.waitForURL('**/mot-cua/dang-nhap?next=%2Fmot-cua');
    await hydrated(page);
    await signIn(page, official.username, official.password);
    await page.waitForURL((u) => u.pathname === '/mot-cua');
    // With client-side navigation the URL can change a moment before the new page is on screen.
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${name}` }).waitFor();
    const roles = await page.getByTestId('roles').locator('li').allTextContents();
    assert.deepEqual(roles, ['Cán bộ tiếp nhận và trả kết quả', 'Lãnh đạo phòng']);
    assert.match((await page.getByTestId('agencies').textContent()) ?? '', /UBND xã Tân Phú/);
    // Neither role manages organisation, users or the audit log: those sections are not offered.
    const menu = (await page.getByRole('navigation', { name: 'Chức năng' }).textContent()) ?? '';
    assert.match(menu, /Trang làm việc/);
    assert.doesNotMatch(menu, /Tổ chức|Người dùng|Nhật ký/);
  });

  it('an administrator sees the administration sections; unknown back-office pages are 404 in the back-office frame', async () => {
    const agency = await createAgency(env.rt.database, { name: 'Văn phòng UBND tỉnh' });
    const admin = await createOfficial(env.rt.database, agency.id, ['quan_tri_he_thong'], {
      includeSubtree: true,
    });
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/mot-cua/dang-nhap');
    await signIn(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/mot-cua');
    const menu = (await page.getByRole('navigation', { name: 'Chức năng' }).textContent()) ?? '';
    for (const section of [
      'Tổ chức',
      'Người dùng',
      'Danh mục',
      'Lịch làm việc',
      'Tài khoản công dân',
      'Nhật ký',
    ])
      assert.match(menu, new RegExp(section));
    assert.match((await page.getByTestId('agencies').textContent()) ?? '', /gồm các đơn vị trực thuộc/);
    const res = await page.goto('/mot-cua/khong-co');
    assert.equal(res?.status(), 404);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Không tìm thấy trang');
    assert.equal(await page.getByRole('navigation', { name: 'Chức năng' }).count(), 1);
    // Sign out from the back office goes back to its sign-in page.
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/mot-cua/dang-nhap');
  });

  it('(b) a citizen account is refused at /mot-cua/dang-nhap with a clear message and gets no session', async () => {
    const citizen = await createAccount(env.rt.database, { kind: 'citizen' });
    for (const javaScriptEnabled of [true, false]) {
      const page = await env.newPage({ javaScriptEnabled });
      await page.goto('/mot-cua/dang-nhap');
      if (javaScriptEnabled) await hydrated(page);
      await signIn(page, citizen.username, citizen.password);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /không phải tài khoản cán bộ, công chức/);
      assert.equal(new URL(page.url()).pathname, '/mot-cua/dang-nhap');
      assert.equal(
        (await page.context().cookies()).find((c) => c.name === 'dvc_sid'),
        undefined,
      );
    }
    const active = await env.rt.database.db
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', citizen.id)
      .where('revoked_at', 'is', null)
      .execute();
    assert.equal(active.length, 0);
  });

  it('a signed-in citizen who opens /mot-cua gets a 403 page', async () => {
    const citizen = await createAccount(env.rt.database);
    const page = await env.newPage();
    await page.goto('/dang-nhap');
    await hydrated(page);
    await signIn(page, citizen.username, citizen.password);
    await page.waitForURL('**/tai-khoan');
    const res = await page.goto('/mot-cua');
    assert.equal(res?.status(), 403);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Không có quyền truy cập');
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
