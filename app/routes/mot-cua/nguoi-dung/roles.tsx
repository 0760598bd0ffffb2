import { Link } from 'react-router';
import { isPermission } from '../../../../src/domain/permissions.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { guard, isRootAdmin } from '../to-chuc/forms.server.ts';
import type { Route } from './+types/roles.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const roles = await guard(services.org.listRoles(auth));
  return {
    roles: roles.map((r) => ({
      code: r.code,
      name: lang === 'en' ? r.nameEn : r.name,
      description: r.description,
      permissions: r.permissions,
    })),
    canEdit: isRootAdmin(auth),
  };
}

/** /mot-cua/nguoi-dung/vai-tro: the roles and the permissions each gives; only a system administrator edits them. */
export default function Roles({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { roles, canEdit } = loaderData;
  return (
    <>
      <PageTitle title={t('roles.title')} site="backoffice" />
      <h1>{t('roles.title')}</h1>
      <FlashNotice notices={{ updated: 'roles.notice.updated' }} />
      <p>{canEdit ? t('roles.introAdmin') : t('roles.intro')}</p>
      <DataTable
        caption={t('roles.title')}
        captionHidden
        rows={roles}
        rowKey={(r) => r.code}
        empty={t('roles.empty')}
        testId="roles-table"
        columns={[
          {
            key: 'name',
            header: t('users.role'),
            render: (r) => (
              <>
                {r.name}
                <span className="cell-sub code">{r.code}</span>
              </>
            ),
          },
          { key: 'description', header: t('roles.description'), render: (r) => r.description || '—' },
          {
            key: 'permissions',
            header: t('roles.permissions'),
            render: (r) => (
              <ul className="tag-list">
                {r.permissions.map((p) => (
                  <li key={p}>{isPermission(p) ? t(`perm.${p}`) : p}</li>
                ))}
              </ul>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  header: t('adm.actions'),
                  render: (r: (typeof roles)[number]) => (
                    <Link
                      to={`/mot-cua/nguoi-dung/vai-tro/${r.code}`}
                      aria-label={t('roles.editOf', { name: r.name })}
                    >
                      {t('adm.edit')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
