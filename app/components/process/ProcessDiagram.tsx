import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ProcessDefinition } from '../../../src/domain/process.ts';
import { EdgeGraphic, StepShape } from './DiagramParts.tsx';
import { diagramBounds, edgeShapes } from './geometry.ts';
import type { Bounds } from './geometry.ts';
import { useProcessWords } from './words.ts';
import type { ActorNames, ProcessWords } from './words.ts';

interface Props {
  definition: ProcessDefinition;
  /** The figure's caption and the drawing's accessible name ("Quy trình xử lý …"). */
  title: string;
  /** Dossiers at each step (II.24.1, reporting): a badge "3 hồ sơ" on the step. */
  counts?: Readonly<Record<string, number>> | undefined;
  /** The step a dossier is at, outlined. */
  current?: string | null | undefined;
  names?: ActorNames | undefined;
  minutesPerDay?: number | undefined;
  /** Leave out who acts at each step (the portal). */
  hideActors?: boolean | undefined;
  /** Something under the caption (a legend, a link). */
  children?: ReactNode;
}

/** The accessible name of a drawing: what it is and how big, and where its text version is. */
export function diagramSummary(words: ProcessWords, def: ProcessDefinition): string {
  return words.t('pr.diagram.summary', { steps: def.steps.length, transitions: def.transitions.length });
}

/**
 * A process definition drawn as a diagram (TT 22/2019 II.24.1), read-only: the same drawing on the
 * portal, on the back-office procedure page (with counts) and in the designer without JavaScript.
 * The drawing keeps its size and scrolls sideways inside its own frame on a narrow screen; a text
 * version (steps, who acts, time allowed, and where each action leads) follows it for screen readers
 * and for anyone who prefers reading.
 */
export function ProcessDiagram({
  definition,
  title,
  counts,
  current,
  names,
  minutesPerDay,
  hideActors,
  children,
}: Props) {
  const words = useProcessWords(names, minutesPerDay);
  const id = useId();
  const edges = edgeShapes(definition);
  const labels = new Map(definition.transitions.map((t) => [t.id, words.arrow(t)]));
  const box = diagramBounds(definition, edges, labels);
  return (
    <figure className="process-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="process-caption">
        {title}
      </figcaption>
      {children}
      <DiagramFrame label={words.t('pr.diagram.scroll', { title })}>
        <svg
          className="process-svg"
          role="img"
          aria-labelledby={`${id}-title`}
          viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
          width={box.width}
          height={box.height}
        >
          <title id={`${id}-title`}>{`${title}. ${diagramSummary(words, definition)}`}</title>
          <DiagramBody definition={definition} words={words} counts={counts} current={current} box={box} />
        </svg>
      </DiagramFrame>
      <ProcessTextList
        definition={definition}
        words={words}
        counts={counts}
        current={current}
        hideActors={hideActors}
      />
    </figure>
  );
}

/** The scrolling frame of a drawing: focusable, so keyboard users can scroll it too. */
export function DiagramFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrollable region must take focus (WCAG 2.1.1, axe scrollable-region-focusable).
    <div className="process-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function DiagramBody({
  definition,
  words,
  counts,
  current,
  box,
}: {
  definition: ProcessDefinition;
  words: ProcessWords;
  counts?: Readonly<Record<string, number>> | undefined;
  current?: string | null | undefined;
  box: Bounds;
}) {
  const edges = edgeShapes(definition);
  const byId = new Map(definition.transitions.map((t) => [t.id, t]));
  return (
    <>
      <rect className="pd-paper" x={box.x} y={box.y} width={box.width} height={box.height} />
      {definition.steps.map((s) => (
        <StepShape key={s.id} step={s} words={words} count={counts?.[s.id]} highlighted={current === s.id} />
      ))}
      {edges.map((e) => {
        const t = byId.get(e.id);
        return t ? <EdgeGraphic key={e.id} edge={e} label={words.arrow(t)} kind={t.action} /> : null;
      })}
    </>
  );
}

/** The diagram as text: each step in order, what it is, who acts, its time, and its arrows. */
export function ProcessTextList({
  definition,
  words,
  counts,
  current,
  hideActors,
  idPrefix,
}: {
  definition: ProcessDefinition;
  words: ProcessWords;
  counts?: Readonly<Record<string, number>> | undefined;
  current?: string | null | undefined;
  hideActors?: boolean | undefined;
  /** Gives each item the id prefix + step or arrow id (one text list per page uses it). */
  idPrefix?: string | undefined;
}) {
  const names = new Map(definition.steps.map((s) => [s.id, s.name]));
  return (
    <details className="process-text">
      <summary>{words.t('pr.diagram.textVersion')}</summary>
      <ol data-testid="process-steps">
        {definition.steps.map((s) => {
          const out = definition.transitions.filter((t) => t.from === s.id);
          const count = counts?.[s.id];
          return (
            <li key={s.id} data-step-id={s.id} id={idPrefix ? `${idPrefix}${s.id}` : undefined}>
              <strong>{s.name || '—'}</strong> ({words.kind(s.kind)}
              {s.onlineEntry ? `, ${words.t('pr.onlineEntry')}` : ''}).{' '}
              {hideActors ? '' : `${words.actor(s.actor)}. `}
              {words.t('pr.text.budget', { budget: words.budget(s.budgetMinutes) })}
              {count !== undefined ? ` ${words.count(count)}.` : ''}
              {current === s.id ? ` ${words.t('pr.text.current')}` : ''}
              {out.length > 0 ? (
                <ul>
                  {out.map((t) => (
                    <li key={t.id} data-transition-id={t.id} id={idPrefix ? `${idPrefix}${t.id}` : undefined}>
                      {words.t('pr.text.arrow', {
                        label: words.arrow(t),
                        to: names.get(t.to) ?? t.to,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
