import { useT } from '../i18n/index.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { Field } from './Field.tsx';

interface Props {
  label: string;
  /** The label of the confirmation; "Nhập lại mật khẩu" (register.passwordConfirm) when not given. */
  confirmLabel?: string | undefined;
  errors: FieldErrors;
  /** The name of the password field; its confirmation is sent as `${name}Confirm`. */
  name?: string | undefined;
}

/**
 * A new password with the rules as hint, then the same password again; the server checks they match
 * (checkPasswordConfirm in lib/forms.ts).
 */
export function NewPasswordFields({ label, confirmLabel, errors, name = 'password' }: Props) {
  const t = useT();
  const confirm = `${name}Confirm`;
  return (
    <>
      <Field
        name={name}
        type="password"
        label={label}
        hint={t('register.passwordHint')}
        error={errors[name]}
        autoComplete="new-password"
        required
      />
      <Field
        name={confirm}
        type="password"
        label={confirmLabel ?? t('register.passwordConfirm')}
        error={errors[confirm]}
        autoComplete="new-password"
        required
      />
    </>
  );
}
