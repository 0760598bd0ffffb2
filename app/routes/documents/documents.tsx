import { data, Form, Link, useSearchParams } from 'react-router';
import { CsrfField } from '../../components/CsrfField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { describedBy, Field, FieldFrame, fieldId } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { CheckedFileInput } from '../../components/CheckedFileInput.tsx';
import { useLang, useT } from '../../i18n/index.ts';
import { formatSize } from '../mot-cua/ho-so/labels.ts';
import { applicantGate, web } from '../my-dossiers/my-dossiers.server.ts';
import { myLinks } from '../my-dossiers/my-ui.tsx';
import type { Route } from './+types/documents.ts';
import { documentsAction, documentsData } from './documents.server.ts';
import type { DocumentsActionData } from './documents.server.ts';

export const links = myLinks;

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const gate = applicantGate(web(context), request);
  const headers = { 'cache-control': 'no-store' };
  if (!gate.ok) return data({ gate, page: null }, { headers });
  return data({ gate: null, page: await documentsData(gate.w) }, { headers });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) return data<DocumentsActionData>({}, { status: 401 });
  return documentsAction(gate.w, request);
}

const TONE = { result: 'ok', verified: 'ok', own: 'info' } as const;
const DONE: Record<string, 'doc.deleted' | 'doc.uploaded'> = {
  deleted: 'doc.deleted',
  uploaded: 'doc.uploaded',
};

/** /kho-du-lieu: the citizen's results, verified documents and own uploads; upload and delete own. */
export default function Documents({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const vi = useLang() === 'vi' ? undefined : 'vi';
  const [params] = useSearchParams();
  const { gate, page } = loaderData;
  if (!page) {
    return (
      <>
        <PageTitle title={t('doc.title')} />
        <h1>{t('doc.title')}</h1>
        <p>{gate?.official ? t('doc.notApplicant') : t('doc.signInHint')}</p>
        <p>
          <Link to={gate?.signIn ?? '/dang-nhap'} className="button button-primary">
            {t('doc.signIn')}
          </Link>
        </p>
      </>
    );
  }
  const a: DocumentsActionData = actionData ?? {};
  const done = DONE[params.get('tb') ?? ''];
  const limits = t('sb.file', { size: `${page.limits.maxMb} MB`, ext: page.limits.extensions.join(', ') });
  return (
    <>
      <PageTitle title={t('doc.title')} />
      <h1>{t('doc.title')}</h1>
      <p>{t('doc.intro')}</p>
      {done && !actionData ? <Notice kind="success">{t(done)}</Notice> : null}
      {a.formError ? (
        <div className="notice notice-warning" role="alert">
          {a.formError}
        </div>
      ) : null}
      {a.confirm ? (
        <section className="notice notice-warning" aria-labelledby="doc-confirm-title" data-testid="confirm">
          <h2 id="doc-confirm-title">{t('doc.confirmTitle')}</h2>
          <p>{t('doc.confirmBody', { title: a.confirm.title })}</p>
          <Form method="post" className="form-actions">
            <CsrfField />
            <input type="hidden" name="id" value={a.confirm.id} />
            <SubmitButton name="intent" value="delete">
              {t('doc.confirmYes')}
            </SubmitButton>
            <Link to="/kho-du-lieu" className="button button-secondary">
              {t('doc.cancel')}
            </Link>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="doc-list-title" className="section">
        <h2 id="doc-list-title">{t('doc.list')}</h2>
        {page.items.length === 0 ? (
          <p>{t('doc.empty')}</p>
        ) : (
          <ul className="my-dossiers" data-testid="documents">
            {page.items.map((d) => (
              <li key={d.id} className="my-dossier" data-testid="document">
                <h3 lang={d.source === 'own' ? undefined : vi}>{d.title}</h3>
                <dl className="my-facts">
                  <div>
                    <dt>{t('doc.source')}</dt>
                    <dd>
                      <StatusBadge tone={TONE[d.source]}>{t(`doc.source.${d.source}`)}</StatusBadge>
                    </dd>
                  </div>
                  {d.agencyName ? (
                    <div>
                      <dt>{t('doc.agency')}</dt>
                      <dd lang={vi}>{d.agencyName}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('doc.date')}</dt>
                    <dd>{d.date}</dd>
                  </div>
                  {d.dossierCode ? (
                    <div>
                      <dt>{t('doc.dossier')}</dt>
                      <dd>{d.dossierCode}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('doc.file')}</dt>
                    <dd>
                      <a href={`/api/me/documents/${d.id}`} download={d.fileName}>
                        {t('doc.download', { name: d.fileName })}
                      </a>{' '}
                      <span className="muted">({formatSize(d.size)})</span>
                    </dd>
                  </div>
                </dl>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="id" value={d.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="confirm"
                    className="button button-secondary button-small"
                    aria-label={t('doc.deleteOf', { title: d.title })}
                  >
                    {t('doc.delete')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="doc-upload-title" className="section">
        <h2 id="doc-upload-title">{t('doc.upload')}</h2>
        <Form method="post" encType="multipart/form-data" className="form" noValidate>
          <CsrfField />
          <ErrorSummary errors={a.errors} order={['title', 'file']} />
          <Field
            name="title"
            label={t('doc.uploadTitle')}
            hint={t('doc.uploadTitleHint')}
            defaultValue={a.title}
            error={a.errors?.title}
          />
          <FieldFrame name="file" label={t('doc.uploadFile')} hint={limits} error={a.errors?.file} required>
            <CheckedFileInput
              id={fieldId('file')}
              name="file"
              maxBytes={page.limits.maxBytes}
              extensions={page.limits.extensions}
              required
              invalid={Boolean(a.errors?.file)}
              describedBy={describedBy(fieldId('file'), limits, a.errors?.file)}
            />
          </FieldFrame>
          <SubmitButton name="intent" value="upload">
            {t('doc.uploadButton')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
