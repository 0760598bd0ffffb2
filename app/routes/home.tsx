import { Form, Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n/index.ts';
import { useRootData } from '../lib/root-data.ts';

/** Portal home: the entry points, in the citizen's words (at most 3 clicks to any service, Annex V.2). */
export default function Home() {
  const t = useT();
  const user = useRootData()?.user ?? null;
  return (
    <>
      <PageTitle />
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>
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
    </>
  );
}
