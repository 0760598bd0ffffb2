import { Form } from 'react-router';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import { ApplicantSection } from './ApplicantSection.tsx';
import { ComponentsTable } from './ComponentsTable.tsx';
import { DeliverySection } from './DeliverySection.tsx';
import { FileUploads } from './FileUploads.tsx';
import type { ReceiptActionData } from './receipt-action.server.ts';
import type { ProcedureFacts } from './receipt-data.server.ts';
import { compField, fieldOrder } from './receipt-fields.ts';
import type { FileLimits } from './receipt-fields.ts';

interface Props {
  agencyId: string;
  facts: ProcedureFacts;
  provinces: readonly SelectOption[];
  limits: FileLimits;
  state: ReceiptActionData | undefined;
}

/**
 * Step two of the receipt: the dossier as the counter receives it, and the decision. A multipart form
 * that works without JavaScript (files go with the post); every answer short of the decision comes
 * back with all that was typed. The form is keyed by the answer, so the fields show its values.
 */
export function ReceiptForm({ agencyId, facts, provinces, limits, state }: Props) {
  const t = useT();
  const defaults: Record<string, string> = {
    kind: 'citizen',
    channel: 'counter',
    delivery: 'counter',
    ...Object.fromEntries(
      facts.components.flatMap((c, i) => [
        [compField(i, 'copyType'), c.copyType],
        [compField(i, 'count'), String(c.count)],
      ]),
    ),
  };
  const v = (name: string) => state?.values[name] ?? defaults[name] ?? '';
  const errors = state?.errors ?? {};
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="form ds-receipt"
      noValidate
      key={state?.nonce ?? 'new'}
      aria-labelledby="receipt-title"
    >
      <h2 id="receipt-title">{t('ds.r.formTitle')}</h2>
      <ErrorSummary
        errors={errors}
        order={fieldOrder(facts.components.length)}
        formError={state?.formError}
      />
      <CsrfField />
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="procedureCode" value={facts.code} />
      <ApplicantSection v={v} errors={errors} candidates={state?.candidates} />
      <fieldset className="fieldset">
        <legend>{t('ds.r.dossier')}</legend>
        <SelectField
          name="channel"
          label={t('ds.r.channel')}
          options={[
            { value: 'counter', label: t('ds.channel.counter') },
            { value: 'postal', label: t('ds.channel.postal') },
          ]}
          defaultValue={v('channel')}
          error={errors.channel}
          required
        />
        <TextAreaField
          name="summary"
          label={t('ds.r.summary')}
          hint={t('ds.r.summaryHint')}
          defaultValue={v('summary')}
          error={errors.summary}
          rows={2}
        />
      </fieldset>
      <ComponentsTable components={facts.components} v={v} errors={errors} />
      <fieldset className="fieldset">
        <legend>{t('ds.r.files')}</legend>
        <FileUploads
          id="f-files"
          label={t('ds.r.filesLabel')}
          uploads={state?.uploads ?? []}
          limits={limits}
          error={errors.files}
        />
      </fieldset>
      <DeliverySection v={v} errors={errors} provinces={provinces} communes={state?.communes ?? []} />
      <fieldset className="fieldset">
        <legend>{t('ds.r.decision')}</legend>
        <TextAreaField
          name="reason"
          label={t('ds.r.reason')}
          hint={t('ds.r.reasonHint')}
          defaultValue={v('reason')}
          error={errors.reason}
          rows={2}
        />
        <TextAreaField
          name="missingItems"
          label={t('ds.r.missingItems')}
          hint={t('ds.r.missingItemsHint')}
          defaultValue={v('missingItems')}
          error={errors.missingItems}
          rows={3}
        />
      </fieldset>
      <div className="actions ds-decisions">
        <ActionButton name="intent" value="accept" variant="primary">
          {t('ds.r.accept')}
        </ActionButton>
        <ActionButton name="intent" value="request_supplement">
          {t('ds.r.askSupplement')}
        </ActionButton>
        <ActionButton name="intent" value="refuse" variant="danger">
          {t('ds.r.refuse')}
        </ActionButton>
      </div>
    </Form>
  );
}
