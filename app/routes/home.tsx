import { Form, Link } from 'react-router';
import { formatCount } from '../components/admin-format.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { web } from '../context.ts';
import { useT } from '../i18n/index.ts';
import { useRootData } from '../lib/root-data.ts';
import type { Route } from './+types/home.ts';
import { catalogLinks, SearchBox } from './catalog/catalog-ui.tsx';

export const links = catalogLinks;

/** How many fields the home page offers directly (the rest are one click away on /linh-vuc). */
const TOP_FIELDS = 12;

export async function loader({ context }: Route.LoaderArgs) {
  const { services } = web(context);
  const [fields, guides] = await Promise.all([
    services.publicCatalog.fields(),
    services.guides.listPublished(),
  ]);
  const pick = (kind: string) =>
    guides.filter((g) => g.kind === kind).map((g) => ({ slug: g.slug, title: g.title, summary: g.summary }));
  return {
    fields: [...fields]
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'))
      .slice(0, TOP_FIELDS)
      .map((f) => ({ code: f.code, name: f.name, count: f.count })),
    events: pick('life_event'),
    guides: pick('guide').slice(0, 4),
    faqs: pick('faq').slice(0, 4),
  };
}

/** Portal home: the entry points, in the citizen's words (at most 3 clicks to any service, Annex V.2). */
export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { fields, events, guides, faqs } = loaderData;
  const user = useRootData()?.user ?? null;
  return (
    <>
      <PageTitle />
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <Form
          method="get"
          action="/thu-tuc-hanh-chinh"
          role="search"
          aria-label={t('pc.search.landmark')}
          className="pc-search pc-home-search"
        >
          <SearchBox />
        </Form>
      </section>
      {events.length > 0 ? (
        <section aria-labelledby="home-events" className="pc-section">
          <h2 id="home-events">{t('pc.home.events')}</h2>
          <ul className="pc-tiles">
            {events.map((e) => (
              <li key={e.slug}>
                <Link to={`/su-kien/${e.slug}`}>{e.title}</Link>
                {e.summary ? <span className="pc-block pc-muted">{e.summary}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="visually-hidden">{t('home.entries')}</h2>
      <div className="cards">
        <section className="card" aria-labelledby="card-procedures">
          <h3 id="card-procedures">{t('home.procedures.title')}</h3>
          <p>{t('home.procedures.body')}</p>
          <p>
            <Link className="button button-primary" to="/thu-tuc-hanh-chinh">
              {t('home.procedures.link')}
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="card-lookup">
          <h3 id="card-lookup">{t('home.lookup.title')}</h3>
          <p>{t('home.lookup.body')}</p>
          <Form method="get" action="/tra-cuu-ho-so" className="inline-search">
            <label htmlFor="lookup-code" className="field-label">
              {t('home.lookup.code')}
            </label>
            <div className="inline-search-row">
              <input id="lookup-code" name="ma" className="input" autoComplete="off" spellCheck={false} />
              <button type="submit" className="button button-secondary">
                {t('home.lookup.submit')}
              </button>
            </div>
          </Form>
        </section>
        <section className="card" aria-labelledby="card-submit">
          <h3 id="card-submit">{t('home.submit.title')}</h3>
          <p>{t('home.submit.body')}</p>
          <p>
            <Link className="button button-primary" to="/nop-ho-so">
              {t('home.submit.link')}
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="card-account">
          <h3 id="card-account">{t('home.account.title')}</h3>
          {user ? (
            <>
              <p>{t('home.account.signedIn', { name: user.fullName })}</p>
              <p>
                <Link to="/tai-khoan">{t('nav.account')}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t('home.account.guest')}</p>
              <p className="actions">
                <Link className="button button-secondary" to="/dang-nhap">
                  {t('nav.signIn')}
                </Link>
                <Link to="/dang-ky">{t('nav.register')}</Link>
              </p>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="home-fields" className="pc-section">
        <h2 id="home-fields">{t('pc.home.fields')}</h2>
        <ul className="pc-link-grid">
          {fields.map((f) => (
            <li key={f.code}>
              <Link to={`/linh-vuc/${f.code}`}>{f.name}</Link>{' '}
              <span className="pc-count">{t('pc.procedureCount', { n: formatCount(f.count) })}</span>
            </li>
          ))}
        </ul>
        <p className="actions">
          <Link className="button button-secondary" to="/linh-vuc">
            {t('pc.home.allFields')}
          </Link>
          <Link to="/co-quan">{t('pc.home.byAgency')}</Link>
        </p>
      </section>
      {guides.length + faqs.length > 0 ? (
        <section aria-labelledby="home-guides" className="pc-section">
          <h2 id="home-guides">{t('pc.home.guides')}</h2>
          <ul className="pc-proc-list">
            {[...guides, ...faqs].map((g) => (
              <li key={g.slug}>
                <Link to={`/huong-dan/${g.slug}`}>{g.title}</Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/huong-dan">{t('pc.home.allGuides')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
