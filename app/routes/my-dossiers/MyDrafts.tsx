import { Form, Link, useSearchParams } from 'react-router';
import { CsrfField } from '../../components/CsrfField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useLang, useT } from '../../i18n/index.ts';

interface DraftItem {
  id: string;
  procedureCode: string;
  procedureName: string;
  updatedAt: string;
}

/**
 * The applicant's unsubmitted drafts on "Hồ sơ của tôi" (III.1.3): continue, or delete after a
 * confirmation that is its own page state (`?xoaNhap=<id>`), so that it works without JavaScript.
 */
export function MyDrafts({ drafts }: { drafts: readonly DraftItem[] }) {
  const t = useT();
  const vi = useLang() === 'vi' ? undefined : 'vi';
  const [params] = useSearchParams();
  const asked = drafts.find((d) => d.id === params.get('xoaNhap'));
  const deleted = params.get('tb') === 'draft-deleted';
  if (!drafts.length && !deleted) return null;
  return (
    <section aria-labelledby="my-drafts-title" className="section" id="nhap" data-testid="drafts">
      <h2 id="my-drafts-title">{t('dr.list')}</h2>
      {deleted ? <Notice kind="success">{t('dr.deleted')}</Notice> : null}
      {drafts.length ? <p className="muted">{t('dr.listIntro')}</p> : null}
      {asked ? (
        <div className="notice notice-warning" role="alert" data-testid="draft-confirm">
          <p>{t('dr.confirm', { name: asked.procedureName })}</p>
          <Form method="post" action="/ho-so-cua-toi" className="form-actions">
            <CsrfField />
            <input type="hidden" name="id" value={asked.id} />
            <SubmitButton name="intent" value="delete-draft">
              {t('dr.confirmYes')}
            </SubmitButton>
            <Link to="/ho-so-cua-toi#nhap" className="button button-secondary">
              {t('dr.confirmNo')}
            </Link>
          </Form>
        </div>
      ) : null}
      <ul className="my-dossiers">
        {drafts.map((d) => (
          <li key={d.id} className="my-dossier" data-testid="draft">
            <h3 lang={vi}>{d.procedureName}</h3>
            <dl className="my-facts">
              <div>
                <dt>{t('dr.savedAt')}</dt>
                <dd>{d.updatedAt}</dd>
              </div>
            </dl>
            <p className="form-actions">
              <Link
                to={`/nop-ho-so/${encodeURIComponent(d.procedureCode)}?nhap=${d.id}`}
                className="button button-primary"
                aria-label={t('dr.continueOf', { name: d.procedureName })}
              >
                {t('dr.continue')}
              </Link>
              <Link
                to={`/ho-so-cua-toi?xoaNhap=${d.id}#nhap`}
                className="button button-secondary"
                aria-label={t('dr.deleteOf', { name: d.procedureName })}
              >
                {t('dr.delete')}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
