import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createAgency, createOfficial, createUserGroup } from '../support/factories.ts';
import { hasHorizontalScroll, hydrated, seriousA11yViolations, startBrowserEnv } from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

/**
 * Back-office administration of the organisation (II.17.1) and of users, roles and groups (II.17.2):
 * /mot-cua/to-chuc and /mot-cua/nguoi-dung, with and without JavaScript.
 */
let env: BrowserEnv;
let province: { id: string; code: string };
let admin: { username: string; password: string };
const provinceName = `UBND tỉnh Thử Nghiệm ${randomBytes(2).toString('hex')}`;

before(async () => {
  env = await startBrowserEnv();
  province = await createAgency(env.rt.database, { name: provinceName, level: 'province' });
  admin = await createOfficial(env.rt.database, province.id, ['quan_tri_he_thong'], { includeSubtree: true });
});
after(async () => env.close());

const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();
/** A unique, valid QCVN 102 code. */
const agencyCode = () => `${hex(2).slice(0, 3)}.${hex(1)}.${hex(1)}.T${hex(1)}`;

async function signIn(page: Page, who: { username: string; password: string }, javaScriptEnabled: boolean) {
  await page.goto('/mot-cua/dang-nhap');
  if (javaScriptEnabled) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/mot-cua');
  await page.getByTestId('roles').waitFor();
}

/** Clicks a submit button and waits for the page that follows (a redirect, or the form again with errors). */
async function submit(page: Page, name: string, nextPath?: RegExp) {
  await page.getByRole('button', { name, exact: true }).click();
  if (nextPath) await page.waitForURL((u) => nextPath.test(u.pathname));
}

/** Waits for the page's h1 to read `expected` (client-side navigation may change the URL a moment before the page). */
async function expectHeading(page: Page, expected: string): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1
    .filter({ hasText: expected })
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  assert.equal(((await h1.textContent()) ?? '').trim(), expected);
}

