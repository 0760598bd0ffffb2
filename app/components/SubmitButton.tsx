import type { ReactNode } from 'react';
import { useFormAction, useNavigation } from 'react-router';
import { LoadingIndicator } from './LoadingIndicator.tsx';

interface Props {
  children: ReactNode;
  /** The form's action when it is not the current route. */
  action?: string | undefined;
  /** Name/value of this button, sent with the form (e.g. intent=revoke). */
  name?: string | undefined;
  value?: string | undefined;
  variant?: 'primary' | 'secondary' | 'link';
  disabled?: boolean | undefined;
}

const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0];

/** A submit button that shows the loading indicator (aria-busy) while its own form is being submitted. */
export function SubmitButton({ children, action, name, value, variant = 'primary', disabled }: Props) {
  const navigation = useNavigation();
  const current = useFormAction(action);
  const busy =
    navigation.state === 'submitting' &&
    pathOnly(navigation.formAction) === pathOnly(current) &&
    (!name || navigation.formData?.get(name) === value);
  return (
    <button
      type="submit"
      className={`button button-${variant}`}
      name={name}
      value={value}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy ? <LoadingIndicator /> : children}
    </button>
  );
}
