import type { Translate } from '../i18n/index.ts';
import type { FieldErrors } from './errors.ts';

/** Small helpers for reading HTML form posts. */

/** The named text fields of a form, trimmed of nothing; missing fields become ''. */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const v = form.get(name);
    out[name] = typeof v === 'string' ? v : '';
  }
  return out;
}

/**
 * A new password typed twice (NewPasswordFields): when `${name}` was filled in and `${name}Confirm`
 * differs, the confirmation gets the "passwords do not match" message.
 */
export function checkPasswordConfirm(
  errors: FieldErrors,
  values: Partial<Record<string, string>>,
  name: string,
  t: Translate,
): void {
  const password = values[name];
  if (password && password !== values[`${name}Confirm`])
    errors[`${name}Confirm`] = t('form.passwordMismatch');
}

/** '' → undefined, for optional fields. */
export function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The form fields of the anti-spam check (components/Captcha.tsx). */
export const CAPTCHA_FIELDS = ['captcha', 'captchaQuestion', 'captchaAnswer'] as const;

/**
 * The captcha payload of a form: the proof-of-work solution the browser computed with JavaScript,
 * or, without JavaScript, the answer typed to the question (`q:<signed question>:<answer>`).
 */
export function captchaPayload(form: FormData): string | undefined {
  const v = textFields(form, CAPTCHA_FIELDS);
  if (v.captcha.trim()) return v.captcha;
  if (v.captchaQuestion && v.captchaAnswer.trim()) return `q:${v.captchaQuestion}:${v.captchaAnswer.trim()}`;
  return undefined;
}

/** A local path to go to after a form, or `fallback`: never another site (no open redirect). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The path and query of a request, for `?next=` links back to it. */
export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}
