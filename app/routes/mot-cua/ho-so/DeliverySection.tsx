import { useEffect, useState } from 'react';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { Place } from './receipt-data.server.ts';

interface Props {
  v: (name: string) => string;
  errors: FieldErrors;
  provinces: readonly SelectOption[];
  /** Communes of the province chosen before the last post (the no-JavaScript path). */
  communes: readonly Place[];
}

/** The communes of a province from the shared catalog's public API (with JavaScript, on change). */
async function fetchCommunes(province: string): Promise<Place[]> {
  const res = await fetch(`/api/catalogs/commune?parent=${encodeURIComponent(province)}&limit=500`);
  if (!res.ok) return [];
  const body = (await res.json()) as { items: { code: string; name: string }[] };
  return body.items.map((i) => ({ code: i.code, name: i.name }));
}

/**
 * How the result is delivered (II.5.1): at the counter, or by post to a name, phone and address whose
 * province and commune come from the shared catalogs. The postal fields show when post is chosen
 * (CSS :has, so without JavaScript too); the communes follow the province (a button without JavaScript).
 */
export function DeliverySection({ v, errors, provinces, communes }: Props) {
  const t = useT();
  const [province, setProvince] = useState(v('pProvince'));
  const [options, setOptions] = useState<readonly Place[]>(communes);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (!enhanced) return;
    let live = true;
    if (!province) setOptions([]);
    else void fetchCommunes(province).then((c) => live && setOptions(c));
    return () => {
      live = false;
    };
  }, [province, enhanced]);
  const postal = v('delivery') === 'postal';
  return (
    <fieldset className="fieldset ds-delivery">
      <legend>{t('ds.r.delivery')}</legend>
      <div className="ds-radios" role="radiogroup" aria-label={t('ds.r.delivery')}>
        {(['counter', 'postal'] as const).map((d) => (
          <div className="checkbox" key={d}>
            <input
              id={`f-delivery-${d}`}
              type="radio"
              name="delivery"
              value={d}
              defaultChecked={d === 'postal' ? postal : !postal}
            />
            <label htmlFor={`f-delivery-${d}`}>{t(`ds.r.delivery.${d}`)}</label>
          </div>
        ))}
      </div>
      <div className="ds-postal" id="f-delivery">
        <p className="field-hint">{t('ds.r.postalHint')}</p>
        <div className="ds-cols">
          <Field
            name="pName"
            label={t('ds.r.pName')}
            defaultValue={v('pName')}
            error={errors.pName}
            required
          />
          <Field
            name="pPhone"
            label={t('ds.r.pPhone')}
            type="tel"
            inputMode="tel"
            defaultValue={v('pPhone')}
            error={errors.pPhone}
            required
          />
          <div
            className="field-wrap"
            onChange={(e) => {
              if (e.target instanceof HTMLSelectElement) setProvince(e.target.value);
            }}
          >
            <SelectField
              name="pProvince"
              label={t('ds.r.pProvince')}
              options={provinces}
              defaultValue={v('pProvince')}
              placeholder={t('adm.choose')}
              error={errors.pProvince}
              required
            />
          </div>
          <SelectField
            key={options.map((o) => o.code).join()}
            name="pCommune"
            label={t('ds.r.pCommune')}
            hint={options.length ? undefined : t('ds.r.pCommuneHint')}
            options={options.map((o) => ({ value: o.code, label: o.name }))}
            defaultValue={v('pCommune')}
            placeholder={t('adm.choose')}
            error={errors.pCommune}
            required
          />
        </div>
        {enhanced ? null : (
          <p>
            <ActionButton name="intent" value="communes" small>
              {t('ds.r.loadCommunes')}
            </ActionButton>
          </p>
        )}
        <Field
          name="pAddress"
          label={t('ds.r.pAddress')}
          defaultValue={v('pAddress')}
          error={errors.pAddress}
          required
        />
      </div>
    </fieldset>
  );
}
