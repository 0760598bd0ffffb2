import { useEffect, useState } from 'react';
import type { CaptchaChallenge } from '../../src/modules/accounts/captcha.ts';
import { useLang, useT } from '../i18n/index.ts';
import { solveAltcha } from '../lib/altcha.ts';
import { FieldMessage, fieldId } from './Field.tsx';
import { LoadingIndicator } from './LoadingIndicator.tsx';

interface Props {
  challenge: CaptchaChallenge | undefined;
  error?: string | undefined;
  /** Told false while solving and true once the hidden `captcha` field holds a solution. */
  onReadyChange?: ((ready: boolean) => void) | undefined;
}

/**
 * The self-hosted proof-of-work check (ALTCHA, Annex V.25). With JavaScript the browser solves it by
 * itself into the hidden `captcha` field; without JavaScript it cannot be solved, and the page says so
 * (the server then refuses the form with a clear message; nothing typed is lost). The message is in the
 * server HTML (class nojs-only, hidden by CSS as soon as the inline script in root marks <html class="js">)
 * rather than in <noscript>, so it also shows when scripts are blocked without the browser's JS switch.
 */
export function Captcha({ challenge, error, onReadyChange }: Props) {
  const t = useT();
  const lang = useLang();
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const [payload, setPayload] = useState('');
  const signature = challenge?.signature;

  useEffect(() => {
    if (!challenge) return;
    const abort = new AbortController();
    setState('working');
    setPayload('');
    onReadyChange?.(false);
    solveAltcha(challenge, abort.signal)
      .then((solution) => {
        if (abort.signal.aborted) return;
        if (solution) {
          setPayload(solution);
          setState('done');
          onReadyChange?.(true);
        } else {
          setState('failed');
        }
      })
      .catch(() => setState('failed'));
    return () => abort.abort();
    // The challenge object is new on every render; its signature identifies it.
  }, [signature]);

  if (!challenge) return null;
  const id = fieldId('captcha');
  return (
    <div
      className={error ? 'field field-error captcha' : 'field captcha'}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <p className="field-label">{t('captcha.legend')}</p>
      <FieldMessage id={id} error={error} />
      <input type="hidden" name="captcha" value={payload} />
      {state === 'idle' ? (
        <div className="nojs-only">
          <p className="field-hint">{t('captcha.noscript')}</p>
          <input type="hidden" name="captchaQuestion" value={challenge.question.token} />
          <label htmlFor={`${id}-answer`} className="field-label">
            {lang === 'en' ? challenge.question.textEn : challenge.question.text}
          </label>
          <input
            id={`${id}-answer`}
            name="captchaAnswer"
            className="input input-short"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
          />
        </div>
      ) : null}
      <div className="captcha-status">
        {state === 'working' ? <LoadingIndicator label={t('captcha.working')} /> : null}
        {state === 'done' ? <p role="status">{t('captcha.done')}</p> : null}
        {state === 'failed' ? <p role="alert">{t('captcha.failed')}</p> : null}
      </div>
    </div>
  );
}
