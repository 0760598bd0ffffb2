import { Form, Link, redirect, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { SummaryList } from '../../../components/SummaryList.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import {
  formFailure,
  guard,
  idOrUndefined,
  requireId,
  serviceErrors,
  withNotice,
} from '../to-chuc/forms.server.ts';
import type { Route } from './+types/group.ts';
import { OfficialStatus } from './OfficialStatus.tsx';
import { roleOptions } from './shared.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const g = await guard(services.org.getGroup(auth, requireId(params.groupId)));
  const [roles, candidates] = await Promise.all([
    roleOptions(services, auth, lang),
    // Officials of the group's agency and of the agencies below it, who are not members yet.
    guard(
      services.org.listOfficials(auth, { agencyId: g.agencyId, subtree: true, status: 'active', limit: 200 }),
    ),
  ]);
  const roleName = new Map(roles.map((r) => [r.value, r.label]));
  const memberIds = new Set(g.members.map((m) => m.accountId));
  return {
    group: {
      id: g.id,
      name: g.name,
      description: g.description,
      agencyId: g.agencyId,
      agencyName: g.agencyName,
      roles: g.roleCodes.map((c) => roleName.get(c) ?? c),
      createdAt: formatDateTime(g.createdAt),
    },
    members: g.members.map((m) => ({
      id: m.accountId,
      fullName: m.fullName,
      username: m.username,
      status: m.status,
    })),
    candidates: candidates.items
      .filter((o) => !memberIds.has(o.id))
      .map((o) => ({ value: o.id, label: `${o.fullName} (${o.username}) — ${o.agencyName}` })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'users.manage');
  const id = requireId(params.groupId);
  const v = textFields(await request.formData(), ['intent', 'accountId']);
  const here = `/mot-cua/nguoi-dung/nhom/${id}`;
  try {
    switch (v.intent) {
      case 'add-member': {
        const accountId = idOrUndefined(v.accountId);
        if (!accountId)
          return formFailure(400, {
            intent: v.intent,
            errors: { accountId: translator(w.lang)('groups.pickMember') },
            values: {},
          });
        await w.services.org.addGroupMember(w.auth, id, accountId, w.actor);
        return redirect(withNotice(`${here}#thanh-vien`, 'member-added'));
      }
      case 'remove-member':
        await w.services.org.removeGroupMember(w.auth, id, requireId(v.accountId), w.actor);
        return redirect(withNotice(`${here}#thanh-vien`, 'member-removed'));
      case 'delete':
        await w.services.org.deleteGroup(w.auth, id, w.actor);
        return redirect(withNotice('/mot-cua/nguoi-dung/nhom', 'deleted'));
      default:
        failWith(400);
    }
  } catch (err) {
    const f = serviceErrors(err, w.lang, v.intent === 'add-member' ? ['accountId'] : [], {
      already_member: 'accountId',
    });
    return formFailure(f.status, { intent: v.intent, errors: f.errors, formError: f.formError, values: {} });
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: 'groups.notice.created',
  updated: 'groups.notice.updated',
  'member-added': 'groups.notice.memberAdded',
  'member-removed': 'groups.notice.memberRemoved',
};

/** /mot-cua/nguoi-dung/nhom/:groupId: a group, its members (add, remove); deletion asks for confirmation first. */
export default function GroupPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { group, members, candidates } = loaderData;
  const base = `/mot-cua/nguoi-dung/nhom/${group.id}`;
  const confirmDelete = params.get('xoa') === '1';
  const errors = actionData?.errors ?? {};
  return (
    <>
      <PageTitle title={group.name} site="backoffice" />
      <Breadcrumb
        items={[
          { label: t('groups.title'), to: `/mot-cua/nguoi-dung/nhom?coquan=${group.agencyId}` },
          { label: group.name },
        ]}
      />
      <h1>{group.name}</h1>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      <ErrorSummary errors={errors} order={['accountId']} formError={actionData?.formError} />
      {confirmDelete ? (
        <div className="confirm" role="region" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('groups.confirmTitle')}</h2>
          <p>{t('groups.confirmBody', { name: group.name, count: members.length })}</p>
          <Form method="post" className="actions">
            <CsrfField />
            <ActionButton name="intent" value="delete" variant="danger">
              {t('groups.confirmDelete')}
            </ActionButton>
            <Link to={base}>{t('adm.cancel')}</Link>
          </Form>
        </div>
      ) : (
        <div className="adm-actions">
          <Link to={`${base}/sua`} className="button button-secondary">
            {t('groups.edit')}
          </Link>
          <Link to={`${base}?xoa=1`} className="button button-danger">
            {t('groups.delete')}
          </Link>
        </div>
      )}
      <section aria-labelledby="group-info" className="adm-section">
        <h2 id="group-info">{t('groups.info')}</h2>
        <SummaryList
          items={[
            { label: t('groups.agency'), value: group.agencyName },
            { label: t('groups.description'), value: group.description },
            {
              label: t('groups.roles'),
              value: group.roles.length ? (
                <ul className="tag-list">
                  {group.roles.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                t('groups.noRoles')
              ),
            },
            { label: t('adm.createdAt'), value: group.createdAt },
          ]}
        />
      </section>
      <section aria-labelledby="thanh-vien" className="adm-section">
        <h2 id="thanh-vien" tabIndex={-1}>
          {t('groups.membersTitle', { count: members.length })}
        </h2>
        <DataTable
          caption={t('groups.membersTitle', { count: members.length })}
          captionHidden
          rows={members}
          rowKey={(m) => m.id}
          empty={t('groups.noMembers')}
          testId="members"
          columns={[
            {
              key: 'name',
              header: t('users.fullName'),
              render: (m) => <Link to={`/mot-cua/nguoi-dung/${m.id}`}>{m.fullName}</Link>,
            },
            {
              key: 'username',
              header: t('users.username'),
              render: (m) => <span className="code">{m.username}</span>,
            },
            { key: 'status', header: t('adm.status'), render: (m) => <OfficialStatus status={m.status} /> },
            {
              key: 'actions',
              header: t('adm.actions'),
              render: (m) => (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="accountId" value={m.id} />
                  <ActionButton
                    name="intent"
                    value="remove-member"
                    variant="danger"
                    small
                    label={t('groups.removeOf', { name: m.fullName })}
                  >
                    {t('groups.remove')}
                  </ActionButton>
                </Form>
              ),
            },
          ]}
        />
        <Form method="post" className="form" noValidate>
          <CsrfField />
          <fieldset className="fieldset">
            <legend>{t('groups.addMember')}</legend>
            {candidates.length ? (
              <div className="filters">
                <SelectField
                  name="accountId"
                  label={t('groups.member')}
                  options={candidates}
                  placeholder={t('adm.choose')}
                  error={errors.accountId}
                  required
                />
                <div className="filters-submit">
                  <SubmitButton name="intent" value="add-member">
                    {t('groups.addSubmit')}
                  </SubmitButton>
                </div>
              </div>
            ) : (
              <p className="empty">{t('groups.noCandidates')}</p>
            )}
          </fieldset>
        </Form>
      </section>
    </>
  );
}
