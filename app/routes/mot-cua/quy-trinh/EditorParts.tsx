import { Form } from 'react-router';
import type { ProcessProblem } from '../../../../src/domain/process-validation.ts';
import type { DeadlineUnit } from '../../../../src/domain/procedure.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { VERSION_STATUS_KEYS } from '../../../components/process/labels.ts';
import type { VersionStatus } from '../../../components/process/labels.ts';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import { UNIT_KEYS } from '../thu-tuc/labels.ts';

/** What the page says about the version: procedure, version, state, agency, legal deadline. */
export function ProcessMeta({
  code,
  version,
  status,
  agencyName,
  deadline,
  budget,
}: {
  code: string;
  version: number;
  status: VersionStatus;
  agencyName: string | null;
  deadline: { value: number; unit: DeadlineUnit; minutes: number } | null;
  /** The deadline in working days, hours and minutes. */
  budget: (minutes: number) => string;
}) {
  const t = useT();
  const rows: [string, string][] = [
    [t('pr.col.code'), code],
    [t('pr.meta.version'), `${version} (${t(VERSION_STATUS_KEYS[status])})`],
    [t('pr.meta.agency'), agencyName ?? t('pr.shared')],
    [
      t('pr.meta.deadline'),
      deadline
        ? `${deadline.value} ${t(UNIT_KEYS[deadline.unit])}${
            deadline.unit === 'working_days'
              ? ''
              : ` (${t('pr.meta.deadlineMinutes', { budget: budget(deadline.minutes) })})`
          }`
        : t('pr.meta.deadlineNone'),
    ],
  ];
  return (
    <dl className="summary-list" data-testid="process-meta">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Publication refused: every problem the server found, in its words. */
export function PublishRefused({
  message,
  problems,
}: {
  message: string;
  problems: readonly ProcessProblem[];
}) {
  const t = useT();
  return (
    <div className="error-summary" role="alert" tabIndex={-1} data-testid="publish-refused">
      <h2 className="error-summary-title">{t('pr.publishRefused')}</h2>
      <p>{message}</p>
      <ul className="error-summary-list">
        {problems.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Publishing the draft and discarding it: plain forms, the same with and without JavaScript. The
 * discard asks first (a <details> that opens on the question, no script needed).
 */
export function PublishForms({ rowVersion, dirty }: { rowVersion: number; dirty: boolean }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="pd-publish-title">
      <h2 id="pd-publish-title">{t('pr.publish')}</h2>
      <Form method="post" className="inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="rowVersion" value={rowVersion} />
        {dirty ? <p className="pd-help">{t('pr.publishHint')}</p> : null}
        <SubmitButton disabled={dirty}>{t('pr.publish')}</SubmitButton>
      </Form>
      <details className="pd-discard">
        <summary>{t('pr.discard')}</summary>
        <Form method="post" className="pd-confirm">
          <CsrfField />
          <input type="hidden" name="intent" value="discard" />
          <p>{t('pr.discardConfirm')}</p>
          <SubmitButton variant="secondary">{t('pr.discardYes')}</SubmitButton>
        </Form>
      </details>
    </section>
  );
}

/** A version that is no longer a draft: start a new draft from it. */
export function NewDraftForm() {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="new-draft" />
      <p>{t('pr.notDraft')}</p>
      <SubmitButton>{t('pr.draftFromThis')}</SubmitButton>
    </Form>
  );
}
