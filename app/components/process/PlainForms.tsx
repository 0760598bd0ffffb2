import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { ACTION_KINDS, STEP_KINDS } from '../../../src/domain/process.ts';
import { CsrfField } from '../CsrfField.tsx';
import { fieldId } from '../Field.tsx';
import { SubmitButton } from '../SubmitButton.tsx';
import { actorOptions, coordinateOptions, parseActorValue } from './choices.ts';
import type { Option, OptionGroup, ProcessChoices } from './choices.ts';
import { OptionList } from './OptionList.tsx';
import { blankStepRow, blankTransitionRow, EXTRA_STEP_ROWS, EXTRA_TRANSITION_ROWS } from './plain-form.ts';
import type { PlainValues } from './plain-form.ts';
import type { ProcessWords } from './words.ts';

interface Props {
  values: PlainValues;
  rowVersion: number;
  errors: Readonly<Record<string, string>>;
  choices: ProcessChoices;
  words: ProcessWords;
  minutesPerDay: number;
}

/** Anchors of the table rows, which the problem list links to. */
export const stepRowId = (id: string) => `row-step-${id}`;
export const transitionRowId = (id: string) => `row-tr-${id}`;

function Cell({
  name,
  label,
  col,
  error,
  children,
}: {
  name: string;
  label: string;
  col: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  if (!children) return <td data-label={col} />;
  return (
    <td data-label={col} className={error ? 'field-error' : undefined}>
      <label htmlFor={fieldId(name)} className="visually-hidden">
        {label}
      </label>
      {error ? (
        <p id={`${fieldId(name)}-error`} className="field-message">
          {error}
        </p>
      ) : null}
      {children}
    </td>
  );
}

function Input({
  name,
  value,
  error,
  numeric,
}: {
  name: string;
  value: string;
  error?: string | undefined;
  numeric?: boolean;
}) {
  return (
    <input
      id={fieldId(name)}
      name={name}
      className={numeric ? 'input pd-num' : 'input pd-wide'}
      defaultValue={value}
      inputMode={numeric ? 'numeric' : undefined}
      autoComplete="off"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${fieldId(name)}-error` : undefined}
    />
  );
}

function Select({
  name,
  value,
  options = [],
  groups = [],
  empty,
}: {
  name: string;
  value: string;
  options?: readonly Option[];
  groups?: readonly OptionGroup[];
  empty?: string;
}) {
  return (
    <select id={fieldId(name)} name={name} className="input pd-select" defaultValue={value}>
      <OptionList options={options} groups={groups} empty={empty} />
    </select>
  );
}

function Check({ name, checked }: { name: string; checked: boolean }) {
  return <input id={fieldId(name)} name={name} type="checkbox" value="1" defaultChecked={checked} />;
}

/**
 * The designer without JavaScript (and for anyone who prefers tables): every step and arrow as a row
 * of plain fields, posted to the page's action (intent=save-form) with the row version read.
 */
export function PlainForms({ values, rowVersion, errors, choices, words, minutesPerDay }: Props) {
  const t = words.t;
  const steps = [...values.steps, ...Array.from({ length: EXTRA_STEP_ROWS }, blankStepRow)];
  const transitions = [
    ...values.transitions,
    ...Array.from({ length: EXTRA_TRANSITION_ROWS }, blankTransitionRow),
  ];
  const stepOpts = values.steps.filter((s) => s.id).map((s) => ({ value: s.id, label: s.name || s.id }));
  const kinds = STEP_KINDS.map((k) => ({ value: k, label: words.kind(k) }));
  const actions = ACTION_KINDS.map((a) => ({ value: a, label: words.action(a) }));
  const actorLabels = {
    roles: t('pr.f.actorRoles'),
    departments: t('pr.f.actorDepartments'),
    groups: t('pr.f.actorGroups'),
    kept: t('pr.f.actorKept'),
  };
  const coordLabels = {
    departments: t('pr.f.coordDepartments'),
    agencies: t('pr.f.coordAgencies'),
    kept: t('pr.f.actorKept'),
  };
  const col = {
    step: t('pr.col.step'),
    name: t('pr.f.stepName'),
    kind: t('pr.f.kind'),
    actor: t('pr.f.actor'),
    days: t('pr.f.days'),
    hours: t('pr.f.hours'),
    minutes: t('pr.f.minutes'),
    online: t('pr.online'),
    remove: t('pr.f.remove'),
  };
  return (
    <Form method="post" className="form" data-testid="plain-form">
      <CsrfField />
      <input type="hidden" name="intent" value="save-form" />
      <input type="hidden" name="rowVersion" value={rowVersion} />
      <input type="hidden" name="stepRows" value={steps.length} />
      <input type="hidden" name="transitionRows" value={transitions.length} />
      <div className="field">
        <label htmlFor={fieldId('name')} className="field-label">
          {t('pr.f.name')}
        </label>
        <input
          id={fieldId('name')}
          name="name"
          className="input"
          defaultValue={values.name}
          autoComplete="off"
        />
      </div>
      <p className="pd-help">{t('pr.plainHelp')}</p>
      <div className="table-wrap">
        <table className="data-table stack pd-rows" data-testid="plain-steps">
          <caption>{t('pr.stepsCaption', { n: values.steps.length })}</caption>
          <thead>
            <tr>
              {Object.values(col).map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {steps.map((r, i) => {
              const n = i + 1;
              const p = (k: string) => `s-${i}-${k}`;
              return (
                <tr key={i} id={r.id ? stepRowId(r.id) : undefined}>
                  <th scope="row" data-label={col.step}>
                    {r.id ? n : t('pr.col.newRow')}
                    <input type="hidden" name={p('id')} value={r.id} />
                    <input type="hidden" name={p('x')} value={r.x} />
                    <input type="hidden" name={p('y')} value={r.y} />
                  </th>
                  <Cell name={p('name')} label={t('pr.f.stepNameN', { n })} col={col.name}>
                    <Input name={p('name')} value={r.name} />
                  </Cell>
                  <Cell name={p('kind')} label={t('pr.f.kindN', { n })} col={col.kind}>
                    <Select name={p('kind')} value={r.kind} options={kinds} />
                  </Cell>
                  <Cell name={p('actor')} label={t('pr.f.actorN', { n })} col={col.actor}>
                    <Select
                      name={p('actor')}
                      value={r.actor}
                      empty={t('pr.f.actorNone')}
                      groups={actorOptions(choices, r.actor, actorLabels, (v) =>
                        words.actor(parseActorValue(v)),
                      )}
                    />
                  </Cell>
                  {(['days', 'hours', 'minutes'] as const).map((k) => (
                    <Cell
                      key={k}
                      name={p(k)}
                      label={t(`pr.f.${k}N`, { n })}
                      col={col[k]}
                      error={errors[p(k)]}
                    >
                      <Input name={p(k)} value={r[k]} error={errors[p(k)]} numeric />
                    </Cell>
                  ))}
                  <Cell name={p('online')} label={t('pr.f.onlineN', { n })} col={col.online}>
                    <Check name={p('online')} checked={r.online} />
                  </Cell>
                  <Cell name={p('remove')} label={t('pr.f.removeStepN', { n })} col={col.remove}>
                    {r.id ? <Check name={p('remove')} checked={r.remove} /> : null}
                  </Cell>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="data-table stack pd-rows" data-testid="plain-transitions">
          <caption>{t('pr.transitionsCaption', { n: values.transitions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pr.col.step')}</th>
              <th scope="col">{t('pr.f.from')}</th>
              <th scope="col">{t('pr.f.to')}</th>
              <th scope="col">{t('pr.f.action')}</th>
              <th scope="col">{t('pr.f.label')}</th>
              <th scope="col">{t('pr.f.coordinate')}</th>
              <th scope="col">{t('pr.f.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {transitions.map((r, i) => {
              const n = i + 1;
              const p = (k: string) => `t-${i}-${k}`;
              return (
                <tr key={i} id={r.id ? transitionRowId(r.id) : undefined}>
                  <th scope="row" data-label={t('pr.col.step')}>
                    {r.id ? n : t('pr.col.newRow')}
                    <input type="hidden" name={p('id')} value={r.id} />
                  </th>
                  {(['from', 'to'] as const).map((k) => (
                    <Cell
                      key={k}
                      name={p(k)}
                      label={t(`pr.f.${k}N`, { n })}
                      col={t(`pr.f.${k}`)}
                      error={errors[p(k)]}
                    >
                      <Select name={p(k)} value={r[k]} options={stepOpts} empty={t('pr.f.choose')} />
                    </Cell>
                  ))}
                  <Cell name={p('action')} label={t('pr.f.actionN', { n })} col={t('pr.f.action')}>
                    <Select name={p('action')} value={r.action} options={actions} />
                  </Cell>
                  <Cell name={p('label')} label={t('pr.f.labelN', { n })} col={t('pr.f.label')}>
                    <Input name={p('label')} value={r.label} />
                  </Cell>
                  <Cell
                    name={p('coordinate')}
                    label={t('pr.f.coordinateN', { n })}
                    col={t('pr.f.coordinate')}
                  >
                    <Select
                      name={p('coordinate')}
                      value={r.coordinate}
                      empty={t('pr.f.coordinateNone')}
                      groups={coordinateOptions(choices, r.coordinate, coordLabels)}
                    />
                  </Cell>
                  <Cell name={p('remove')} label={t('pr.f.removeTransitionN', { n })} col={t('pr.f.remove')}>
                    {r.id ? <Check name={p('remove')} checked={r.remove} /> : null}
                  </Cell>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="pd-help">{t('pr.f.budgetHint', { hours: minutesPerDay / 60 })}</p>
      <SubmitButton>{t('pr.save')}</SubmitButton>
    </Form>
  );
}
