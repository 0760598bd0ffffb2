import type { Lang } from '../context.ts';
import { hasKey, translate } from '../i18n/index.ts';

/**
 * The services' errors (src/errors.ts), recognised by shape: the Vite server build bundles its own
 * copy of server modules it imports, so `instanceof` against the native classes is not reliable.
 */
export interface AppErrorLike {
  status: number;
  code: string;
  message: string;
  messageEn?: string | undefined;
  fields?: { field: string; message: string }[];
  captchaRequired?: boolean;
  until?: Date;
}

export function asAppError(err: unknown): AppErrorLike | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as Error & Partial<AppErrorLike>;
  return typeof e.code === 'string' && typeof e.status === 'number' ? (e as AppErrorLike) : undefined;
}

/** Field name → message shown next to the field (and linked from the error summary). */
export type FieldErrors = Partial<Record<string, string>>;

/** The message of an error in the interface language (the services speak Vietnamese). */
export function errorMessage(err: AppErrorLike, lang: Lang): string {
  if (lang === 'en' && err.messageEn) return err.messageEn;
  return err.message;
}

/** One message per field; English falls back to a per-field explanation from the dictionary. */
export function fieldMessage(field: string, message: string, lang: Lang): string {
  const key = `field.${field}`;
  if (lang === 'en' && hasKey(key)) return translate(lang, key);
  return message;
}

/** A zod issue, or a service's field problem (`{ field: 'body.email', message }`). */
type Issue = ({ path: readonly PropertyKey[] } | { field: string }) & { message: string };

/** Turns zod issues or the services' field problems into FieldErrors, first message per field. */
export function toFieldErrors(issues: readonly Issue[], lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = 'field' in issue ? issue.field.replace(/^body\./, '').split('.') : issue.path.map(String);
    const field = path[0] ?? 'form';
    out[field] ??= fieldMessage(field, issue.message, lang);
  }
  return out;
}
