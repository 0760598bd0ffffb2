import { Form, Link, useLocation } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { hasAnywhere } from '../../../../src/domain/permissions.ts';
import { describeBreak } from '../../../../src/modules/audit/verify.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { hasKey, translator, useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { asAppError } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import { agenciesInScope } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/index.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { EntryDetails } from './entry-details.tsx';
import { FILTERS } from './filters.ts';
import { readAuditFilters } from './query.server.ts';

export const links = adminDataLinks;

const PAGE_SIZE = 50;
/** How the audit module names the system itself (SYSTEM_ACTOR), shown in the interface language. */
const SYSTEM_NAME = 'hệ thống';
const ENTITY_TYPES = [
  'account',
  'session',
  'agency',
  'department',
  'role',
  'role_assignment',
  'user_group',
  'catalog',
  'catalog_item',
  'calendar_day',
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'audit.read');
  const sp = new URL(request.url).searchParams;
  const { values, errors, query } = await readAuditFilters(services, sp, lang, PAGE_SIZE);
  const agencies = await agenciesInScope(services, auth, 'audit.read');
  const page = query ? await services.audit.list(auth, query) : { items: [], next: null };
  return {
    values,
    errors,
    agencies: agencies.map((a) => ({ value: a.id, label: a.label })),
    canVerify: hasAnywhere(auth.grants, 'system.admin'),
    next: page.next,
    items: page.items.map((e) => ({
      seq: e.seq,
      at: formatDateTime(e.at),
      actorId: e.actorId,
      actorName: e.actorName,
      ip: e.ip,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      agencyName: e.agencyName,
      summary: e.summary,
      hash: e.hash,
    })),
  };
}

type VerifyResult =
  { ok: true; checked: number } | { ok: false; checked: number; seq: number; problem: string };

/** POST intent=verify: checks the whole hash chain (system administrators); shows the result, changes nothing. */
export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'audit.read');
  const t = translator(w.lang);
  const form = await request.formData();
  if (form.get('intent') !== 'verify') failWith(400);
  try {
    const r = await w.services.audit.verify(w.auth);
    const verify: VerifyResult = r.ok
      ? { ok: true, checked: r.checked }
      : {
          ok: false,
          checked: r.checked,
          seq: r.broken.seq,
          problem:
            w.lang === 'vi'
              ? describeBreak(r.broken)
              : t('audit.verify.reason', { seq: r.broken.seq, reason: r.broken.reason }),
        };
    return { verify };
  } catch (err) {
    if (asAppError(err)?.code === 'forbidden') failWith(403, 'permission');
    throw err;
  }
}

