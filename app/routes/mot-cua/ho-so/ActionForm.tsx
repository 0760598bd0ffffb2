import { Form } from 'react-router';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import { ACTION_FIELDS } from './action-fields.ts';
import type { ActionField } from './action-fields.ts';
import { useActionLabel } from './ActionPanel.tsx';
import type { DossierActionData } from './dossier-action.server.ts';
import type { DossierView } from './dossier-view.server.ts';
import { FileUploads } from './FileUploads.tsx';
import type { FileLimits } from './receipt-fields.ts';
import { RecipientFields } from './RecipientFields.tsx';

export interface Choice {
  id: string;
  fullName: string;
  department: string | null;
  load: number;
}

interface Props {
  action: DossierView['actions'][number];
  dossier: DossierView;
  choices: readonly Choice[];
  limits: FileLimits;
  state: DossierActionData | undefined;
  /** The procedure has a result template: the finish step may take its draft as the result. */
  resultTemplate: boolean;
}

const TAKES_FILES = ['move', 'supplement', 'comment'];
/** Actions whose reason is required by the contract (else the reason is an optional opinion). */
const REASON_REQUIRED = ['refuse', 'stop', 'not_returned', 'withdraw', 'request_supplement'];

/**
 * The form of one action, with the fields its `needs` list: who receives it (with their load),
 * reason, missing items (one a line), extension (working days or hours), amount (VND), recipient and
 * fee receipt, supplement channel; files where the action takes them. Posts the version shown.
 */
export function ActionForm({ action: a, dossier: d, choices, limits, state, resultTemplate }: Props) {
  const t = useT();
  const label = useActionLabel()(a);
  const needs = (n: string) => a.needs.includes(n as never);
  const v = (f: ActionField) => state?.values[f] ?? '';
  const errors = state?.errors ?? {};
  const reasonRequired = needs('reason') || REASON_REQUIRED.includes(a.action);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="form panel ds-action-form"
      noValidate
      id="action-form"
      aria-labelledby="action-form-title"
      data-testid="action-form"
    >
      <h3 id="action-form-title">
        {label}
        {a.toStepName ? <span className="muted"> → {a.toStepName}</span> : null}
      </h3>
      <ErrorSummary errors={errors} order={ACTION_FIELDS} formError={state?.formError} />
      <CsrfField />
      <input type="hidden" name="key" value={a.key} />
      <input type="hidden" name="rowVersion" value={d.rowVersion} />
      {needs('assignee') ? (
        <SelectField
          name="assigneeId"
          label={t('ds.a.assignee')}
          hint={a.action === 'move' ? t('ds.a.assigneeHint') : undefined}
          options={choices.map((c) => ({
            value: c.id,
            label: t('ds.a.choice', { name: c.fullName, dept: c.department ?? '—', n: c.load }),
          }))}
          placeholder={a.action === 'move' ? t('ds.a.pool') : t('adm.choose')}
          defaultValue={v('assigneeId')}
          error={errors.assigneeId}
          required={a.action === 'assign'}
        />
      ) : null}
      {needs('extension') ? (
        <div className="ds-inline">
          <Field
            name="extValue"
            label={t('ds.a.extension')}
            inputMode="numeric"
            defaultValue={v('extValue')}
            error={errors.extValue}
            required
          />
          <SelectField
            name="extUnit"
            label={t('ds.a.extUnit')}
            options={[
              { value: 'days', label: t('ds.a.days') },
              { value: 'hours', label: t('ds.a.hours') },
            ]}
            defaultValue={v('extUnit') || 'days'}
            required
          />
        </div>
      ) : null}
      {needs('amount') ? (
        <Field
          name="amount"
          label={t('ds.a.amount')}
          hint={t('ds.a.amountHint')}
          inputMode="numeric"
          defaultValue={v('amount')}
          error={errors.amount}
          required
        />
      ) : null}
      {needs('channel') ? (
        <SelectField
          name="channel"
          label={t('ds.a.channel')}
          options={['counter', 'postal', 'online'].map((c) => ({
            value: c,
            label: t(`ds.channel.${c}` as 'ds.channel.counter'),
          }))}
          defaultValue={v('channel') || 'counter'}
          error={errors.channel}
          required
        />
      ) : null}
      {needs('recipient') ? <RecipientFields dossier={d} v={v} errors={errors} /> : null}
      {needs('receipt') ? (
        <Field
          name="receipt"
          label={t('ds.a.receipt')}
          defaultValue={v('receipt')}
          error={errors.receipt}
          autoComplete="off"
        />
      ) : null}
      {needs('missingItems') ? (
        <TextAreaField
          name="missingItems"
          label={t('ds.r.missingItems')}
          hint={t('ds.r.missingItemsHint')}
          defaultValue={v('missingItems')}
          error={errors.missingItems}
          required
        />
      ) : null}
      {a.action === 'comment' ? (
        <TextAreaField
          name="text"
          label={t('ds.a.text')}
          defaultValue={v('text')}
          error={errors.text}
          required
        />
      ) : a.action === 'supplement' ? (
        <TextAreaField
          name="note"
          label={t('ds.a.note')}
          defaultValue={v('note')}
          error={errors.note}
          rows={2}
        />
      ) : ['pay', 'return_result'].includes(a.action) ? null : (
        <TextAreaField
          name="reason"
          label={t(reasonRequired ? 'ds.a.reason' : 'ds.a.opinion')}
          defaultValue={v('reason')}
          error={errors.reason}
          required={reasonRequired}
          rows={2}
        />
      )}
      {needs('result') && resultTemplate ? (
        <CheckboxField
          name="useDraftResult"
          label={t('rt.useDraft')}
          hint={t('rt.useDraftHint')}
          defaultChecked={v('useDraftResult') === 'on'}
          error={errors.useDraftResult}
        />
      ) : null}
      {TAKES_FILES.includes(a.action) ? (
        <FileUploads
          id="f-files"
          label={t(a.action === 'move' ? 'ds.a.filesMove' : 'ds.a.files')}
          uploads={state?.uploads ?? []}
          limits={limits}
          error={errors.files}
        />
      ) : null}
      <SubmitButton name="intent" value="do">
        {label}
      </SubmitButton>
    </Form>
  );
}
