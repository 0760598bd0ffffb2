import { data, redirect } from 'react-router';
import type { RouterContextProvider } from 'react-router';
import { formatDateTime } from '../../src/domain/datetime.ts';
import type { CaptchaChallenge } from '../../src/modules/accounts/captcha.ts';
import { SignIn } from '../../src/modules/accounts/schema.ts';
import { web } from '../context.ts';
import { translator } from '../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from './errors.ts';
import type { FieldErrors } from './errors.ts';
import { captchaPayload, safeNext, textFields } from './forms.ts';

export type SignInArea = 'portal' | 'backoffice';

export interface SignInActionData {
  errors: FieldErrors;
  formError?: string;
  values: { username: string };
  captcha?: CaptchaChallenge;
}

/** What the sign-in pages need before the first attempt: a challenge when this address already failed too often. */
export async function signInLoaderData(context: Readonly<RouterContextProvider>, request: Request) {
  const w = web(context);
  const next = new URL(request.url).searchParams.get('next');
  const captchaRequired = await w.services.accounts.captchaRequiredFor(undefined, w.meta.ip);
  return { next: next ?? '', captcha: captchaRequired ? await w.services.captcha.challenge() : undefined };
}

/**
 * Shared action of /dang-nhap and /mot-cua/dang-nhap: validates with the API's zod schema, signs in
 * through AccountsService, sets the session cookie and redirects (Post/Redirect/Get; the CSRF token
 * changes with the session, so the next page must be a fresh GET). The back office refuses accounts
 * that are not officials and revokes the session it just created.
 */
export async function signInAction(
  context: Readonly<RouterContextProvider>,
  request: Request,
  area: SignInArea,
) {
  const w = web(context);
  const t = translator(w.lang);
  const form = await request.formData();
  const v = textFields(form, ['username', 'password', 'next']);
  const values = { username: v.username };
  const fail = (body: Omit<SignInActionData, 'values'>, status: number) =>
    data<SignInActionData>({ ...body, values }, { status });

  const parsed = SignIn.safeParse({
    username: v.username,
    password: v.password,
    captcha: captchaPayload(form),
  });
  if (!parsed.success) return fail({ errors: toFieldErrors(parsed.error.issues, w.lang) }, 400);

  let result: Awaited<ReturnType<typeof w.services.accounts.signIn>>;
  try {
    result = await w.services.accounts.signIn(parsed.data, w.meta);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    switch (e.code) {
      case 'invalid_credentials': {
        const captcha = e.captchaRequired ? await w.services.captcha.challenge() : undefined;
        return fail({ errors: { password: t('signIn.invalid') }, ...(captcha ? { captcha } : {}) }, 401);
      }
      case 'captcha_required':
        return fail(
          { errors: { captcha: errorMessage(e, w.lang) }, captcha: await w.services.captcha.challenge() },
          400,
        );
      case 'account_locked':
        return fail(
          { errors: {}, formError: t('signIn.locked', { time: e.until ? formatDateTime(e.until) : '' }) },
          423,
        );
      case 'account_not_active':
        return fail({ errors: {}, formError: errorMessage(e, w.lang) }, 403);
      default:
        throw err;
    }
  }

  if (area === 'backoffice' && result.auth.kind !== 'official') {
    const created = await w.services.resolveSession(result.token);
    if (created) await w.services.accounts.signOut(created, w.meta);
    return fail({ errors: {}, formError: t('signIn.notOfficial') }, 403);
  }
  // A new sign-in on this browser replaces the previous session, which is revoked rather than left behind.
  if (w.auth) await w.services.accounts.signOut(w.auth, w.meta).catch(() => undefined);
  w.startSession(result.token);
  const fallback = area === 'backoffice' || result.auth.kind === 'official' ? '/mot-cua' : '/tai-khoan';
  return redirect(safeNext(v.next, fallback));
}
