import { useEffect, useState } from 'react';
import type { Placeholder } from '../../../../src/domain/result-template.ts';
import { fieldId } from '../../../components/Field.tsx';
import { useT } from '../../../i18n/index.ts';

/** Inserts `text` into the body at the cursor (or at the end) and puts the cursor after it. */
function insertIntoBody(text: string) {
  const body = document.getElementById(fieldId('body'));
  if (!(body instanceof HTMLTextAreaElement)) return;
  const start = body.selectionStart ?? body.value.length;
  const end = body.selectionEnd ?? start;
  body.setRangeText(text, start, end, 'end');
  body.focus();
}

/**
 * The placeholders a template may use, each written as it goes into the text (to copy without
 * JavaScript) with what it stands for; with JavaScript, an "Insert" button per placeholder.
 */
export function Placeholders({ items, canEdit }: { items: readonly Placeholder[]; canEdit: boolean }) {
  const t = useT();
  // The buttons need the script: shown once the page is hydrated, never as dead controls.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  return (
    <section aria-labelledby="rt-placeholders" data-testid="placeholders">
      <h2 id="rt-placeholders">{t('rt.placeholders')}</h2>
      {canEdit ? <p className="field-hint">{t('rt.placeholdersHint')}</p> : null}
      <ul className="rt-placeholders">
        {items.map((p) => (
          <li key={p.name}>
            <code>{`{{${p.name}}}`}</code> <span>{p.description}</span>
            {live && canEdit ? (
              <button
                type="button"
                className="button button-secondary rt-insert"
                aria-label={t('rt.insertLabel', { name: `{{${p.name}}}` })}
                onClick={() => insertIntoBody(`{{${p.name}}}`)}
              >
                {t('rt.insert')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
