import { Form, Link } from 'react-router';
import { APPLICANT_KINDS, IMPLEMENTING_LEVELS } from '../../../src/domain/procedure.ts';
import { PublicSearchQuery } from '../../../src/modules/procedures/schema.ts';
import { formatCount } from '../../components/admin-format.ts';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { fieldId } from '../../components/Field.tsx';
import { CursorPager } from '../../components/KeysetPager.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { web } from '../../context.ts';
import { translator, useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { pageAfter } from '../../lib/paging.server.ts';
import type { Route } from './+types/search.ts';
import { CatalogCrumbs, catalogLinks, ChannelList, OnlineBadge, SearchBox } from './catalog-ui.tsx';
import { viCollator } from './catalog.server.ts';

export const links = catalogLinks;

const PAGE_SIZE = 20;
/** URL parameters of the search: the names of PublicSearchQuery, so links can be built by hand. */
const PARAMS = ['q', 'field', 'agency', 'onlineLevel', 'legacyLevel', 'applicant', 'level', 'after'] as const;
const FILTERS = ['field', 'agency', 'onlineLevel', 'legacyLevel', 'applicant', 'level'] as const;
type Values = Partial<Record<(typeof PARAMS)[number], string>>;

/**
 * The URL's search parameters as a PublicSearchQuery. A parameter the schema refuses (an edited or
 * stale link) is dropped, so the page always shows: never an error page for a bad filter.
 */
function parseQuery(sp: URLSearchParams): { values: Values; query: PublicSearchQuery; dropped: boolean } {
  const values: Values = {};
  let dropped = false;
  for (const k of PARAMS) {
    const raw = sp.get(k)?.trim();
    if (!raw) continue;
    const v = k === 'q' ? raw.slice(0, 200) : raw;
    if (PublicSearchQuery.shape[k].safeParse(v).success) values[k] = v;
    else dropped = true;
  }
  const parsed = PublicSearchQuery.safeParse({ ...values, limit: PAGE_SIZE });
  if (parsed.success) return { values, query: parsed.data, dropped };
  return { values: {}, query: PublicSearchQuery.parse({ limit: PAGE_SIZE }), dropped: true };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, lang } = web(context);
  const t = translator(lang);
  const { values, query, dropped } = parseQuery(new URL(request.url).searchParams);
  const [{ page, pageError }, fields, agencies] = await Promise.all([
    pageAfter(lang, query.after, (after) => services.publicCatalog.search({ ...query, after })),
    services.publicCatalog.fields(),
    services.publicCatalog.agencies(),
  ]);
  const empty = page.items.length === 0;
  const events = empty ? await services.guides.listPublished('life_event') : [];
  const byName = (a: { name: string }, b: { name: string }) => viCollator.compare(a.name, b.name);
  return {
    values,
    filtered: FILTERS.some((f) => values[f] !== undefined),
    notice: pageError ?? (dropped ? t('pc.filter.dropped') : undefined),
    items: page.items,
    next: page.next,
    suggestions: page.suggestions,
    fields: fields.map((f) => ({ code: f.code, name: f.name, count: f.count })).sort(byName),
    topFields: empty ? [...fields].sort((a, b) => b.count - a.count).slice(0, 12) : [],
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, level: a.level })),
    events: events.map((e) => ({ slug: e.slug, title: e.title })),
    description: t('pc.search.description'),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ name: 'description', content: loaderData.description }] : [];

const AGENCY_GROUPS: { key: MessageKey; levels: readonly string[] }[] = [
  { key: 'pc.filter.agencyProvince', levels: ['province', 'province_department'] },
  { key: 'pc.filter.agencyDistrict', levels: ['district'] },
  { key: 'pc.filter.agencyCommune', levels: ['commune'] },
  { key: 'pc.filter.agencyOther', levels: ['ministry', 'other'] },
];

