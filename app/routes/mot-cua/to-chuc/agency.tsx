import { Form, Link, redirect } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { SummaryList } from '../../../components/SummaryList.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/agency.ts';
import { AgencyTable } from './AgencyTable.tsx';
import { agencyCrumbs } from './crumbs.ts';
import {
  agencyPath,
  formFailure,
  guard,
  isRootAdmin,
  mayOn,
  requireId,
  serviceErrors,
  withNotice,
} from './forms.server.ts';
import { levelKey } from './labels.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const agency = await guard(services.org.getAgency(auth, id));
  const [children, departments] = await Promise.all([
    guard(services.org.listAgencies(auth, { parentId: id, includeInactive: true })),
    guard(services.org.listDepartments(auth, id, { includeInactive: true })),
  ]);
  const path = agencyPath(agency);
  const parent = agency.ancestors.at(-1);
  const canEdit = mayOn(auth, 'org.manage', path);
  const parentPath = path.slice(0, path.length - id.length - 1);
  return {
    agency: {
      id: agency.id,
      code: agency.code,
      name: agency.name,
      shortName: agency.shortName,
      level: agency.level,
      adminUnitCode: agency.adminUnitCode,
      address: agency.address,
      phone: agency.phone,
      email: agency.email,
      active: agency.active,
      createdAt: formatDateTime(agency.createdAt),
      updatedAt: formatDateTime(agency.updatedAt),
      ancestors: agency.ancestors,
      parent: parent ?? null,
    },
    children: children.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      level: a.level,
      active: a.active,
      childCount: a.childCount,
    })),
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      isOneStop: d.isOneStop,
      active: d.active,
      officialCount: d.officialCount,
    })),
    canEdit,
    // (De)activation is decided from above: over the parent, or by a root administrator for a top agency.
    canActivate: canEdit && (parent ? mayOn(auth, 'org.manage', parentPath) : isRootAdmin(auth)),
    canUsers: mayOn(auth, 'users.manage', path),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'org.manage');
  const id = requireId(params.id);
  const v = textFields(await request.formData(), ['intent', 'departmentId']);
  const here = `/mot-cua/to-chuc/${id}`;
  try {
    switch (v.intent) {
      case 'activate':
      case 'deactivate':
        await w.services.org.setAgencyActive(w.auth, id, v.intent === 'activate', w.actor);
        return redirect(withNotice(here, v.intent === 'activate' ? 'activated' : 'deactivated'));
      case 'dep-activate':
      case 'dep-deactivate':
        await w.services.org.setDepartmentActive(
          w.auth,
          requireId(v.departmentId),
          v.intent === 'dep-activate',
          w.actor,
        );
        return redirect(
          withNotice(`${here}#phong-ban`, v.intent === 'dep-activate' ? 'dep-activated' : 'dep-deactivated'),
        );
      default:
        failWith(400);
    }
  } catch (err) {
    const f = serviceErrors(err, w.lang, []);
    return formFailure(f.status, { intent: v.intent, errors: {}, formError: f.formError, values: {} });
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: 'org.notice.created',
  updated: 'org.notice.updated',
  activated: 'org.notice.activated',
  deactivated: 'org.notice.deactivated',
  'dep-created': 'org.notice.depCreated',
  'dep-updated': 'org.notice.depUpdated',
  'dep-activated': 'org.notice.depActivated',
  'dep-deactivated': 'org.notice.depDeactivated',
};