describe('back-office administration: organisation and users', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`a province administrator creates a sub-agency, a department and an official, grants a role, and the official signs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const db = env.rt.database.db;
      const tag = hex(2);
      const communeName = `UBND xã Đông Tiến ${tag}`;
      const page = await env.newPage({ javaScriptEnabled });
      await signIn(page, admin, javaScriptEnabled);

      // The menu leads to Tổ chức; the province is listed at the top of the admin's scope.
      await page
        .getByRole('navigation', { name: 'Chức năng' })
        .getByRole('link', { name: 'Tổ chức' })
        .click();
      await page.waitForURL((u) => u.pathname === '/mot-cua/to-chuc');
      await page.getByRole('link', { name: provinceName }).click();
      await page.waitForURL((u) => u.pathname === `/mot-cua/to-chuc/${province.id}`);
      await expectHeading(page, provinceName);
      await page.getByRole('link', { name: 'Thêm đơn vị trực thuộc' }).click();
      await page.waitForURL((u) => u.pathname === '/mot-cua/to-chuc/them');
      if (javaScriptEnabled) await hydrated(page);

      // A code that is not QCVN 102: the Vietnamese message next to the code field, nothing created, nothing lost.
      await page.getByLabel('Mã cơ quan (QCVN 102)').fill('XA-01');
      await page.getByLabel('Tên cơ quan').fill(communeName);
      await page.getByLabel('Cấp').selectOption('commune');
      await submit(page, 'Tạo cơ quan');
      const codeError = page.locator('#f-code-error');
      await codeError.waitFor();
      assert.match((await codeError.textContent()) ?? '', /Mã cơ quan phải theo QCVN 102/);
      assert.equal(await page.locator('#f-code').getAttribute('aria-invalid'), 'true');
      assert.match((await page.locator('.error-summary').textContent()) ?? '', /QCVN 102/);
      assert.equal(await page.locator('#f-name').inputValue(), communeName);
      const none = await db.selectFrom('agencies').select('id').where('name', '=', communeName).execute();
      assert.equal(none.length, 0);

      // A good code: created under the province, shown with its code and a breadcrumb back up.
      const code = agencyCode();
      await page.locator('#f-code').fill(code.toLowerCase());
      await page.getByLabel('Điện thoại').fill('0237385000');
      await submit(page, 'Tạo cơ quan', /^\/mot-cua\/to-chuc\/[0-9a-f-]{36}$/);
      await page.getByRole('status').filter({ hasText: 'Đã tạo cơ quan.' }).waitFor();
      await expectHeading(page, communeName);
      assert.equal(await page.getByTestId('agency-code').textContent(), code);
      const crumbs = page.getByRole('navigation', { name: 'Vị trí trang' });
      assert.equal(await crumbs.getByRole('link', { name: provinceName }).count(), 1);
      assert.equal(await crumbs.locator('[aria-current="page"]').textContent(), communeName);
      const commune = await db
        .selectFrom('agencies')
        .select(['id', 'parent_id', 'level'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      assert.equal(commune.parent_id, province.id);
      assert.equal(commune.level, 'commune');

      // A one-stop department.
      await page.getByRole('link', { name: 'Thêm phòng ban' }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/phong-ban/them'));
      await page.getByLabel('Mã phòng ban').fill('mot_cua');
      await page.getByLabel('Tên phòng ban').fill('Bộ phận một cửa');
      await page.getByLabel('Đây là bộ phận một cửa').check();
      await submit(page, 'Tạo phòng ban', /^\/mot-cua\/to-chuc\/[0-9a-f-]{36}$/);
      await page.getByRole('status').filter({ hasText: 'Đã tạo phòng ban.' }).waitFor();
      const departments = (await page.getByTestId('department-table').textContent()) ?? '';
      assert.match(departments, /Bộ phận một cửa/);
      assert.match(departments, /MOT_CUA/);

      // An official of the new commune, in that department.
      await page.getByRole('link', { name: 'Cán bộ của cơ quan' }).click();
      await page.waitForURL((u) => u.pathname === '/mot-cua/nguoi-dung');
      await page.getByRole('link', { name: 'Thêm cán bộ' }).click();
      await page.waitForURL((u) => u.pathname === '/mot-cua/nguoi-dung/them');
      if (javaScriptEnabled) await hydrated(page);
      const username = `motcua.${tag.toLowerCase()}${javaScriptEnabled ? 'j' : 'n'}`;
      const fullName = `Trần Thị Mai ${tag}`;
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.locator('#f-password').fill('MatKhau2025');
      await page.locator('#f-passwordConfirm').fill('MatKhau2025');
      await page.getByLabel('Họ và tên').fill(fullName);
      await page.getByLabel('Phòng ban').selectOption({ label: 'Bộ phận một cửa' });
      await submit(page, 'Tạo tài khoản', /^\/mot-cua\/nguoi-dung\/[0-9a-f-]{36}$/);
      await page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản cán bộ' }).waitFor();
      await expectHeading(page, fullName);
      if (javaScriptEnabled) await hydrated(page);

      // Grant the counter officer's role in the commune (the agency list starts on the official's own agency).
      await page
        .getByLabel('Vai trò', { exact: true })
        .selectOption({ label: 'Cán bộ tiếp nhận và trả kết quả' });
      assert.equal(await page.locator('#f-agencyId').inputValue(), commune.id);
      await submit(page, 'Giao vai trò', /^\/mot-cua\/nguoi-dung\/[0-9a-f-]{36}$/);
      await page.getByRole('status').filter({ hasText: 'Đã giao vai trò.' }).waitFor();
      const held = (await page.getByTestId('assignments').textContent()) ?? '';
      assert.match(held, /Cán bộ tiếp nhận và trả kết quả/);
      assert.match(held, new RegExp(communeName));

      // The new official signs in to the back office and sees that role.
      const theirs = await env.newPage({ javaScriptEnabled });
      await signIn(theirs, { username, password: 'MatKhau2025' }, javaScriptEnabled);
      const roles = await theirs.getByTestId('roles').locator('li').allTextContents();
      assert.deepEqual(roles, ['Cán bộ tiếp nhận và trả kết quả']);
      assert.match((await theirs.getByTestId('agencies').textContent()) ?? '', new RegExp(communeName));
    });
  }

  it('a commune administrator cannot open another commune (403 page), without JavaScript', async () => {
    const own = await createAgency(env.rt.database, { name: 'UBND xã Của Mình', parentId: province.id });
    const other = await createAgency(env.rt.database, { name: 'UBND xã Bên Cạnh', parentId: province.id });
    const communeAdmin = await createOfficial(env.rt.database, own.id, ['quan_tri_he_thong']);
    const page = await env.newPage({ javaScriptEnabled: false });
    await signIn(page, communeAdmin, false);

    const mine = await page.goto(`/mot-cua/to-chuc/${own.id}`);
    assert.equal(mine?.status(), 200);
    await expectHeading(page, 'UBND xã Của Mình');
    for (const path of [
      `/mot-cua/to-chuc/${other.id}`,
      `/mot-cua/to-chuc/${other.id}/sua`,
      `/mot-cua/to-chuc/them?cha=${other.id}`,
      `/mot-cua/nguoi-dung?coquan=${other.id}`,
    ]) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 403, path);
      await expectHeading(page, 'Không có quyền truy cập');
      assert.equal(await page.getByRole('navigation', { name: 'Chức năng' }).count(), 1);
    }
    // The list starts at their own commune; the province above is not theirs.
    await page.goto('/mot-cua/to-chuc');
    const listed = await page.getByTestId('agency-table').getByRole('link').allTextContents();
    assert.deepEqual(listed, ['UBND xã Của Mình']);
  });

  it('finds agencies without diacritics and pages officials with "Trang sau"', async () => {
    const agency = await createAgency(env.rt.database, {
      name: 'UBND phường Hạc Thành',
      parentId: province.id,
    });
    for (let i = 0; i < 52; i++) await createOfficial(env.rt.database, agency.id, []);
    const page = await env.newPage({ javaScriptEnabled: false });
    await signIn(page, admin, false);

    await page.goto('/mot-cua/to-chuc?q=phuong+hac+thanh');
    assert.deepEqual(await page.getByTestId('agency-table').getByRole('link').allTextContents(), [
      'UBND phường Hạc Thành',
    ]);

    await page.goto(`/mot-cua/nguoi-dung?coquan=${agency.id}`);
    const first = await page.getByTestId('officials-table').locator('tbody tr').count();
    assert.equal(first, 50);
    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.waitForURL((u) => u.searchParams.has('sau'));
    assert.equal(await page.getByTestId('officials-table').locator('tbody tr').count(), 2);
    assert.equal(await page.getByRole('link', { name: 'Trang sau' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Trang đầu' }).count(), 1);
  });

  it('manages a user group: create with a role, add and remove a member, delete after confirming', async () => {
    const agency = await createAgency(env.rt.database, {
      name: 'Sở Nội vụ Thử Nghiệm',
      parentId: province.id,
      level: 'province_department',
    });
    const member = await createOfficial(env.rt.database, agency.id, []);
    const page = await env.newPage();
    await signIn(page, admin, true);
    await page.goto(`/mot-cua/nguoi-dung/nhom/them?coquan=${agency.id}`);
    await hydrated(page);
    await page.getByLabel('Tên nhóm').fill('Tổ tiếp nhận');
    await page.getByLabel('Cán bộ tiếp nhận và trả kết quả').check();
    await submit(page, 'Tạo nhóm', /^\/mot-cua\/nguoi-dung\/nhom\/[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: 'Đã tạo nhóm người dùng.' }).waitFor();
    await page.getByLabel('Cán bộ', { exact: true }).selectOption({ index: 1 });
    await submit(page, 'Thêm vào nhóm');
    await page.getByRole('status').filter({ hasText: 'Đã thêm thành viên vào nhóm.' }).waitFor();
    assert.equal(await page.getByTestId('members').locator('tbody tr').count(), 1);
    await page.getByRole('button', { name: /^Bỏ khỏi nhóm/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã bỏ thành viên khỏi nhóm.' }).waitFor();
    await page.getByRole('link', { name: 'Xóa nhóm' }).click();
    await page.getByRole('heading', { name: 'Xóa nhóm này?' }).waitFor();
    await submit(page, 'Xóa nhóm', /^\/mot-cua\/nguoi-dung\/nhom$/);
    await page.getByRole('status').filter({ hasText: 'Đã xóa nhóm người dùng.' }).waitFor();
    const left = await env.rt.database.db
      .selectFrom('user_groups')
      .select('id')
      .where('agency_id', '=', agency.id)
      .execute();
    assert.equal(left.length, 0);
    assert.ok(member.id);
  });

  it('edits an agency, explains why a busy department cannot close, edits an official (birth date DD/MM/YYYY), sets a password, disables the account', async () => {
    const db = env.rt.database.db;
    const agency = await createAgency(env.rt.database, { name: 'UBND xã Cũ', parentId: province.id });
    const official = await createOfficial(env.rt.database, agency.id, []);
    const page = await env.newPage();
    await signIn(page, admin, true);

    await page.goto(`/mot-cua/to-chuc/${agency.id}/sua`);
    await hydrated(page);
    await page.getByLabel('Tên cơ quan').fill('UBND xã Mới');
    await page.getByLabel('Thư điện tử').fill('ubnd@xa-moi.gov.vn');
    await submit(page, 'Lưu thay đổi', new RegExp(`^/mot-cua/to-chuc/${agency.id}$`));
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin cơ quan.' }).waitFor();
    await expectHeading(page, 'UBND xã Mới');

    // A department with an official cannot be deactivated: the reason is shown, nothing changes.
    await page.getByRole('link', { name: 'Thêm phòng ban' }).click();
    await page.getByLabel('Mã phòng ban').fill('VP');
    await page.getByLabel('Tên phòng ban').fill('Văn phòng');
    await submit(page, 'Tạo phòng ban', new RegExp(`^/mot-cua/to-chuc/${agency.id}$`));
    await page.getByRole('status').filter({ hasText: 'Đã tạo phòng ban.' }).waitFor();
    const dep = await db
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('officials')
      .set({ department_id: dep.id })
      .where('account_id', '=', official.id)
      .execute();
    await page.reload();
    await hydrated(page);
    await page.getByRole('button', { name: 'Ngừng hoạt động phòng ban Văn phòng' }).click();
    await page.locator('.error-summary').filter({ hasText: 'Phòng ban còn cán bộ đang làm việc' }).waitFor();

    await page.goto(`/mot-cua/nguoi-dung/${official.id}/sua`);
    await hydrated(page);
    await page.getByLabel('Ngày sinh').fill('5/9/85');
    await submit(page, 'Lưu thay đổi');
    await page.locator('#f-birthDate-error').filter({ hasText: 'DD/MM/YYYY' }).waitFor();
    await page.getByLabel('Ngày sinh').fill('05/09/1985');
    await page.getByLabel('Chức danh').fill('Chuyên viên văn phòng');
    await submit(page, 'Lưu thay đổi', new RegExp(`^/mot-cua/nguoi-dung/${official.id}$`));
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin cán bộ.' }).waitFor();
    const info = (await page.locator('.summary-list').textContent()) ?? '';
    assert.match(info, /05\/09\/1985/);
    assert.match(info, /Chuyên viên văn phòng/);

    await page.getByRole('link', { name: 'Đặt mật khẩu' }).click();
    await page.locator('#f-password').fill('MatKhauMoi99');
    await page.locator('#f-passwordConfirm').fill('MatKhauMoi99');
    await submit(page, 'Đặt mật khẩu mới', new RegExp(`^/mot-cua/nguoi-dung/${official.id}$`));
    await page.getByRole('status').filter({ hasText: 'Đã đặt mật khẩu mới.' }).waitFor();
    await submit(page, 'Khóa tài khoản');
    await page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản' }).waitFor();
    const acc = await db
      .selectFrom('accounts')
      .select('status')
      .where('id', '=', official.id)
      .executeTakeFirstOrThrow();
    assert.equal(acc.status, 'disabled');

    // The same screens in English.
    await page.goto('/ngon-ngu?lang=en&next=/mot-cua/to-chuc');
    await expectHeading(page, 'Agencies');
  });

  it('axe-core finds no serious or critical problems, and nothing scrolls sideways at 360 px', async () => {
    const agency = await createAgency(env.rt.database, {
      name: 'UBND xã Kiểm Tra Giao Diện',
      parentId: province.id,
    });
    const official = await createOfficial(env.rt.database, agency.id, ['can_bo_mot_cua']);
    const group = await createUserGroup(env.rt.database, agency.id, {
      roleCodes: ['can_bo_thu_ly'],
      memberIds: [official.id],
    });
    const pages = [
      '/mot-cua/to-chuc',
      `/mot-cua/to-chuc/${province.id}`,
      `/mot-cua/to-chuc/${agency.id}`,
      `/mot-cua/to-chuc/them?cha=${agency.id}`,
      `/mot-cua/to-chuc/${agency.id}/phong-ban/them`,
      '/mot-cua/nguoi-dung',
      `/mot-cua/nguoi-dung/them?coquan=${agency.id}`,
      `/mot-cua/nguoi-dung/${official.id}`,
      `/mot-cua/nguoi-dung/${official.id}/sua`,
      '/mot-cua/nguoi-dung/nhom',
      `/mot-cua/nguoi-dung/nhom/${group.id}`,
      '/mot-cua/nguoi-dung/vai-tro',
      '/mot-cua/nguoi-dung/vai-tro/can_bo_mot_cua',
    ];
    const problems: string[] = [];
    const wide: string[] = [];
    const page = await env.newPage();
    await signIn(page, admin, true);
    for (const path of pages) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 200, path);
      for (const v of await seriousA11yViolations(page))
        problems.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    // A form with errors (summary, invalid fields) must pass too.
    await page.goto(`/mot-cua/to-chuc/them?cha=${agency.id}`);
    await hydrated(page);
    await submit(page, 'Tạo cơ quan');
    await page.locator('.error-summary').waitFor();
    for (const v of await seriousA11yViolations(page))
      problems.push(`agency form with errors: ${v.id} ${v.help}`);
    assert.deepEqual(problems, []);

    const narrow = await env.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(narrow, admin, true);
    for (const path of pages) {
      await narrow.goto(path);
      if (await hasHorizontalScroll(narrow)) wide.push(path);
    }
    assert.deepEqual(wide, []);
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
