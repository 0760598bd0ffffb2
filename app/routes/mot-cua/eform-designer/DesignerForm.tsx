import { useEffect, useState } from 'react';
import type { ChangeEvent, SyntheticEvent } from 'react';
import { Form } from 'react-router';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { TextArea, TextInput } from '../thu-tuc/inputs.tsx';
import { designerStep } from './designer-step.ts';
import type { DesignerState } from './designer-step.ts';
import { Sections } from './FieldList.tsx';
import { Preview } from './Preview.tsx';
import { ExportJson } from './Versions.tsx';

interface Props {
  initial: DesignerState;
  errors: FieldErrors;
  formError: string | undefined;
  conflict: boolean;
  startedFrom: number | null;
  catalogs: readonly SelectOption[];
  catalogItems: Readonly<Record<string, SelectOption[]>>;
  code: string;
  self: string;
}

/** Inputs whose typing changes nothing in the draft until a button is pressed. */
const notLive = (name: string) => name === 'importJson' || name.startsWith('newType.');

/**
 * The designer form and the live preview. Without JavaScript every button posts the whole draft (a
 * hidden JSON input) and the server answers the next one. With it the same step runs here: buttons
 * change the draft without a round trip, typing updates the draft and the preview at once, and only
 * "Lưu" goes to the server.
 */
export function Designer({
  initial,
  errors: serverErrors,
  formError,
  conflict,
  startedFrom,
  catalogs,
  catalogItems,
  code,
  self,
}: Props) {
  const t = useT();
  const [view, setView] = useState({ state: initial, errors: serverErrors, rev: 0, focus: '' });
  const { state, errors, rev } = view;
  useEffect(() => {
    if (view.focus) document.getElementById(view.focus)?.focus();
  }, [rev, view.focus]);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    const submitter = e.nativeEvent.submitter;
    const button = submitter instanceof HTMLButtonElement ? submitter : null;
    if (button?.value === 'save') return;
    e.preventDefault();
    const next = designerStep(state, new FormData(e.currentTarget, button), t);
    setView({ state: next.state, errors: next.errors, rev: rev + 1, focus: next.focus ?? '' });
  };
  const onChange = (e: ChangeEvent<HTMLFormElement>) => {
    const target = e.target as unknown as { name?: unknown };
    if (typeof target.name !== 'string' || notLive(target.name)) return;
    const next = designerStep(state, new FormData(e.currentTarget), t);
    // Messages wait for a button: the error summary would take the focus away from the typing.
    setView((v) => ({ ...v, state: next.state, focus: '' }));
  };

  const { form: formProblem, ...fieldErrors } = errors;
  return (
    <>
      <div className="ed-layout">
        <Form
          method="post"
          className="ed-form"
          noValidate
          onSubmit={onSubmit}
          onChange={onChange}
          data-testid="designer"
        >
          <CsrfField />
          <input type="hidden" name="draft" value={JSON.stringify(state.draft)} />
          <input type="hidden" name="selected" value={state.selected ?? ''} />
          <input type="hidden" name="baseVersion" value={state.baseVersion} />
          <h2>{t('ed.designerTitle')}</h2>
          <ErrorSummary
            errors={fieldErrors}
            order={Object.keys(fieldErrors)}
            formError={[formError, formProblem].filter(Boolean).join('. ') || undefined}
          />
          {conflict ? (
            <p className="notice notice-warning" data-testid="conflict">
              {t('ed.conflict')} <a href={self}>{t('ed.reload')}</a>
            </p>
          ) : null}
          {startedFrom !== null ? <p className="notice">{t('ed.startedFrom', { n: startedFrom })}</p> : null}
          <TextInput
            key={`title:${rev}`}
            name="title"
            label={t('ed.formTitle')}
            defaultValue={state.draft.title}
            error={fieldErrors.title}
          />
          <Sections
            draft={state.draft}
            selected={state.selected}
            errors={fieldErrors}
            catalogs={catalogs}
            rev={rev}
          />
          <p>
            <button
              type="submit"
              id="add-section"
              name="intent"
              value="add-section"
              formAction={`#ed-section-${state.draft.sections.length}`}
              className="button button-secondary"
            >
              {t('ed.addSection')}
            </button>
          </p>
          <div className="toolbar ed-actions">
            <button
              type="submit"
              name="intent"
              value="preview"
              formAction="#preview-title"
              className="button button-secondary"
            >
              {t('ed.preview')}
            </button>
            <SubmitButton name="intent" value="save">
              {t('ed.save')}
            </SubmitButton>
          </div>
          <p className="field-hint">{t('ed.saveHint')}</p>
          <details className="ed-import" open={Boolean(fieldErrors.importJson)}>
            <summary>{t('ed.importTitle')}</summary>
            <TextArea
              key={`import:${rev}`}
              name="importJson"
              label={t('ed.importLabel')}
              hint={t('ed.importHint')}
              rows={6}
              error={fieldErrors.importJson}
            />
            <button
              type="submit"
              name="intent"
              value="import"
              formAction="#f-title"
              className="button button-secondary"
            >
              {t('ed.import')}
            </button>
          </details>
        </Form>
        <Preview
          catalogItems={catalogItems}
          definition={state.draft}
          prefix="pv."
          title={t('ed.previewTitle')}
          id="preview-title"
        />
      </div>
      <ExportJson draft={state.draft} code={code} />
    </>
  );
}