/** /thu-tuc-hanh-chinh: search and filters (a GET form, works without JavaScript) and the results. */
export default function CatalogSearch({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { values, filtered, items, fields, agencies } = loaderData;
  const q = values.q ?? '';
  const formKey = JSON.stringify(values);
  return (
    <>
      <PageTitle title={q ? t('pc.search.titleFor', { q }) : t('pc.search.title')} />
      <CatalogCrumbs items={[{ label: t('nav.procedures') }]} />
      <h1>{t('pc.search.title')}</h1>
      <p className="lead">{t('pc.search.intro')}</p>
      <Form
        method="get"
        action="/thu-tuc-hanh-chinh"
        role="search"
        aria-label={t('pc.search.landmark')}
        className="pc-search"
        key={formKey}
      >
        <div className="field">
          <SearchBox defaultValue={q} />
        </div>
        <details className="pc-filters" open={filtered}>
          <summary>
            {t('pc.filter.title')}{' '}
            {filtered ? <span className="pc-muted">{t('pc.filter.active')}</span> : null}
          </summary>
          <div className="pc-filters-grid">
            <SelectField
              name="field"
              label={t('pc.filter.field')}
              placeholder={t('pc.filter.all')}
              markOptional={false}
              defaultValue={values.field}
              options={fields.map((f) => ({ value: f.code, label: `${f.name} (${formatCount(f.count)})` }))}
            />
            <div className="field">
              <label htmlFor={fieldId('agency')} className="field-label">
                {t('pc.filter.agency')}
              </label>
              <select
                id={fieldId('agency')}
                name="agency"
                className="input"
                defaultValue={values.agency ?? ''}
              >
                <option value="">{t('pc.filter.all')}</option>
                {AGENCY_GROUPS.map((g) => {
                  const members = agencies.filter((a) => g.levels.includes(a.level));
                  return members.length ? (
                    <optgroup key={g.key} label={t(g.key)}>
                      {members.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
            </div>
            <SelectField
              name="onlineLevel"
              label={t('pc.filter.online')}
              placeholder={t('pc.filter.all')}
              markOptional={false}
              defaultValue={values.onlineLevel}
              options={[
                { value: 'full', label: t('pc.filter.onlineFull') },
                { value: 'partial', label: t('pc.filter.onlinePartial') },
                { value: 'none', label: t('pc.filter.onlineNone') },
              ]}
            />
            <SelectField
              name="legacyLevel"
              label={t('pc.filter.legacy')}
              placeholder={t('pc.filter.all')}
              markOptional={false}
              defaultValue={values.legacyLevel}
              options={([1, 2, 3, 4] as const).map((n) => ({ value: String(n), label: t(`pc.legacy.${n}`) }))}
            />
            <SelectField
              name="applicant"
              label={t('pc.filter.applicant')}
              placeholder={t('pc.filter.all')}
              markOptional={false}
              defaultValue={values.applicant}
              options={APPLICANT_KINDS.map((k) => ({ value: k, label: t(`pc.applicant.${k}`) }))}
            />
            <SelectField
              name="level"
              label={t('pc.filter.level')}
              placeholder={t('pc.filter.all')}
              markOptional={false}
              defaultValue={values.level}
              options={IMPLEMENTING_LEVELS.map((k) => ({ value: k, label: t(`pc.level.${k}`) }))}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button-secondary">
              {t('pc.filter.apply')}
            </button>
            {filtered ? (
              <Link to={q ? `/thu-tuc-hanh-chinh?q=${encodeURIComponent(q)}` : '/thu-tuc-hanh-chinh'}>
                {t('pc.filter.clear')}
              </Link>
            ) : null}
          </div>
        </details>
      </Form>
      {loaderData.notice ? <Notice kind="warning">{loaderData.notice}</Notice> : null}
      {items.length > 0 ? results() : nothingFound()}
    </>
  );

  function results() {
    return (
      <section aria-labelledby="pc-results-title">
        <h2 id="pc-results-title">
          {q ? t('pc.results.for', { q }) : filtered ? t('pc.results.filtered') : t('pc.results.all')}
        </h2>
        <ol className="pc-results">
          {items.map((p) => (
            <li key={p.code} className="pc-result">
              <h3>
                <Link to={`/thu-tuc-hanh-chinh/${p.slug}`}>{p.name}</Link>
              </h3>
              <p className="pc-result-meta">
                <span>
                  {t('pc.results.field')} <Link to={`/linh-vuc/${p.fieldCode}`}>{p.fieldName}</Link>
                </span>
                <span>
                  <OnlineBadge level={p.onlineLevel} />{' '}
                  <span className="pc-muted">({t('pc.legacy.short', { n: p.legacyLevel })})</span>
                </span>
                <ChannelList channels={p.channels} />
              </p>
            </li>
          ))}
        </ol>
        <CursorPager
          param="after"
          next={loaderData.next}
          messages={{ nav: 'pc.pager.nav', first: 'pc.pager.first', next: 'pc.pager.next' }}
        />
      </section>
    );
  }

  function nothingFound() {
    return (
      <section aria-labelledby="pc-empty-title" className="pc-empty">
        <h2 id="pc-empty-title">{t('pc.empty.title')}</h2>
        <p>{t('pc.empty.body')}</p>
        <ul>
          <li>{t('pc.empty.tip1')}</li>
          {filtered ? <li>{t('pc.empty.tip2')}</li> : null}
          <li>{t('pc.empty.tip3')}</li>
        </ul>
        {filtered && q ? (
          <p>
            <Link to={`/thu-tuc-hanh-chinh?q=${encodeURIComponent(q)}`}>{t('pc.empty.clearFilters')}</Link>
          </p>
        ) : null}
        {loaderData.suggestions.length > 0 ? (
          <>
            <h3>{t('pc.empty.suggestions')}</h3>
            <ul className="pc-proc-list">
              {loaderData.suggestions.map((s) => (
                <li key={s.code}>
                  <Link to={`/thu-tuc-hanh-chinh/${s.slug}`}>{s.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('pc.empty.browse')}</h3>
        <ul className="pc-link-grid">
          {loaderData.topFields.map((f) => (
            <li key={f.code}>
              <Link to={`/linh-vuc/${f.code}`}>{f.name}</Link>{' '}
              <span className="pc-count">{t('pc.procedureCount', { n: formatCount(f.count) })}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/linh-vuc">{t('pc.home.allFields')}</Link>
        </p>
        {loaderData.events.length > 0 ? (
          <>
            <h3>{t('pc.events')}</h3>
            <ul className="pc-link-grid">
              {loaderData.events.map((e) => (
                <li key={e.slug}>
                  <Link to={`/su-kien/${e.slug}`}>{e.title}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    );
  }
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