/** /mot-cua/to-chuc/:id: one agency (breadcrumb up the tree), its sub-agencies and its departments. */
export default function AgencyPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { agency, children, departments, canEdit, canActivate, canUsers } = loaderData;
  const base = `/mot-cua/to-chuc/${agency.id}`;
  return (
    <>
      <PageTitle title={agency.name} site="backoffice" />
      <Breadcrumb items={agencyCrumbs(t, agency)} />
      <div className="adm-head">
        <h1>{agency.name}</h1>
        {agency.active ? (
          <StatusBadge tone="ok">{t('adm.active')}</StatusBadge>
        ) : (
          <StatusBadge tone="off">{t('adm.inactive')}</StatusBadge>
        )}
      </div>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      <ErrorSummary order={[]} formError={actionData?.formError} />
      <div className="adm-actions">
        {canEdit ? (
          <Link to={`${base}/sua`} className="button button-secondary">
            {t('org.edit')}
          </Link>
        ) : null}
        {canEdit && agency.active ? (
          <Link to={`/mot-cua/to-chuc/them?cha=${agency.id}`} className="button button-secondary">
            {t('org.addChild')}
          </Link>
        ) : null}
        {canUsers ? <Link to={`/mot-cua/nguoi-dung?coquan=${agency.id}`}>{t('org.officials')}</Link> : null}
        {canActivate ? (
          <Form method="post">
            <CsrfField />
            {agency.active ? (
              <ActionButton name="intent" value="deactivate" variant="danger">
                {t('org.deactivate')}
              </ActionButton>
            ) : (
              <ActionButton name="intent" value="activate">
                {t('org.activate')}
              </ActionButton>
            )}
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="org-info" className="adm-section">
        <h2 id="org-info">{t('org.info')}</h2>
        <SummaryList
          items={[
            {
              label: t('org.codeLong'),
              value: <span className="code">{agency.code}</span>,
              testId: 'agency-code',
            },
            { label: t('org.shortName'), value: agency.shortName },
            { label: t('org.level'), value: t(levelKey(agency.level)) },
            {
              label: t('org.parent'),
              value: agency.parent ? (
                agency.parent.accessible ? (
                  <Link to={`/mot-cua/to-chuc/${agency.parent.id}`}>{agency.parent.name}</Link>
                ) : (
                  agency.parent.name
                )
              ) : (
                t('org.noParent')
              ),
            },
            { label: t('org.adminUnitCode'), value: agency.adminUnitCode },
            { label: t('org.address'), value: agency.address },
            { label: t('org.phone'), value: agency.phone },
            { label: t('org.email'), value: agency.email },
            { label: t('adm.createdAt'), value: agency.createdAt },
            { label: t('adm.updatedAt'), value: agency.updatedAt },
          ]}
        />
      </section>

      <section aria-labelledby="org-children" className="adm-section">
        <div className="adm-section-head">
          <h2 id="org-children">{t('org.childrenTitle', { count: children.length })}</h2>
        </div>
        <AgencyTable
          rows={children}
          caption={t('org.childrenTitle', { count: children.length })}
          empty={t('org.noChildren')}
        />
      </section>

      <section aria-labelledby="phong-ban" className="adm-section">
        <div className="adm-section-head">
          <h2 id="phong-ban" tabIndex={-1}>
            {t('org.departmentsTitle', { count: departments.length })}
          </h2>
          {canEdit && agency.active ? (
            <Link to={`${base}/phong-ban/them`} className="button button-secondary">
              {t('org.addDepartment')}
            </Link>
          ) : null}
        </div>
        <DataTable
          caption={t('org.departmentsTitle', { count: departments.length })}
          captionHidden
          rows={departments}
          rowKey={(d) => d.id}
          empty={t('org.noDepartments')}
          testId="department-table"
          columns={[
            { key: 'name', header: t('org.depName'), render: (d) => d.name },
            { key: 'code', header: t('org.depCode'), render: (d) => <span className="code">{d.code}</span> },
            {
              key: 'oneStop',
              header: t('org.oneStop'),
              render: (d) =>
                d.isOneStop ? <StatusBadge tone="info">{t('org.oneStopYes')}</StatusBadge> : '—',
            },
            {
              key: 'officials',
              header: t('org.depOfficials'),
              numeric: true,
              render: (d) => d.officialCount,
            },
            {
              key: 'state',
              header: t('adm.status'),
              render: (d) =>
                d.active ? (
                  <StatusBadge tone="ok">{t('adm.active')}</StatusBadge>
                ) : (
                  <StatusBadge tone="off">{t('adm.inactive')}</StatusBadge>
                ),
            },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    header: t('adm.actions'),
                    render: (d: (typeof departments)[number]) => (
                      <span className="row-actions">
                        <Link
                          to={`${base}/phong-ban/${d.id}`}
                          aria-label={t('org.editDepartmentOf', { name: d.name })}
                        >
                          {t('adm.edit')}
                        </Link>
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="departmentId" value={d.id} />
                          <ActionButton
                            name="intent"
                            value={d.active ? 'dep-deactivate' : 'dep-activate'}
                            small
                            label={t(d.active ? 'org.depDeactivateOf' : 'org.depActivateOf', {
                              name: d.name,
                            })}
                          >
                            {t(d.active ? 'org.deactivate' : 'org.activate')}
                          </ActionButton>
                        </Form>
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
    </>
  );
}
