import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../src/domain/datetime.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/detail.ts';
import { KIND_KEYS, STATUS_KEYS, statusClass } from './labels.ts';
import type { KINDS, STATUSES } from './labels.ts';

export const links = adminDataLinks;

const when = (v: string | null) => (v ? formatDateTime(v) : null);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'accounts.manage');
  if (!isUuid(params.id)) failWith(404);
  const a = await orErrorPage(services.accountsAdmin.get(auth, params.id));
  return {
    own: auth.account.id === a.id,
    account: {
      ...a,
      birthDate: a.birthDate ? formatDate(a.birthDate) : null,
      emailVerifiedAt: when(a.emailVerifiedAt),
      lockedUntil: when(a.lockedUntil),
      createdAt: formatDateTime(a.createdAt),
      updatedAt: formatDateTime(a.updatedAt),
      lastLoginAt: when(a.lastLoginAt),
    },
  };
}

interface ActionData {
  intent: string;
  errors: FieldErrors;
  formError?: string | undefined;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'accounts.manage');
  const t = translator(w.lang);
  if (!isUuid(params.id)) failWith(404);
  const v = textFields(await request.formData(), ['intent', 'confirm-disable', 'confirm-activate']);
  if (v.intent !== 'disable' && v.intent !== 'activate') failWith(400);
  const confirmField = `confirm-${v.intent}`;
  if (v[confirmField as 'confirm-disable'] !== '1') {
    const errors: FieldErrors = { [confirmField]: t(`acc.err.${v.intent}Confirm`) };
    return data<ActionData>({ intent: v.intent, errors }, { status: 400 });
  }
  try {
    await w.services.accountsAdmin.setStatus(
      w.auth,
      params.id,
      v.intent === 'disable' ? 'disabled' : 'active',
      w.actor,
    );
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'own_account' || e?.code === 'forbidden')
      return data<ActionData>(
        { intent: v.intent, errors: {}, formError: errorMessage(e, w.lang) },
        { status: e.status },
      );
    if (e?.code === 'not_found') failWith(404);
    throw err;
  }
  return redirect(
    `/mot-cua/tai-khoan-cong-dan/${params.id}?tb=${v.intent === 'disable' ? 'disabled' : 'activated'}`,
  );
}

const NOTICES: Record<string, MessageKey> = {
  disabled: 'acc.notice.disabled',
  activated: 'acc.notice.activated',
};

/** /mot-cua/tai-khoan-cong-dan/:id: one account, and activation or disabling after an explicit confirmation. */
export default function AccountDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { account: a, own } = loaderData;
  const notice = NOTICES[params.get('tb') ?? ''];
  const errors = actionData?.errors ?? {};
  const rows: [MessageKey, string | number | null][] = [
    ['acc.col.username', a.username],
    ['acc.kind', t(KIND_KEYS[a.kind as (typeof KINDS)[number]])],
    ['account.email', a.email],
    ['acc.d.emailVerified', a.emailVerifiedAt],
    ['acc.d.phone', a.phone],
    ['acc.d.idNumber', a.idNumber ? `${a.idNumber}${a.idType ? ` (${a.idType})` : ''}` : null],
    ['acc.d.orgName', a.orgName],
    ['acc.d.taxCode', a.taxCode],
    ['acc.d.birthDate', a.birthDate],
    ['acc.d.address', a.address],
    ['acc.col.created', a.createdAt],
    ['acc.d.updated', a.updatedAt],
    ['acc.col.lastLogin', a.lastLoginAt],
    ['acc.d.sessions', a.activeSessions],
    ['acc.d.failedLogins', a.failedLogins],
    ['acc.d.lockedUntil', a.lockedUntil],
    [
      'acc.d.agency',
      a.official ? `${a.official.agencyName}${a.official.title ? `, ${a.official.title}` : ''}` : null,
    ],
  ];
  const actions = (['disable', 'activate'] as const).filter((i) =>
    i === 'disable' ? a.status !== 'disabled' : a.status !== 'active',
  );
  return (
    <>
      <PageTitle title={a.fullName} site="backoffice" />
      <p>
        <Link to="/mot-cua/tai-khoan-cong-dan">{t('acc.back')}</Link>
      </p>
      <h1>{a.fullName}</h1>
      <p>
        <span className={statusClass(a.status)} data-testid="status">
          {t(STATUS_KEYS[a.status as (typeof STATUSES)[number]])}
        </span>
      </p>
      {notice && !actionData ? <Notice kind="success">{t(notice)}</Notice> : null}
      <ErrorSummary
        errors={errors}
        order={['confirm-disable', 'confirm-activate']}
        formError={actionData?.formError}
      />
      <dl className="summary-list">
        {rows
          .filter(([, value]) => value !== null && value !== '')
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd className="break">{value}</dd>
            </div>
          ))}
      </dl>
      {own ? <Notice>{t('acc.own')}</Notice> : null}
      {own
        ? null
        : actions.map((intent) => (
            <section
              key={intent}
              className={intent === 'disable' ? 'panel narrow danger-zone' : 'panel narrow'}
              aria-labelledby={`${intent}-title`}
            >
              <h2 id={`${intent}-title`}>{t(`acc.${intent}.title`)}</h2>
              <p>{t(`acc.${intent}.text`, { name: a.fullName, username: a.username })}</p>
              <Form method="post" noValidate>
                <CsrfField />
                <CheckboxField
                  name={`confirm-${intent}`}
                  value="1"
                  label={t(`acc.${intent}.confirm`, { username: a.username })}
                  error={errors[`confirm-${intent}`]}
                />
                <SubmitButton
                  name="intent"
                  value={intent}
                  variant={intent === 'disable' ? 'primary' : 'secondary'}
                >
                  {t(`acc.${intent}.submit`)}
                </SubmitButton>
              </Form>
            </section>
          ))}
    </>
  );
}
