import { index, layout, route } from '@react-router/dev/routes';
import type { RouteConfig } from '@react-router/dev/routes';

/**
 * URL map. Portal pages share the portal layout; back-office screens are children of the
 * 'mot-cua' layout, whose middleware requires a signed-in official before any of their loaders run.
 */
export default [
  layout('routes/portal-layout.tsx', [
    index('routes/home.tsx'),
    route('dang-nhap', 'routes/sign-in.tsx'),
    route('dang-ky', 'routes/register.tsx'),
    route('xac-nhan-email', 'routes/verify-email.tsx'),
    route('quen-mat-khau', 'routes/forgot-password.tsx'),
    route('dat-lai-mat-khau', 'routes/reset-password.tsx'),
    route('tai-khoan', 'routes/account.tsx'),
    route('dang-xuat', 'routes/sign-out.tsx'),
    // Placeholders until the catalog and dossier issues land; the URLs are the final ones.
    route('thu-tuc-hanh-chinh', 'routes/coming-soon.tsx', { id: 'soon-procedures' }),
    route('tra-cuu-ho-so', 'routes/coming-soon.tsx', { id: 'soon-lookup' }),
    route('nop-ho-so', 'routes/coming-soon.tsx', { id: 'soon-submit' }),
    route('*', 'routes/not-found.tsx'),
  ]),
  route('ngon-ngu', 'routes/language.tsx'),
  route('mot-cua/dang-nhap', 'routes/mot-cua/sign-in.tsx'),
  route('mot-cua', 'routes/mot-cua/layout.tsx', [
    index('routes/mot-cua/home.tsx'),
    route('to-chuc', 'routes/mot-cua/to-chuc/layout.tsx', [
      index('routes/mot-cua/to-chuc/index.tsx'),
      route('them', 'routes/mot-cua/to-chuc/agency-new.tsx'),
      route(':id', 'routes/mot-cua/to-chuc/agency.tsx'),
      route(':id/sua', 'routes/mot-cua/to-chuc/agency-edit.tsx'),
      route(':id/phong-ban/them', 'routes/mot-cua/to-chuc/department-new.tsx'),
      route(':id/phong-ban/:depId', 'routes/mot-cua/to-chuc/department-edit.tsx'),
    ]),
    route('nguoi-dung', 'routes/mot-cua/nguoi-dung/layout.tsx', [
      index('routes/mot-cua/nguoi-dung/index.tsx'),
      route('them', 'routes/mot-cua/nguoi-dung/official-new.tsx'),
      route('nhom', 'routes/mot-cua/nguoi-dung/groups.tsx'),
      route('nhom/them', 'routes/mot-cua/nguoi-dung/group-new.tsx'),
      route('nhom/:groupId', 'routes/mot-cua/nguoi-dung/group.tsx'),
      route('nhom/:groupId/sua', 'routes/mot-cua/nguoi-dung/group-edit.tsx'),
      route('vai-tro', 'routes/mot-cua/nguoi-dung/roles.tsx'),
      route('vai-tro/:code', 'routes/mot-cua/nguoi-dung/role-edit.tsx'),
      route(':id', 'routes/mot-cua/nguoi-dung/official.tsx'),
      route(':id/sua', 'routes/mot-cua/nguoi-dung/official-edit.tsx'),
      route(':id/mat-khau', 'routes/mot-cua/nguoi-dung/official-password.tsx'),
    ]),
    route('danh-muc', 'routes/mot-cua/danh-muc/index.tsx'),
    route('danh-muc/:catalog', 'routes/mot-cua/danh-muc/catalog.tsx'),
    route('danh-muc/:catalog/them-muc', 'routes/mot-cua/danh-muc/new-item.tsx'),
    route('danh-muc/:catalog/muc/:code', 'routes/mot-cua/danh-muc/item.tsx'),
    route('lich-lam-viec', 'routes/mot-cua/lich-lam-viec/index.tsx'),
    route('tai-khoan-cong-dan', 'routes/mot-cua/tai-khoan-cong-dan/index.tsx'),
    route('tai-khoan-cong-dan/xuat', 'routes/mot-cua/tai-khoan-cong-dan/export.ts'),
    route('tai-khoan-cong-dan/thong-ke', 'routes/mot-cua/tai-khoan-cong-dan/stats.tsx'),
    route('tai-khoan-cong-dan/:id', 'routes/mot-cua/tai-khoan-cong-dan/detail.tsx'),
    route('nhat-ky', 'routes/mot-cua/nhat-ky/index.tsx'),
    route('*', 'routes/mot-cua/not-found.tsx'),
  ]),
] satisfies RouteConfig;
