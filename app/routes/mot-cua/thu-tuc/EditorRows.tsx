import { useEffect, useState } from 'react';
import { DEADLINE_UNITS } from '../../../../src/domain/procedure.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { blankComponent, EXTRA_COMPONENTS, EXTRA_FEES, EXTRA_ROWS } from './editor-values.ts';
import type { ChannelValues, ComponentValues } from './editor-values.ts';
import { TextArea, TextInput, Select } from './inputs.tsx';
import { CHANNEL_KEYS, UNIT_KEYS } from './labels.ts';

/** True once React runs in the browser: "add a row" buttons only make sense then. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function AddRow({ label, onAdd }: { label: string; onAdd: () => void }) {
  if (!useHydrated()) return null;
  return (
    <button type="button" className="button button-secondary button-small" onClick={onAdd}>
      {label}
    </button>
  );
}

/** Channels (cách thức thực hiện): one block per channel, with deadline, fees and description. */
export function ChannelsSection({ channels, errors }: { channels: ChannelValues[]; errors: FieldErrors }) {
  const t = useT();
  const units = [
    { value: '', label: t('pa.unit.none') },
    ...DEADLINE_UNITS.map((u) => ({ value: u, label: t(UNIT_KEYS[u]) })),
  ];
  const free = [
    { value: '', label: t('pa.free.unknown') },
    { value: 'yes', label: t('pa.free.yes') },
    { value: 'no', label: t('pa.free.no') },
  ];
  return (
    <>
      {channels.map((ch, n) => {
        const p = `ch-${n}`;
        const name = t(CHANNEL_KEYS[ch.channel]);
        const fees = [
          ...ch.fees,
          ...Array.from({ length: EXTRA_FEES }, () => ({ amount: '', description: '' })),
        ];
        return (
          <fieldset key={p} className="fieldset row-card" data-testid={p}>
            <legend>{name}</legend>
            <input type="hidden" name={`${p}-channel`} value={ch.channel} />
            <CheckboxField
              name={`${p}-offered`}
              label={t('pa.f.offered', { channel: name })}
              defaultChecked={ch.offered}
              error={errors[`${p}-offered`]}
            />
            <div className="row-grid">
              <TextInput
                name={`${p}-deadlineValue`}
                label={t('pa.f.deadlineValue')}
                hint={t('pa.f.deadlineValueHint')}
                defaultValue={ch.deadlineValue}
                error={errors[`${p}-deadlineValue`]}
                inputMode="decimal"
              />
              <Select
                name={`${p}-deadlineUnit`}
                label={t('pa.f.deadlineUnit')}
                options={units}
                defaultValue={ch.deadlineUnit}
                error={errors[`${p}-deadlineUnit`]}
              />
              <TextInput
                name={`${p}-deadlineNote`}
                label={t('pa.f.deadlineNote')}
                hint={t('pa.f.deadlineNoteHint')}
                defaultValue={ch.deadlineNote}
                error={errors[`${p}-deadlineNote`]}
              />
              <Select
                name={`${p}-free`}
                label={t('pa.f.free')}
                options={free}
                defaultValue={ch.free}
                error={errors[`${p}-free`]}
              />
            </div>
            {fees.map((f, k) => (
              <div className="row-grid" key={k}>
                <TextInput
                  name={`${p}-fee-${k}-amount`}
                  label={t('pa.f.feeAmount', { n: k + 1 })}
                  hint={t('pa.f.feeAmountHint')}
                  defaultValue={f.amount}
                  error={errors[`${p}-fee-${k}-amount`]}
                  inputMode="numeric"
                />
                <TextInput
                  name={`${p}-fee-${k}-description`}
                  label={t('pa.f.feeDescription', { n: k + 1 })}
                  defaultValue={f.description}
                  error={errors[`${p}-fee-${k}-description`]}
                  className="wide"
                />
              </div>
            ))}
            <TextArea
              name={`${p}-description`}
              label={t('pa.f.channelDescription')}
              defaultValue={ch.description}
              error={errors[`${p}-description`]}
            />
          </fieldset>
        );
      })}
    </>
  );
}

