import type { ProcessProblem } from '../../../src/domain/process-validation.ts';
import { useT } from '../../i18n/index.ts';

interface Props {
  problems: readonly ProcessProblem[];
  /** With JavaScript: choosing a problem selects its step or arrow. */
  onPick?: ((p: ProcessProblem) => void) | undefined;
  /** Without JavaScript: a link to the row of the step or arrow, in the tables. */
  hrefOf?: ((p: ProcessProblem) => string | undefined) | undefined;
  /** A line under the heading (the longest path against the legal deadline). */
  note?: string | undefined;
}

/**
 * Every problem validateProcess finds, in its order, each leading to the step or arrow it concerns
 * (TT 22/2019 II.3.1–3.4). The count is announced politely when it changes.
 */
export function ProblemList({ problems, onPick, hrefOf, note }: Props) {
  const t = useT();
  const ok = problems.length === 0;
  return (
    <section
      className={ok ? 'pd-problems pd-ok' : 'pd-problems'}
      aria-labelledby="pd-problems-title"
      data-testid="process-problems"
    >
      <h2 id="pd-problems-title" className="visually-hidden">
        {t('pr.problemsTitle', { n: problems.length })}
      </h2>
      <p aria-live="polite" className="pd-problems-head">
        <strong>{ok ? t('pr.noProblems') : t('pr.problemsTitle', { n: problems.length })}</strong>
      </p>
      {note ? <p className="pd-help">{note}</p> : null}
      {!ok ? (
        <>
          {onPick ? <p className="pd-help">{t('pr.problemsHelp')}</p> : null}
          <ul>
            {problems.map((p, i) => {
              const target = p.stepId ?? p.transitionId;
              const href = hrefOf?.(p);
              return (
                <li key={`${p.code}-${target ?? ''}-${i}`} data-code={p.code}>
                  {onPick && target ? (
                    <button type="button" onClick={() => onPick(p)}>
                      {p.message}
                    </button>
                  ) : href ? (
                    <a href={href}>{p.message}</a>
                  ) : (
                    p.message
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
