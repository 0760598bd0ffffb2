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
 * The self-hosted anti-spam check (ALTCHA proof of work, Annex V.25). With JavaScript the browser solves
 * it by itself into the hidden `captcha` field. Without JavaScript, or when the browser cannot compute
 * it (crypto.subtle needs https or localhost), a signed question is shown instead and answered in the
 * `captchaAnswer` field (see app/lib/forms.ts captchaPayload). The question is in the server HTML with
 * class nojs-only (hidden by CSS once the inline script in root marks <html class="js">) rather than in
 * <noscript>, so it also shows when scripts are blocked without the browser's JS switch.
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
      {state === 'idle' || state === 'failed' ? (
        // Without JavaScript, or when the browser cannot compute (crypto.subtle needs https or
        // localhost): the question is the way through.
        <div className={state === 'idle' ? 'nojs-only' : undefined}>
          {state === 'idle' ? <p className="field-hint">{t('captcha.noscript')}</p> : null}
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