/** Dossier components (thành phần hồ sơ): one block per paper, consecutive papers of a case form a group. */
export function ComponentsSection({
  components,
  errors,
}: {
  components: ComponentValues[];
  errors: FieldErrors;
}) {
  const t = useT();
  const [extra, setExtra] = useState(EXTRA_COMPONENTS);
  const rows = [...components, ...Array.from({ length: extra }, blankComponent)];
  return (
    <>
      {rows.map((c, i) => {
        const p = `comp-${i}`;
        return (
          <fieldset key={p} className="fieldset row-card" data-testid={p}>
            <legend>{t('pa.f.component', { n: i + 1 })}</legend>
            <input type="hidden" name={`${p}-code`} value={c.code} />
            {c.groupStart ? <input type="hidden" name={`${p}-groupStart`} value="1" /> : null}
            <input type="hidden" name={`${p}-formName`} value={c.formName} />
            <input type="hidden" name={`${p}-formNameFor`} value={c.formNameFor} />
            <TextArea
              name={`${p}-name`}
              label={t('pa.f.componentName')}
              defaultValue={c.name}
              error={errors[`${p}-name`]}
            />
            <div className="row-grid">
              <TextInput
                name={`${p}-group`}
                label={t('pa.f.componentGroup')}
                hint={t('pa.f.componentGroupHint')}
                defaultValue={c.group}
                error={errors[`${p}-group`]}
              />
              <TextInput
                name={`${p}-formCode`}
                label={t('pa.f.formCode')}
                hint={t('pa.f.formCodeHint')}
                defaultValue={c.formCode}
                error={errors[`${p}-formCode`]}
                list="form-codes"
              />
              <TextInput
                name={`${p}-originals`}
                label={t('pa.f.originals')}
                defaultValue={c.originals}
                error={errors[`${p}-originals`]}
                inputMode="numeric"
                className="short"
              />
              <TextInput
                name={`${p}-copies`}
                label={t('pa.f.copies')}
                defaultValue={c.copies}
                error={errors[`${p}-copies`]}
                inputMode="numeric"
                className="short"
              />
            </div>
            <div className="row-checks">
              <CheckboxField
                name={`${p}-required`}
                label={t('pa.f.required')}
                defaultChecked={c.required}
                error={errors[`${p}-required`]}
              />
              <CheckboxField
                name={`${p}-electronic`}
                label={t('pa.f.electronic')}
                defaultChecked={c.electronic}
                error={errors[`${p}-electronic`]}
              />
            </div>
            <TextInput
              name={`${p}-condition`}
              label={t('pa.f.condition')}
              defaultValue={c.condition}
              error={errors[`${p}-condition`]}
            />
          </fieldset>
        );
      })}
      <AddRow label={t('pa.f.addComponent')} onAdd={() => setExtra((n) => n + 1)} />
    </>
  );
}

interface PairProps {
  /** Field name prefix: res (results) or lb (legal basis). */
  prefix: 'res' | 'lb';
  rows: { main: string; other: string }[];
  /** Names of the two fields in each row: the main text and the code or number. */
  main: 'name' | 'title';
  other: 'code' | 'number';
  labels: { row: MessageKey; main: MessageKey; other: MessageKey; add: MessageKey };
  errors: FieldErrors;
}

/** Rows of two fields (results: name and code; legal basis: number and title). */
export function PairRows({ prefix, rows, main, other, labels, errors }: PairProps) {
  const t = useT();
  const [extra, setExtra] = useState(EXTRA_ROWS);
  const all = [...rows, ...Array.from({ length: extra }, () => ({ main: '', other: '' }))];
  return (
    <>
      {all.map((r, i) => {
        const p = `${prefix}-${i}`;
        const otherField = (
          <TextInput
            name={`${p}-${other}`}
            label={t(labels.other)}
            defaultValue={r.other}
            error={errors[`${p}-${other}`]}
            className="short"
          />
        );
        const mainField = (
          <TextArea
            name={`${p}-${main}`}
            label={t(labels.main)}
            defaultValue={r.main}
            error={errors[`${p}-${main}`]}
          />
        );
        return (
          <fieldset key={p} className="fieldset row-card pair-row" data-testid={p}>
            <legend>{t(labels.row, { n: i + 1 })}</legend>
            {prefix === 'lb' ? otherField : mainField}
            {prefix === 'lb' ? mainField : otherField}
          </fieldset>
        );
      })}
      <AddRow label={t(labels.add)} onAdd={() => setExtra((n) => n + 1)} />
    </>
  );
}
