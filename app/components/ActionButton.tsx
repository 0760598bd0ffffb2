import type { ReactNode } from 'react';
import { useFormAction, useNavigation } from 'react-router';
import { LoadingIndicator } from './LoadingIndicator.tsx';

interface Props {
  children: ReactNode;
  /** Name/value of this button, sent with the form (e.g. intent=deactivate). */
  name?: string | undefined;
  value?: string | undefined;
  variant?: 'primary' | 'secondary' | 'danger';
  small?: boolean | undefined;
  /** Accessible name when the visible text is short ("Sửa" → "Sửa phòng Tư pháp"). */
  label?: string | undefined;
}

const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * A submit button for the actions in rows and toolbars (activate, revoke, remove…): compact or
 * full size, with THE loading indicator while its own form is being submitted (same rule as SubmitButton).
 */
export function ActionButton({ children, name, value, variant = 'secondary', small, label }: Props) {
  const navigation = useNavigation();
  const current = useFormAction();
  const busy =
    navigation.state === 'submitting' &&
    pathOnly(navigation.formAction) === pathOnly(current) &&
    (!name || navigation.formData?.get(name) === value);
  const classes = ['button', variant === 'danger' ? 'button-danger' : `button-${variant}`];
  if (small) classes.push('button-small');
  return (
    <button
      type="submit"
      className={classes.join(' ')}
      name={name}
      value={value}
      disabled={busy}
      aria-busy={busy || undefined}
      aria-label={label}
    >
      {busy ? <LoadingIndicator /> : children}
    </button>
  );
}
