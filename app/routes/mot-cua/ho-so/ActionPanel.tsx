import { Form, Link } from 'react-router';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { useLang, useT } from '../../../i18n/index.ts';
import { ActionForm } from './ActionForm.tsx';
import type { Choice } from './ActionForm.tsx';
import { isOneClick } from './action-fields.ts';
import type { DossierActionData } from './dossier-action.server.ts';
import type { DossierView } from './dossier-view.server.ts';
import { actionWord } from './labels.ts';
import type { FileLimits } from './receipt-fields.ts';

interface Props {
  dossier: DossierView;
  /** The key of the open form (`?thao-tac=`). */
  open: string | null;
  choices: readonly Choice[];
  limits: FileLimits;
  state: DossierActionData | undefined;
  /** The procedure has a result template (the finish form offers its draft as the result). */
  resultTemplate: boolean;
}

type Action = DossierView['actions'][number];

/** The action's name: the process's own words for a move, the interface's words for the others. */
export function useActionLabel() {
  const t = useT();
  const lang = useLang();
  return (a: Action) => (a.action === 'move' || lang === 'vi' ? a.label : actionWord(t, a.action, a.label));
}

/**
 * What the official may do now (from the dossier's `actions`): actions without a field are one
 * button; the others open their form below (a link, so it works without JavaScript).
 */
export function ActionPanel({ dossier: d, open, choices, limits, state, resultTemplate }: Props) {
  const t = useT();
  const label = useActionLabel();
  if (d.actions.length === 0) return null;
  const current = open ? d.actions.find((a) => a.key === open) : undefined;
  return (
    <section className="ds-section" aria-labelledby="actions-title" id="thao-tac">
      <h2 id="actions-title">{t('ds.d.actions')}</h2>
      <ul className="ds-action-list" data-testid="actions">
        {d.actions.map((a) => (
          <li key={a.key}>
            {isOneClick(a) ? (
              <Form method="post" className="inline-form">
                <CsrfField />
                <input type="hidden" name="key" value={a.key} />
                <input type="hidden" name="rowVersion" value={d.rowVersion} />
                <ActionButton name="intent" value="do" small>
                  {label(a)}
                </ActionButton>
              </Form>
            ) : (
              <Link
                to={`?thao-tac=${encodeURIComponent(a.key)}#action-form`}
                aria-current={a.key === open ? 'true' : undefined}
                className={
                  a.key === open
                    ? 'button button-primary button-small'
                    : 'button button-secondary button-small'
                }
                preventScrollReset
              >
                {label(a)}
                {a.toStepName ? (
                  <span className="visually-hidden"> ({t('ds.a.toStep', { step: a.toStepName })})</span>
                ) : null}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {open && !current ? <Notice kind="warning">{t('ds.act.gone')}</Notice> : null}
      {current ? (
        <ActionForm
          key={`${current.key}-${state?.nonce ?? ''}`}
          action={current}
          dossier={d}
          choices={choices}
          limits={limits}
          state={state?.key === current.key ? state : undefined}
          resultTemplate={resultTemplate}
        />
      ) : null}
    </section>
  );
}
