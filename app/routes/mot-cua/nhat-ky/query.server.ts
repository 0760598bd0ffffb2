import { AuditQuery } from '../../../../src/modules/audit/service.ts';
import type { Services } from '../../../../src/services.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { isUuid, parseDay } from '../../../lib/backoffice.server.ts';
import { FILTERS } from './filters.ts';
import type { FilterValues } from './filters.ts';

/** AuditQuery field → the form field that feeds it. */
const FIELD_OF: Record<string, (typeof FILTERS)[number]> = {
  action: 'hanh-dong',
  entityType: 'doi-tuong',
  entityId: 'ma-doi-tuong',
  actorId: 'nguoi-thuc-hien',
  agencyId: 'co-quan',
  from: 'tu-ngay',
  to: 'den-ngay',
};

const clip = (s: string, n: number) => (s.trim() === '' ? undefined : s.trim().slice(0, n));

/**
 * The URL's filters → the service's query. The actor may be typed as a user name (looked up, read only)
 * or given as an id (the links on each entry); dates as DD/MM/YYYY or YYYY-MM-DD.
 */
export async function readAuditFilters(
  services: Services,
  sp: URLSearchParams,
  lang: Lang,
  limit: number,
): Promise<{ values: FilterValues; errors: FieldErrors; query: AuditQuery | null }> {
  const t = translator(lang);
  const values = Object.fromEntries(FILTERS.map((f) => [f, sp.get(f) ?? ''])) as FilterValues;
  const errors: FieldErrors = {};
  const from = values['tu-ngay'] ? parseDay(values['tu-ngay']) : undefined;
  const to = values['den-ngay'] ? parseDay(values['den-ngay']) : undefined;
  if (values['tu-ngay'] && !from) errors['tu-ngay'] = t('admin.err.date');
  if (values['den-ngay'] && !to) errors['den-ngay'] = t('admin.err.date');
  if (from && to && from > to) errors['den-ngay'] = t('audit.err.range');
  let actorId: string | undefined;
  const actor = values['nguoi-thuc-hien'].trim();
  if (isUuid(actor)) actorId = actor;
  else if (actor) {
    const found = await services.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', actor.slice(0, 100))
      .executeTakeFirst();
    if (found) actorId = found.id;
    else errors['nguoi-thuc-hien'] = t('audit.err.actor', { name: actor });
  }
  const before = sp.get('truoc');
  const parsed = AuditQuery.safeParse({
    action: clip(values['hanh-dong'], 100),
    entityType: clip(values['doi-tuong'], 100),
    entityId: clip(values['ma-doi-tuong'], 200),
    actorId,
    agencyId: isUuid(values['co-quan']) ? values['co-quan'] : undefined,
    from,
    to,
    before: before && /^\d{1,15}$/.test(before) ? before : undefined,
    limit,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field) errors[field] ??= lang === 'vi' ? issue.message : t('audit.err.field');
    }
  return { values, errors, query: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}
