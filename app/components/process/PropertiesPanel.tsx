import { useState } from 'react';
import type { Dispatch } from 'react';
import { ACTION_KINDS, STEP_KINDS } from '../../../src/domain/process.ts';
import type {
  ActionKind,
  ProcessDefinition,
  ProcessStep,
  ProcessTransition,
  StepKind,
} from '../../../src/domain/process.ts';
import { parseBudget, splitMinutes } from './budget.ts';
import {
  actorOptions,
  actorValue,
  coordinateOptions,
  coordinateValue,
  parseActorValue,
  parseCoordinateValue,
} from './choices.ts';
import type { ProcessChoices } from './choices.ts';
import type { EditorAction, Selection } from './editor-state.ts';
import { PanelCheckbox, PanelInput, PanelSelect } from './PanelFields.tsx';
import type { ProcessWords } from './words.ts';

interface Props {
  def: ProcessDefinition;
  selected: Selection | null;
  dispatch: Dispatch<EditorAction>;
  choices: ProcessChoices;
  words: ProcessWords;
  minutesPerDay: number;
  onDelete: (selection: Selection) => void;
}

/**
 * The properties of the selected step or arrow, edited in place (every change is validated at
 * once), and a form that connects two steps without dragging: the keyboard way to draw an arrow.
 */
export function PropertiesPanel(props: Props) {
  const { def, selected, words } = props;
  const step = selected?.kind === 'step' ? def.steps.find((s) => s.id === selected.id) : undefined;
  const tr = selected?.kind === 'transition' ? def.transitions.find((t) => t.id === selected.id) : undefined;
  return (
    <aside className="pd-panel" aria-labelledby="pd-panel-title" data-testid="process-panel">
      <h2 id="pd-panel-title">{words.t('pr.panelTitle')}</h2>
      {step ? <StepProps key={step.id} step={step} {...props} /> : null}
      {tr ? <TransitionProps key={tr.id} tr={tr} {...props} /> : null}
      {!step && !tr ? <p className="pd-help">{words.t('pr.panelEmpty')}</p> : null}
      <ConnectForm key={`connect-${step?.id ?? ''}`} {...props} from={step?.id} />
    </aside>
  );
}

