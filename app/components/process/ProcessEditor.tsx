import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useFetcher } from 'react-router';
import type { ProcessDefinition } from '../../../src/domain/process.ts';
import { deadlineWorkingMinutes, longestBudgetPath } from '../../../src/domain/process-budget.ts';
import { PROCESS_PROBLEM_CODES, validateProcess } from '../../../src/domain/process-validation.ts';
import type { ProcessProblem } from '../../../src/domain/process-validation.ts';
import type { Deadline } from '../../../src/domain/procedure.ts';
import { useRootData } from '../../lib/root-data.ts';
import { Canvas, TEXT_ID } from './Canvas.tsx';
import type { ProcessChoices } from './choices.ts';
import { DeleteConfirm } from './DeleteConfirm.tsx';
import { editorReducer, initialState, stillApplies } from './editor-state.ts';
import type { Selection } from './editor-state.ts';
import { PanelInput } from './PanelFields.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ProcessTextList } from './ProcessDiagram.tsx';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { useProcessWords } from './words.ts';
import type { ActorNames } from './words.ts';

/** What the page's action answers to a save from the designer (intent=save-json). */
export type SaveResult =
  | { intent: 'save-json'; ok: true; rowVersion: number; problems: ProcessProblem[] }
  | { intent: 'save-json'; ok: false; conflict: boolean; message: string; details: string[] };

/** Problems only the server finds (records that do not exist): validateProcess finds the others live. */
const serverOnly = (problems: readonly ProcessProblem[]) =>
  problems.filter((p) => !(PROCESS_PROBLEM_CODES as readonly string[]).includes(p.code));

interface Props {
  initial: ProcessDefinition;
  /** The problems the server found when the page was read. */
  serverProblems: readonly ProcessProblem[];
  rowVersion: number;
  legalDeadline: Deadline | null;
  minutesPerDay: number;
  choices: ProcessChoices;
  names: ActorNames;
  /** The drawing's accessible name. */
  title: string;
  /** Gets the latest copy from the server (after a conflict). */
  onReload: () => void;
  /** Publication and discard, given the current row version and whether there are unsaved changes. */
  footer: (state: { rowVersion: number; dirty: boolean }) => ReactNode;
}

/**
 * The process designer with JavaScript (TT 22/2019 II.3.1–3.4, II.24.1): the drawing, the properties
 * of what is selected, every validation problem as you edit, and saving the draft with the row
 * version it was read at (a stale copy gets the conflict message and a way to reload).
 */
