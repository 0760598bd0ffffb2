import { data, Form, Link, useSearchParams } from 'react-router';
import { CsrfField } from '../../components/CsrfField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useLang, useT } from '../../i18n/index.ts';
import { statusKey, statusTone } from '../mot-cua/ho-so/labels.ts';
import type { Route } from './+types/list.ts';
import { applicantGate, listData, markRead, web } from './my-dossiers.server.ts';
import { myLinks, SignInFirst } from './my-ui.tsx';
import { deleteDraft } from './drafts.server.ts';
import { MyDrafts } from './MyDrafts.tsx';

export const links = myLinks;

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) return data({ gate, list: null }, { headers: { 'cache-control': 'no-store' } });
  return data(
    { gate: null, list: await listData(gate.w, request) },
    { headers: { 'cache-control': 'no-store' } },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) return data(null, { status: 401 });
  return (await deleteDraft(gate.w, request)) ?? markRead(gate.w, request);
}

/** /ho-so-cua-toi: the applicant's unread notices and dossiers, newest first, paged. */
export default function MyDossiers({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const vi = useLang() === 'vi' ? undefined : 'vi';
  const [params] = useSearchParams();
  const { gate, list } = loaderData;
  if (!list) return <SignInFirst signIn={gate?.signIn ?? '/dang-nhap'} official={gate?.official ?? false} />;
  return (
    <>
      <PageTitle title={t('my.title')} />
      <h1>{t('my.title')}</h1>
      <p>{t('my.intro')}</p>
      <p>
        <Link to="/kho-du-lieu">{t('nav.documents')}</Link>
      </p>
      {params.get('tb') === 'read' ? <Notice kind="success">{t('my.noticesRead')}</Notice> : null}
      {list.notices.length ? (
        <section aria-labelledby="my-notices-title" className="section my-notices" data-testid="notices">
          <h2 id="my-notices-title">{t('my.notices')}</h2>
          <ul className="my-notice-list">
            {list.notices.map((n) => (
              <li key={n.id} className="my-notice">
                <h3 lang={vi}>{n.title}</h3>
                <p lang={vi}>{n.body}</p>
                <p className="muted">
                  <Link to={`/ho-so-cua-toi/${n.dossierId}`}>
                    {t('my.noticeOf', { code: n.dossierCode })}
                  </Link>{' '}
                  · {n.createdAt}
                </p>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="id" value={n.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="read"
                    className="button button-secondary button-small"
                    aria-label={t('my.markReadOf', { title: n.title })}
                  >
                    {t('my.markRead')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post">
            <CsrfField />
            <button type="submit" name="intent" value="read-all" className="button button-secondary">
              {t('my.markAllRead')}
            </button>
          </Form>
        </section>
      ) : null}
      <MyDrafts drafts={list.drafts} />
      <section aria-labelledby="my-list-title" className="section">
        <h2 id="my-list-title">{t('my.list')}</h2>
        {list.items.length === 0 ? (
          <p>{t('my.empty')}</p>
        ) : (
          <ul className="my-dossiers" data-testid="my-dossiers">
            {list.items.map((d) => (
              <li key={d.id} className="my-dossier">
                <h3>
                  <Link to={`/ho-so-cua-toi/${d.id}`} className="my-code">
                    {d.code}
                  </Link>
                </h3>
                <p lang={vi}>{d.procedureName}</p>
                <dl className="my-facts">
                  <div>
                    <dt>{t('my.status')}</dt>
                    <dd>
                      <StatusBadge tone={statusTone(d.status)}>{t(statusKey(d.status))}</StatusBadge>
                      {d.cancelled ? ` (${t('my.cancelled')})` : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('my.submitted')}</dt>
                    <dd>{d.submittedAt}</dd>
                  </div>
                  <div>
                    <dt>{t('my.appointment')}</dt>
                    <dd>{d.appointmentAt ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('my.where')}</dt>
                    <dd lang={vi}>
                      {d.stepName} — {d.agencyName}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
        {list.nextCursor || list.paged ? (
          <nav aria-label={t('my.pages')} className="my-pages">
            {list.paged ? <Link to="/ho-so-cua-toi">{t('my.first')}</Link> : null}
            {list.nextCursor ? (
              <Link to={`/ho-so-cua-toi?sau=${list.nextCursor}`} rel="next">
                {t('my.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
