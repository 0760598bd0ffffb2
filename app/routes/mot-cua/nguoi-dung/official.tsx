import { Form, Link, redirect } from 'react-router';
import { formatDate, formatDateTime } from '../../../../src/domain/datetime.ts';
import { RoleAssignmentCreate } from '../../../../src/modules/org/schema.ts';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { SummaryList } from '../../../components/SummaryList.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import {
  agencyOptions,
  checked,
  formFailure,
  guard,
  requireId,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/official.ts';
import { OfficialStatus } from './OfficialStatus.tsx';
import { positionNames, roleOptions } from './shared.server.ts';

const GRANT_FIELDS = ['roleCode', 'agencyId', 'includeSubtree'] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const o = await guard(services.org.getOfficial(auth, requireId(params.id)));
  const [roles, agencies, positions] = await Promise.all([
    roleOptions(services, auth, lang),
    agencyOptions(services, auth),
    positionNames(services),
  ]);
  const roleName = new Map(roles.map((r) => [r.value, r.label]));
  return {
    official: {
      id: o.id,
      username: o.username,
      fullName: o.fullName,
      email: o.email,
      phone: o.phone,
      status: o.status,
      agencyId: o.agencyId,
      agencyName: o.agencyName,
      departmentName: o.departmentName,
      position: o.positionCode ? (positions[o.positionCode] ?? o.positionCode) : null,
      title: o.title,
      birthDate: o.birthDate ? formatDate(o.birthDate) : null,
      gender: o.gender,
      idNumber: o.idNumber,
      address: o.address,
      lastLoginAt: o.lastLoginAt ? formatDateTime(o.lastLoginAt) : null,
      createdAt: formatDateTime(o.createdAt),
    },
    assignments: o.roles.map((r) => ({
      id: r.id,
      roleName: roleName.get(r.roleCode) ?? r.roleName,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      includeSubtree: r.includeSubtree,
      createdAt: formatDateTime(r.createdAt),
    })),
    groups: o.groups.map((g) => ({
      id: g.id,
      name: g.name,
      roles: g.roleCodes.map((c) => roleName.get(c) ?? c),
    })),
    roles: roles.map((r) => ({ value: r.value, label: r.label })),
    agencies,
    self: o.id === auth.account.id,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const id = requireId(params.id);
  const form = await request.formData();
  const v = textFields(form, ['intent', 'assignmentId', 'roleCode', 'agencyId']);
  const here = `/mot-cua/nguoi-dung/${id}`;
  const values = {
    roleCode: v.roleCode,
    agencyId: v.agencyId,
    includeSubtree: checked(form, 'includeSubtree'),
  };
  try {
    switch (v.intent) {
      case 'grant': {
        const parsed = RoleAssignmentCreate.safeParse({ ...values, accountId: id });
        if (!parsed.success)
          return formFailure(400, {
            intent: 'grant',
            errors: toFieldErrors(parsed.error.issues, w.lang),
            values,
          });
        await w.services.org.grantRole(w.auth, parsed.data, w.actor);
        return redirect(withNotice(`${here}#vai-tro`, 'granted'));
      }
      case 'revoke':
        await w.services.org.revokeRole(w.auth, requireId(v.assignmentId), w.actor);
        return redirect(withNotice(`${here}#vai-tro`, 'revoked'));
      case 'enable':
      case 'disable':
        await w.services.org.setOfficialEnabled(w.auth, id, v.intent === 'enable', w.actor);
        return redirect(withNotice(here, v.intent === 'enable' ? 'enabled' : 'disabled'));
      default:
        failWith(400);
    }
  } catch (err) {
    const f = serviceErrors(err, w.lang, v.intent === 'grant' ? GRANT_FIELDS : [], {
      duplicate_role_assignment: 'roleCode',
    });
    return formFailure(f.status, { intent: v.intent, errors: f.errors, formError: f.formError, values });
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: 'users.notice.created',
  updated: 'users.notice.updated',
  password: 'users.notice.password',
  enabled: 'users.notice.enabled',
  disabled: 'users.notice.disabled',
  granted: 'users.notice.granted',
  revoked: 'users.notice.revoked',
};

const GENDERS: Record<string, MessageKey> = {
  male: 'users.gender.male',
  female: 'users.gender.female',
  other: 'users.gender.other',
};

/** /mot-cua/nguoi-dung/:id: one official: profile, roles held (grant, revoke), groups, account state. */
export default function OfficialPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { official: o, assignments, groups, roles, agencies, self } = loaderData;
  const base = `/mot-cua/nguoi-dung/${o.id}`;
  const grantErrors = actionData?.intent === 'grant' ? actionData.errors : {};
  const grantValues = actionData?.intent === 'grant' ? actionData.values : undefined;
  return (
    <>
      <PageTitle title={o.fullName} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('users.title'), to: `/mot-cua/nguoi-dung?coquan=${o.agencyId}` },
          { label: o.fullName },
        ]}
      />
      <div className="adm-head">
        <h1>{o.fullName}</h1>
        <OfficialStatus status={o.status} />
      </div>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      <ErrorSummary errors={grantErrors} order={GRANT_FIELDS} formError={actionData?.formError} />
      <div className="adm-actions">
        <Link to={`${base}/sua`} className="button button-secondary">
          {t('users.edit')}
        </Link>
        <Link to={`${base}/mat-khau`} className="button button-secondary">
          {t('users.setPassword')}
        </Link>
        {self ? null : (
          <Form method="post">
            <CsrfField />
            {o.status === 'disabled' ? (
              <ActionButton name="intent" value="enable">
                {t('users.enable')}
              </ActionButton>
            ) : (
              <ActionButton name="intent" value="disable" variant="danger">
                {t('users.disable')}
              </ActionButton>
            )}
          </Form>
        )}
      </div>

      <section aria-labelledby="official-info" className="adm-section">
        <h2 id="official-info">{t('users.profile')}</h2>
        <SummaryList
          items={[
            { label: t('users.username'), value: <span className="code">{o.username}</span> },
            { label: t('users.agency'), value: o.agencyName },
            { label: t('users.department'), value: o.departmentName },
            { label: t('users.position'), value: o.position },
            { label: t('users.titleField'), value: o.title },
            { label: t('users.email'), value: o.email },
            { label: t('users.phone'), value: o.phone },
            { label: t('users.birthDate'), value: o.birthDate },
            {
              label: t('users.gender'),
              value: o.gender ? t(GENDERS[o.gender] ?? 'users.gender.other') : null,
            },
            { label: t('users.idNumber'), value: o.idNumber },
            { label: t('users.address'), value: o.address },
            { label: t('users.lastLogin'), value: o.lastLoginAt ?? t('users.never') },
            { label: t('adm.createdAt'), value: o.createdAt },
          ]}
        />
      </section>

      <section aria-labelledby="vai-tro" className="adm-section">
        <h2 id="vai-tro" tabIndex={-1}>
          {t('users.rolesTitle')}
        </h2>
        <DataTable
          caption={t('users.rolesTitle')}
          captionHidden
          rows={assignments}
          rowKey={(r) => r.id}
          empty={t('users.noRoles')}
          testId="assignments"
          columns={[
            { key: 'role', header: t('users.role'), render: (r) => r.roleName },
            { key: 'agency', header: t('users.agency'), render: (r) => r.agencyName },
            {
              key: 'scope',
              header: t('users.scope'),
              render: (r) => (r.includeSubtree ? t('users.scope.subtree') : t('users.scope.only')),
            },
            { key: 'since', header: t('users.grantedAt'), render: (r) => r.createdAt },
            {
              key: 'actions',
              header: t('adm.actions'),
              render: (r) => (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="assignmentId" value={r.id} />
                  <ActionButton
                    name="intent"
                    value="revoke"
                    variant="danger"
                    small
                    label={t('users.revokeOf', { role: r.roleName, agency: r.agencyName })}
                  >
                    {t('users.revoke')}
                  </ActionButton>
                </Form>
              ),
            },
          ]}
        />
        <Form method="post" className="form" noValidate>
          <CsrfField />
          <fieldset className="fieldset">
            <legend>{t('users.grantLegend')}</legend>
            <div className="filters">
              <SelectField
                name="roleCode"
                label={t('users.role')}
                options={roles}
                placeholder={t('adm.choose')}
                error={grantErrors.roleCode}
                defaultValue={grantValues?.roleCode}
                required
              />
              <SelectField
                name="agencyId"
                label={t('users.grantAgency')}
                options={agencies}
                error={grantErrors.agencyId}
                defaultValue={grantValues?.agencyId ?? o.agencyId}
                required
              />
              <CheckboxField
                name="includeSubtree"
                label={t('users.includeSubtree')}
                hint={t('users.includeSubtreeHint')}
                error={grantErrors.includeSubtree}
                defaultChecked={grantValues?.includeSubtree}
              />
              <div className="filters-submit">
                <SubmitButton name="intent" value="grant">
                  {t('users.grant')}
                </SubmitButton>
              </div>
            </div>
          </fieldset>
        </Form>
      </section>

      <section aria-labelledby="official-groups" className="adm-section">
        <h2 id="official-groups">{t('users.groupsTitle')}</h2>
        <DataTable
          caption={t('users.groupsTitle')}
          captionHidden
          rows={groups}
          rowKey={(g) => g.id}
          empty={t('users.noGroups')}
          columns={[
            {
              key: 'name',
              header: t('groups.name'),
              render: (g) => <Link to={`/mot-cua/nguoi-dung/nhom/${g.id}`}>{g.name}</Link>,
            },
            { key: 'roles', header: t('groups.roles'), render: (g) => g.roles.join(', ') || '—' },
          ]}
        />
      </section>
    </>
  );
}