export function ProcessEditor(props: Props) {
  const { minutesPerDay, legalDeadline } = props;
  const words = useProcessWords(props.names, minutesPerDay);
  const t = words.t;
  const [state, dispatch] = useReducer(editorReducer, props.initial, initialState);
  const [rowVersion, setRowVersion] = useState(props.rowVersion);
  const [pending, setPending] = useState<Selection | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const fetcher = useFetcher<SaveResult>();
  const submitted = useRef<string | null>(null);
  const csrf = useRootData()?.csrfToken ?? '';
  const [extra, setExtra] = useState({ problems: serverOnly(props.serverProblems), checked: props.initial });
  const { def, selected, dirty } = state;

  const problems = useMemo(
    () => [
      ...validateProcess(def, { legalDeadline, minutesPerWorkingDay: minutesPerDay }),
      ...extra.problems.filter((p) => stillApplies(p, extra.checked, def)),
    ],
    [def, legalDeadline, minutesPerDay, extra],
  );
  const problemSteps = useMemo(
    () => new Set(problems.flatMap((p) => (p.stepId ? [p.stepId] : []))),
    [problems],
  );
  const longest = useMemo(() => longestBudgetPath(def), [def]);
  const limit = deadlineWorkingMinutes(legalDeadline, minutesPerDay);

  useEffect(() => {
    const d = fetcher.data;
    if (fetcher.state !== 'idle' || !d) return;
    if (d.ok) {
      setRowVersion(d.rowVersion);
      if (submitted.current)
        setExtra({
          problems: serverOnly(d.problems),
          checked: JSON.parse(submitted.current) as ProcessDefinition,
        });
      if (JSON.stringify(def) === submitted.current) dispatch({ type: 'saved' });
      setJustSaved(true);
    }
    // Only a new answer from the server matters here, not later edits.
  }, [fetcher.state, fetcher.data]);

  useEffect(() => {
    if (dirty) setJustSaved(false);
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = () => {
    const json = JSON.stringify(def);
    submitted.current = json;
    void fetcher.submit(
      { intent: 'save-json', definition: json, rowVersion: String(rowVersion), _csrf: csrf },
      { method: 'post' },
    );
  };
  const saving = fetcher.state !== 'idle';
  const refused = fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? fetcher.data : null;

  const focusOnCanvas = (sel: Selection) => {
    const attr = sel.kind === 'step' ? 'data-step' : 'data-transition';
    const el = document.querySelector<SVGGElement>(
      `[data-testid="process-canvas"] [${attr}="${CSS.escape(sel.id)}"]`,
    );
    el?.focus();
  };
  const pick = (p: ProcessProblem) => {
    const sel: Selection | null = p.stepId
      ? { kind: 'step', id: p.stepId }
      : p.transitionId
        ? { kind: 'transition', id: p.transitionId }
        : null;
    if (!sel) return;
    dispatch({ type: 'select', selection: sel });
    requestAnimationFrame(() => focusOnCanvas(sel));
  };

  let status = '';
  if (saving) status = t('pr.saving');
  else if (dirty) status = t('pr.unsaved');
  else if (justSaved) status = t('pr.saved');

  return (
    <div
      className="pd-designer"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          if (!saving) save();
        }
      }}
    >
      <div className="pd-toolbar">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => dispatch({ type: 'addStep', name: t('pr.newStepName') })}
        >
          {t('pr.addStep')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={save}
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {t('pr.save')}
        </button>
        <span role="status" data-testid="save-status">
          {status}
        </span>
      </div>
      {refused ? (
        <div
          className="error-summary"
          role="alert"
          data-testid={refused.conflict ? 'conflict' : 'save-refused'}
        >
          <p>{refused.conflict ? t('pr.conflict') : refused.message}</p>
          {refused.details.length ? (
            <ul>
              {refused.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
          {refused.conflict ? (
            <button type="button" className="button button-secondary" onClick={props.onReload}>
              {t('pr.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <PanelInput
        id="pd-process-name"
        label={t('pr.f.name')}
        value={def.name}
        onChange={(name) => dispatch({ type: 'rename', name })}
      />
      <ProblemList
        problems={problems}
        onPick={pick}
        note={
          longest || limit !== null
            ? t('pr.longest', {
                total: words.budget(longest?.minutes ?? 0),
                limit: limit === null ? t('pr.meta.deadlineNone') : words.budget(limit),
              })
            : undefined
        }
      />
      {pending ? (
        <DeleteConfirm
          selection={pending}
          def={def}
          words={words}
          onConfirm={() => {
            dispatch(
              pending.kind === 'step'
                ? { type: 'deleteStep', id: pending.id }
                : { type: 'deleteTransition', id: pending.id },
            );
            setPending(null);
          }}
          onCancel={() => {
            const back = pending;
            setPending(null);
            requestAnimationFrame(() => focusOnCanvas(back));
          }}
        />
      ) : null}
      <div className="pd-editor">
        <div>
          <p id="pd-canvas-title" className="process-caption">
            {props.title}
          </p>
          <p id="pd-canvas-help" className="pd-help">
            {t('pr.canvasHelp')}
          </p>
          <Canvas
            def={def}
            selected={selected}
            problemSteps={problemSteps}
            words={words}
            dispatch={dispatch}
            onDelete={setPending}
            labelId="pd-canvas-title"
            helpId="pd-canvas-help"
          />
          <ProcessTextList definition={def} words={words} idPrefix={TEXT_ID} />
        </div>
        <PropertiesPanel
          def={def}
          selected={selected}
          dispatch={dispatch}
          choices={props.choices}
          words={words}
          minutesPerDay={minutesPerDay}
          onDelete={setPending}
        />
      </div>
      {props.footer({ rowVersion, dirty })}
    </div>
  );
}
