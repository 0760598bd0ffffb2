import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { formatDateTime } from '../../src/domain/datetime.ts';
import { ChangePassword } from '../../src/modules/accounts/schema.ts';
import { CsrfField } from '../components/CsrfField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { translator, useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { requireUser } from '../lib/auth.server.ts';
import { asAppError, toFieldErrors } from '../lib/errors.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { checkPasswordConfirm, textFields } from '../lib/forms.ts';
import type { Route } from './+types/account.ts';

const ORDER = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth } = requireUser(context, request);
  const sessions = await services.accounts.sessions(auth);
  return {
    profile: {
      fullName: auth.account.fullName,
      username: auth.account.username,
      email: auth.account.email,
      kind: auth.account.kind,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.current,
      createdAt: formatDateTime(s.createdAt),
      lastSeenAt: formatDateTime(s.lastSeenAt),
      expiresAt: formatDateTime(s.expiresAt),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireUser(context, request);
  const t = translator(w.lang);
  const v = textFields(await request.formData(), [
    'intent',
    'id',
    'currentPassword',
    'newPassword',
    'newPasswordConfirm',
  ]);
  if (v.intent === 'revoke') {
    try {
      await w.services.accounts.revokeOwnSession(w.auth, v.id, w.actor);
    } catch (err) {
      if (asAppError(err)?.code !== 'not_found') throw err;
    }
    if (v.id === w.auth.sessionId) {
      w.endSession();
      return redirect('/dang-nhap?tb=signed-out');
    }
    return redirect('/tai-khoan?tb=revoked');
  }
  const parsed = ChangePassword.safeParse({ currentPassword: v.currentPassword, newPassword: v.newPassword });
  const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues, w.lang);
  checkPasswordConfirm(errors, v, 'newPassword', t);
  if (!parsed.success || Object.keys(errors).length > 0) return data({ errors }, { status: 400 });
  try {
    await w.services.accounts.changePassword(
      w.auth,
      parsed.data.currentPassword,
      parsed.data.newPassword,
      w.actor,
    );
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields)
      return data({ errors: toFieldErrors(e.fields, w.lang) }, { status: 400 });
    throw err;
  }
  return redirect('/tai-khoan?tb=password');
}

const NOTICES: Record<string, MessageKey> = {
  password: 'account.passwordChanged',
  revoked: 'account.revoked',
};

/** /tai-khoan: my profile, change password, my sessions (with sign-out per device). */
export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get('tb') ?? ''];
  const { profile, sessions } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <>
      <PageTitle title={t('account.title')} />
      <h1>{t('account.title')}</h1>
      {notice && !actionData ? <Notice kind="success">{t(notice)}</Notice> : null}
      <section aria-labelledby="profile-title" className="section">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('account.fullName')}</dt>
            <dd data-testid="full-name">{profile.fullName}</dd>
          </div>
          <div>
            <dt>{t('account.username')}</dt>
            <dd>{profile.username}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{profile.email ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('account.kind')}</dt>
            <dd>{t(`account.kind.${profile.kind}`)}</dd>
          </div>
        </dl>
        {profile.kind === 'official' ? null : (
          <p>
            <Link to="/ho-so-cua-toi">{t('nav.myDossiers')}</Link>
          </p>
        )}
        {profile.kind === 'official' ? null : (
          <p>
            <Link to="/kho-du-lieu">{t('nav.documents')}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="sessions-title" className="section">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p>{t('account.sessionsIntro')}</p>
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session">
              {s.current ? <p className="tag">{t('account.current')}</p> : null}
              <dl className="summary-list compact">
                <div>
                  <dt>{t('account.createdAt')}</dt>
                  <dd>{s.createdAt}</dd>
                </div>
                <div>
                  <dt>{t('account.lastSeenAt')}</dt>
                  <dd>{s.lastSeenAt}</dd>
                </div>
                <div>
                  <dt>{t('account.expiresAt')}</dt>
                  <dd>{s.expiresAt}</dd>
                </div>
                <div>
                  <dt>{t('account.ip')}</dt>
                  <dd>{s.ip ?? t('account.unknown')}</dd>
                </div>
                <div>
                  <dt>{t('account.device')}</dt>
                  <dd className="break">{s.userAgent ?? t('account.unknown')}</dd>
                </div>
              </dl>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="id" value={s.id} />
                <SubmitButton name="intent" value="revoke" variant="secondary">
                  {s.current ? t('nav.signOut') : t('account.revoke')}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="password-title" className="section narrow">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <ErrorSummary errors={errors} order={ORDER} />
        <Form method="post" className="form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="password" />
          <Field
            name="currentPassword"
            type="password"
            label={t('account.currentPassword')}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <NewPasswordFields
            name="newPassword"
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
            errors={errors}
          />
          <SubmitButton>{t('account.changeSubmit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
