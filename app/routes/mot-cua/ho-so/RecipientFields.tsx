import { Field } from '../../../components/Field.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { ActionField } from './action-fields.ts';
import type { DossierView } from './dossier-view.server.ts';

interface Props {
  dossier: DossierView;
  v: (f: ActionField) => string;
  errors: FieldErrors;
}

/**
 * Who collects the result (II.10.1): the applicant in person or someone on their behalf, with name,
 * identity number and, for a proxy, the authorisation. Starts with the applicant's own details.
 */
export function RecipientFields({ dossier: d, v, errors }: Props) {
  const t = useT();
  const relation = v('relation') || 'self';
  const byPost = d.resultDelivery === 'postal';
  return (
    <fieldset className="fieldset" id="f-relation" tabIndex={-1}>
      <legend>{t('ds.a.recipient')}</legend>
      {byPost ? <p className="field-hint">{t('ds.a.recipientPostal')}</p> : null}
      <div className="ds-radios">
        {(['self', 'proxy'] as const).map((r) => (
          <div className="checkbox" key={r}>
            <input
              id={`f-relation-${r}`}
              type="radio"
              name="relation"
              value={r}
              defaultChecked={relation === r}
            />
            <label htmlFor={`f-relation-${r}`}>{t(r === 'self' ? 'ds.a.self' : 'ds.a.proxy')}</label>
          </div>
        ))}
      </div>
      <div className="ds-cols">
        <Field
          name="rName"
          label={t('ds.a.rName')}
          defaultValue={v('rName') || (byPost ? '' : d.applicant.fullName)}
          error={errors.rName}
          autoComplete="off"
          required={!byPost}
        />
        <Field
          name="rIdNumber"
          label={t('ds.a.rIdNumber')}
          defaultValue={v('rIdNumber') || (byPost ? '' : d.applicant.idNumber)}
          error={errors.rIdNumber}
          autoComplete="off"
          spellCheck={false}
          required={!byPost}
        />
        <Field
          name="rAuth"
          label={t('ds.a.rAuth')}
          hint={t('ds.a.rAuthHint')}
          defaultValue={v('rAuth')}
          error={errors.rAuth}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
