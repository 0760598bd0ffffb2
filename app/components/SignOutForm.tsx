import { Form } from 'react-router';
import { useT } from '../i18n/index.ts';
import { CsrfField } from './CsrfField.tsx';
import { SubmitButton } from './SubmitButton.tsx';

/** Sign-out is a POST (with the CSRF token), never a link. */
export function SignOutForm({ next }: { next?: string | undefined }) {
  const t = useT();
  return (
    <Form method="post" action="/dang-xuat" className="inline-form">
      <CsrfField />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <SubmitButton action="/dang-xuat" variant="link">
        {t('nav.signOut')}
      </SubmitButton>
    </Form>
  );
}