/** /mot-cua/nhat-ky: the audit log, newest first, with filters, keyset paging and the chain check. */
export default function AuditLog({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const { values, errors, items } = loaderData;
  const verify = actionData?.verify;
  const filterBy = (filters: Record<string, string>) =>
    `${location.pathname}?${new URLSearchParams(filters).toString()}`;
  return (
    <>
      <PageTitle title={t('audit.title')} site="backoffice" />
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      {loaderData.canVerify ? (
        <section className="panel" aria-labelledby="verify-title">
          <h2 id="verify-title">{t('audit.verify.title')}</h2>
          <p>{t('audit.verify.help')}</p>
          {verify ? (
            verify.ok ? (
              <Notice kind="success">
                <span data-testid="verify-result">
                  {t('audit.verify.ok', { n: formatCount(verify.checked) })}
                </span>
              </Notice>
            ) : (
              <div className="error-summary" role="alert" data-testid="verify-result">
                <h3 className="error-summary-title">
                  {t('audit.verify.broken', { n: formatCount(verify.checked) })}
                </h3>
                <p>{verify.problem}</p>
              </div>
            )
          ) : null}
          <Form method="post">
            <CsrfField />
            <SubmitButton name="intent" value="verify" variant="secondary">
              {t('audit.verify.submit')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <ErrorSummary errors={errors} order={FILTERS} />
      <FilterForm label={t('audit.filters')} clearTo={location.pathname}>
        <div className="filters-grid">
          <Field
            name="hanh-dong"
            label={t('audit.f.action')}
            hint={t('audit.f.actionHint')}
            error={errors['hanh-dong']}
            defaultValue={values['hanh-dong']}
            spellCheck={false}
          />
          <SelectField
            name="doi-tuong"
            label={t('audit.f.entityType')}
            defaultValue={values['doi-tuong']}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.e.${e}`) }))}
            placeholder={t('admin.all')}
          />
          <Field
            name="ma-doi-tuong"
            label={t('audit.f.entityId')}
            error={errors['ma-doi-tuong']}
            defaultValue={values['ma-doi-tuong']}
            spellCheck={false}
          />
          <Field
            name="nguoi-thuc-hien"
            label={t('audit.f.actor')}
            hint={t('audit.f.actorHint')}
            error={errors['nguoi-thuc-hien']}
            defaultValue={values['nguoi-thuc-hien']}
            spellCheck={false}
          />
          <SelectField
            name="co-quan"
            label={t('audit.f.agency')}
            defaultValue={values['co-quan']}
            options={loaderData.agencies}
            placeholder={t('admin.all')}
          />
          <Field
            name="tu-ngay"
            label={t('audit.f.from')}
            hint={t('admin.dateHint')}
            error={errors['tu-ngay']}
            defaultValue={values['tu-ngay']}
          />
          <Field
            name="den-ngay"
            label={t('audit.f.to')}
            hint={t('admin.dateHint')}
            error={errors['den-ngay']}
            defaultValue={values['den-ngay']}
          />
        </div>
      </FilterForm>
      {Object.keys(errors).length === 0 ? <ExportForm kind="audit" criteria={values} /> : null}
      {items.length === 0 ? (
        <p data-testid="no-entries">{t('audit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="entries">
            <caption>{t('audit.caption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entity')}</th>
                <th scope="col">{t('audit.col.agency')}</th>
                <th scope="col" className="col-main">
                  {t('audit.col.details')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const actionKey = `audit.a.${e.action}`;
                const entityKey = `audit.e.${e.entityType}`;
                return (
                  <tr key={e.seq} data-action={e.action}>
                    <th scope="row" data-label={t('audit.col.time')} className="nowrap">
                      <span>
                        {e.at}
                        <br />
                        <span className="muted">#{e.seq}</span>
                      </span>
                    </th>
                    <td data-label={t('audit.col.actor')}>
                      <span>
                        {e.actorId ? (
                          <Link to={filterBy({ 'nguoi-thuc-hien': e.actorId })}>
                            {e.actorName ?? e.actorId}
                          </Link>
                        ) : e.actorName && e.actorName !== SYSTEM_NAME ? (
                          e.actorName
                        ) : (
                          t('audit.system')
                        )}
                        <br />
                        <span className="muted">
                          {t('audit.ip')}: {e.ip ?? '—'}
                        </span>
                      </span>
                    </td>
                    <td data-label={t('audit.col.action')}>
                      <span>
                        {hasKey(actionKey) ? (
                          <>
                            {t(actionKey)}
                            <br />
                          </>
                        ) : null}
                        <code>{e.action}</code>
                      </span>
                    </td>
                    <td data-label={t('audit.col.entity')}>
                      <span>
                        {hasKey(entityKey) ? t(entityKey) : <code>{e.entityType}</code>}
                        {e.entityId ? (
                          <>
                            <br />
                            <Link
                              to={filterBy({ 'doi-tuong': e.entityType, 'ma-doi-tuong': e.entityId })}
                              className="code"
                            >
                              {e.entityId}
                            </Link>
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t('audit.col.agency')}>{e.agencyName ?? '—'}</td>
                    <td data-label={t('audit.col.details')}>
                      <EntryDetails summary={e.summary} seq={e.seq} hash={e.hash} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager param="truoc" next={loaderData.next} />
    </>
  );
}
