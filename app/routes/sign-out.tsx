import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/CsrfField.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { web } from '../context.ts';
import { useT } from '../i18n/index.ts';
import { safeNext, textFields } from '../lib/forms.ts';
import { redirectTo } from '../lib/http.ts';
import type { Route } from './+types/sign-out.ts';

export function loader({ context }: Route.LoaderArgs) {
  if (!web(context).auth) redirectTo('/');
  return null;
}

/** POST /dang-xuat: revokes the session, clears the cookie, then goes to `next` (or the sign-in page). */
export async function action({ request, context }: Route.ActionArgs) {
  const w = web(context);
  const { next } = textFields(await request.formData(), ['next']);
  if (w.auth) await w.services.accounts.signOut(w.auth, w.meta);
  w.endSession();
  return redirect(safeNext(next, '/dang-nhap?tb=signed-out'));
}

/** GET /dang-xuat: a confirmation button (sign-out must be a POST with the CSRF token). */
export default function SignOut() {
  const t = useT();
  return (
    <div className="narrow">
      <PageTitle title={t('signOut.title')} />
      <h1>{t('signOut.title')}</h1>
      <p>{t('signOut.intro')}</p>
      <Form method="post" className="form">
        <CsrfField />
        <SubmitButton>{t('signOut.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
