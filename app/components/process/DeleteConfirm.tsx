import { useEffect, useRef } from 'react';
import type { ProcessDefinition } from '../../../src/domain/process.ts';
import type { Selection } from './editor-state.ts';
import type { ProcessWords } from './words.ts';

/** "Delete this step?" in the page (no modal): focus goes to the confirm button; Escape keeps it. */
export function DeleteConfirm({
  selection,
  def,
  words,
  onConfirm,
  onCancel,
}: {
  selection: Selection;
  def: ProcessDefinition;
  words: ProcessWords;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), [selection]);
  const t = words.t;
  let question: string;
  if (selection.kind === 'step') {
    const s = def.steps.find((x) => x.id === selection.id);
    question = t('pr.deleteStepConfirm', { name: s?.name || selection.id });
  } else {
    const tr = def.transitions.find((x) => x.id === selection.id);
    question = t('pr.deleteTransitionConfirm', { label: tr ? words.arrow(tr) : selection.id });
  }
  return (
    <div
      className="pd-confirm"
      role="alertdialog"
      aria-labelledby="pd-confirm-q"
      data-testid="delete-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id="pd-confirm-q">{question}</p>
      <div className="actions">
        <button type="button" ref={ref} className="button button-primary" onClick={onConfirm}>
          {t('pr.deleteYes')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('pr.cancel')}
        </button>
      </div>
    </div>
  );
}