function StepProps({
  step,
  dispatch,
  choices,
  words,
  minutesPerDay,
  onDelete,
}: Props & { step: ProcessStep }) {
  const t = words.t;
  const update = (patch: Partial<ProcessStep>) => dispatch({ type: 'updateStep', id: step.id, patch });
  const split = splitMinutes(step.budgetMinutes, minutesPerDay);
  const [typed, setTyped] = useState({
    days: String(split.days),
    hours: String(split.hours),
    minutes: String(split.minutes),
  });
  const [bad, setBad] = useState<string | null>(null);
  const setPart = (part: keyof typeof typed, value: string) => {
    const next = { ...typed, [part]: value };
    setTyped(next);
    const r = parseBudget(next, minutesPerDay);
    setBad(r.ok ? null : r.part);
    if (r.ok) update({ budgetMinutes: r.minutes });
  };
  const current = actorValue(step.actor);
  return (
    <div data-testid="step-props">
      <h3>{t('pr.stepTitle', { name: step.name || step.id })}</h3>
      <PanelInput
        id="pd-step-name"
        label={t('pr.f.stepName')}
        value={step.name}
        onChange={(name) => update({ name })}
      />
      <PanelSelect
        id="pd-step-kind"
        label={t('pr.f.kind')}
        value={step.kind}
        options={STEP_KINDS.map((k) => ({ value: k, label: words.kind(k) }))}
        onChange={(v) => update({ kind: v as StepKind, ...(v === 'receive' ? {} : { onlineEntry: false }) })}
      />
      <PanelSelect
        id="pd-step-actor"
        label={t('pr.f.actor')}
        value={current}
        empty={t('pr.f.actorNone')}
        groups={actorOptions(
          choices,
          current,
          {
            roles: t('pr.f.actorRoles'),
            departments: t('pr.f.actorDepartments'),
            groups: t('pr.f.actorGroups'),
            kept: t('pr.f.actorKept'),
          },
          (v) => words.actor(parseActorValue(v)),
        )}
        onChange={(v) => update({ actor: parseActorValue(v) })}
      />
      <fieldset className="fieldset">
        <legend>{t('pr.f.budget')}</legend>
        <p className="field-hint">{t('pr.f.budgetHint', { hours: minutesPerDay / 60 })}</p>
        <div className="pd-budget-row">
          {(['days', 'hours', 'minutes'] as const).map((part) => (
            <PanelInput
              key={part}
              id={`pd-step-${part}`}
              label={t(`pr.f.${part}`)}
              value={typed[part]}
              inputMode="numeric"
              error={bad === part ? t('pr.err.budget') : undefined}
              onChange={(v) => setPart(part, v)}
            />
          ))}
        </div>
      </fieldset>
      {step.kind === 'receive' ? (
        <PanelCheckbox
          id="pd-step-online"
          label={t('pr.f.online')}
          checked={Boolean(step.onlineEntry)}
          onChange={(onlineEntry) => update({ onlineEntry })}
        />
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onDelete({ kind: 'step', id: step.id })}
      >
        {t('pr.deleteStep')}
      </button>
    </div>
  );
}

function stepOptions(def: ProcessDefinition) {
  return def.steps.map((s) => ({ value: s.id, label: s.name || s.id }));
}

function actionOptions(words: ProcessWords) {
  return ACTION_KINDS.map((a) => ({ value: a, label: words.action(a) }));
}

function TransitionProps({ tr, def, dispatch, choices, words, onDelete }: Props & { tr: ProcessTransition }) {
  const t = words.t;
  const update = (patch: Partial<ProcessTransition>) =>
    dispatch({ type: 'updateTransition', id: tr.id, patch });
  const coord = coordinateValue(tr.coordinateWith);
  return (
    <div data-testid="transition-props">
      <h3>{t('pr.transitionTitle', { label: words.arrow(tr) })}</h3>
      <PanelSelect
        id="pd-tr-from"
        label={t('pr.f.from')}
        value={tr.from}
        options={stepOptions(def)}
        onChange={(from) => update({ from })}
      />
      <PanelSelect
        id="pd-tr-to"
        label={t('pr.f.to')}
        value={tr.to}
        options={stepOptions(def)}
        onChange={(to) => update({ to })}
      />
      <PanelSelect
        id="pd-tr-action"
        label={t('pr.f.action')}
        value={tr.action}
        options={actionOptions(words)}
        onChange={(v) => update({ action: v as ActionKind })}
      />
      <PanelInput
        id="pd-tr-label"
        label={t('pr.f.label')}
        hint={t('pr.f.labelHint')}
        value={tr.label ?? ''}
        onChange={(label) => update({ label })}
      />
      {tr.action === 'coordinate' || coord ? (
        <PanelSelect
          id="pd-tr-coordinate"
          label={t('pr.f.coordinate')}
          value={coord}
          empty={t('pr.f.coordinateNone')}
          groups={coordinateOptions(choices, coord, {
            departments: t('pr.f.coordDepartments'),
            agencies: t('pr.f.coordAgencies'),
            kept: t('pr.f.actorKept'),
          })}
          onChange={(v) => update({ coordinateWith: parseCoordinateValue(v) })}
        />
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onDelete({ kind: 'transition', id: tr.id })}
      >
        {t('pr.deleteTransition')}
      </button>
    </div>
  );
}

function ConnectForm({ def, dispatch, words, from: initialFrom }: Props & { from?: string | undefined }) {
  const t = words.t;
  const [from, setFrom] = useState(initialFrom ?? '');
  const [to, setTo] = useState('');
  const [action, setAction] = useState<ActionKind>('forward');
  if (def.steps.length < 1) return null;
  const choose = t('pr.f.choose');
  return (
    <fieldset className="fieldset" data-testid="connect-form">
      <legend>{t('pr.connectTitle')}</legend>
      <PanelSelect
        id="pd-c-from"
        label={t('pr.f.from')}
        value={from}
        empty={choose}
        options={stepOptions(def)}
        onChange={setFrom}
      />
      <PanelSelect
        id="pd-c-to"
        label={t('pr.f.to')}
        value={to}
        empty={choose}
        options={stepOptions(def)}
        onChange={setTo}
      />
      <PanelSelect
        id="pd-c-action"
        label={t('pr.f.action')}
        value={action}
        options={actionOptions(words)}
        onChange={(v) => setAction(v as ActionKind)}
      />
      <button
        type="button"
        className="button button-secondary"
        disabled={!from || !to}
        onClick={() => dispatch({ type: 'connect', from, to, action })}
      >
        {t('pr.connect')}
      </button>
    </fieldset>
  );
}
