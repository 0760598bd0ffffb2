import { data } from 'react-router';
import { allows } from '../../../../src/domain/permissions.ts';
import type { Permission } from '../../../../src/domain/permissions.ts';
import type { AuthContext } from '../../../../src/modules/accounts/sessions.ts';
import { isRootAdmin } from '../../../../src/modules/org/access.ts';
import type { AgencyTreeNode } from '../../../../src/modules/org/schema.ts';
import type { Services } from '../../../../src/services.ts';
import type { Lang } from '../../../context.ts';
import { hasKey, translate } from '../../../i18n/index.ts';
import { asAppError, toFieldErrors } from '../../../lib/errors.ts';
import type { AppErrorLike, FieldErrors } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';

/**
 * Server helpers shared by the organisation (Tổ chức) and users (Người dùng) screens: reading form
 * posts, turning the services' errors into messages next to fields, and guarding loaders.
 */

export { isRootAdmin };

/** What a failed form post returns: the messages and what was typed (the form is shown again, filled in). */
export interface FormFailure<V = Record<string, string>> {
  intent?: string | undefined;
  errors: FieldErrors;
  formError?: string | undefined;
  values: V;
}

export function formFailure<V>(status: number, body: FormFailure<V>) {
  return data<FormFailure<V>>(body, { status });
}

/** True when the checkbox `name` was ticked. */
export function checked(form: FormData, name: string): boolean {
  return form.get(name) !== null;
}

/** All the values sent under `name` (a group of checkboxes). */
export function allValues(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** '' → null, for optional fields that can be cleared. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** The message of a service error in the interface language (the services speak Vietnamese). */
export function serviceMessage(e: AppErrorLike, lang: Lang): string {
  const key = `org.err.${e.code}`;
  if (lang === 'en' && hasKey(key)) return translate(lang, key);
  return e.message;
}

/**
 * A service error thrown by an action, as messages for the form: field problems next to their fields
 * (those not on the form, and conflicts, for the whole form), `fieldOf` maps conflict codes to a
 * field (duplicate_agency_code → code). Anything that is not a service error is thrown again.
 */
export function serviceErrors(
  err: unknown,
  lang: Lang,
  formFields: readonly string[],
  fieldOf: Record<string, string> = {},
): { status: number; errors: FieldErrors; formError?: string } {
  const e = asAppError(err);
  if (!e || e.status >= 500 || e.status === 401) throw err;
  if (e.code === 'validation_failed' && e.fields?.length) {
    const all = toFieldErrors(e.fields, lang);
    const errors: FieldErrors = {};
    const other: string[] = [];
    for (const [field, message] of Object.entries(all)) {
      if (!message) continue;
      if (formFields.includes(field)) errors[field] = message;
      else other.push(message);
    }
    return { status: 400, errors, ...(other.length ? { formError: other.join('. ') } : {}) };
  }
  const field = fieldOf[e.code];
  if (field && formFields.includes(field))
    return { status: e.status, errors: { [field]: serviceMessage(e, lang) } };
  return { status: e.status, errors: {}, formError: serviceMessage(e, lang) };
}

/** For loaders: a service's 400/403/404 becomes the back office's error page with that status. */
export async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const e = asAppError(err);
    if (e?.status === 403) failWith(403, 'permission');
    if (e?.status === 404 || e?.status === 400) failWith(404);
    throw err;
  }
}

/** `path` with the success notice `code` (Post/Redirect/Get). */
export function withNotice(path: string, code: string): string {
  const [base = '', hash] = path.split('#');
  return `${base}${base.includes('?') ? '&' : '?'}tb=${code}${hash ? `#${hash}` : ''}`;
}

/** The materialised path of an agency from its ancestors ("/root/…/id/"), to check the caller's grants. */
export function agencyPath(agency: { id: string; ancestors: readonly { id: string }[] }): string {
  return `/${[...agency.ancestors.map((a) => a.id), agency.id].join('/')}/`;
}

export function mayOn(auth: AuthContext, permission: Permission, path: string): boolean {
  return allows(auth.grants, permission, path);
}

export interface AgencyOption {
  value: string;
  label: string;
}

/** Every agency the caller may see, in tree order, indented by depth: the options of an agency <select>. */
export async function agencyOptions(services: Services, auth: AuthContext): Promise<AgencyOption[]> {
  const forest = await services.org.getAgencyTree(auth);
  const out: AgencyOption[] = [];
  const walk = (nodes: readonly AgencyTreeNode[], level: number) => {
    for (const n of nodes) {
      out.push({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(level)}${n.name} (${n.code})` });
      walk(n.children, level + 1);
    }
  };
  walk(forest, 0);
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter that must be an id: anything else is a 404 page (never a database error). */
export function requireId(value: string | undefined): string {
  if (!value || !UUID.test(value)) failWith(404);
  return value.toLowerCase();
}

/** Like requireId for optional query or form values: undefined when absent or malformed. */
export function idOrUndefined(value: string | null | undefined): string | undefined {
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}
