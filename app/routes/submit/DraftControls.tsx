import { Link } from 'react-router';
import { Notice } from '../../components/Notice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useT } from '../../i18n/index.ts';
import type { SubmitPageData } from './submit.server.ts';

/**
 * The submission page's parts for drafts (III.1.3) and for changing a dossier before receipt: the
 * hidden fields that carry the mode from step to step, the notices, and the "Lưu nháp" button.
 */

/** Hidden fields of the draft being continued or the dossier being changed. */
export function ModeFields({ d }: { d: SubmitPageData }) {
  if (d.amend)
    return (
      <>
        <input type="hidden" name="amend.id" value={d.amend.id} />
        <input type="hidden" name="amend.rowVersion" value={d.amend.rowVersion} />
      </>
    );
  if (d.draft)
    return (
      <>
        <input type="hidden" name="draft.id" value={d.draft.id} />
        <input type="hidden" name="draft.version" value={d.draft.version} />
      </>
    );
  return null;
}

/** What the page says about the draft or the dossier being changed, above the form. */
export function ModeNotices({ d }: { d: SubmitPageData }) {
  const t = useT();
  if (d.amend)
    return d.amend.open ? (
      <Notice>{t('dr.amendIntro')}</Notice>
    ) : (
      <Notice kind="warning">
        <p>{t('dr.amendClosed', { code: d.amend.code })}</p>
        <p>
          <Link to={`/ho-so-cua-toi/${d.amend.id}`}>{t('dr.amendBack', { code: d.amend.code })}</Link>
        </p>
      </Notice>
    );
  return (
    <>
      {d.notices.map((n) =>
        n === 'saved' ? (
          <Notice key={n} kind="success">
            <p data-testid="draft-saved">{t('dr.saved', { at: d.draft?.savedAt ?? '' })}</p>
          </Notice>
        ) : n === 'resumed' ? (
          <Notice key={n}>{t('dr.resumed', { at: d.draft?.savedAt ?? '' })}</Notice>
        ) : (
          <Notice key={n} kind="warning">
            {t(n === 'formChanged' ? 'dr.formChanged' : 'dr.gone')}
          </Notice>
        ),
      )}
    </>
  );
}

/** "Lưu nháp" on the edit step: saves without checking (not offered when changing a dossier). */
export function SaveDraft({ d }: { d: SubmitPageData }) {
  const t = useT();
  if (d.amend) return null;
  return (
    <div className="draft-save">
      <p className="field-hint">{t('dr.saveHint')}</p>
      <SubmitButton name="intent" value="draft" variant="secondary">
        {t('dr.save')}
      </SubmitButton>
    </div>
  );
}
