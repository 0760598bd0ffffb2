import { describedBy, FieldMessage } from '../../../components/Field.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { COPY_TYPE_KEYS, COPY_TYPES } from './labels.ts';
import { useComponentNeed } from './ProcedureFacts.tsx';
import type { ComponentFact } from './receipt-data.server.ts';
import { compField } from './receipt-fields.ts';

interface Props {
  components: readonly ComponentFact[];
  v: (name: string) => string;
  errors: FieldErrors;
}

/**
 * The checklist of the procedure's components (II.5.1): for each, whether the counter received it,
 * as which kind of copy and how many. One row per component; every control is labelled with its name.
 */
export function ComponentsTable({ components, v, errors }: Props) {
  const t = useT();
  const need = useComponentNeed();
  if (components.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend>{t('ds.r.received')}</legend>
      <div className="table-wrap">
        <table className="data-table stack ds-components" data-testid="components">
          <caption className="visually-hidden">{t('ds.r.receivedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ds.r.col.component')}</th>
              <th scope="col">{t('ds.r.col.received')}</th>
              <th scope="col">{t('ds.r.col.copyType')}</th>
              <th scope="col">{t('ds.r.col.count')}</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c, i) => {
              const ids = {
                received: `f-${compField(i, 'received')}`,
                copyType: `f-${compField(i, 'copyType')}`,
                count: `f-${compField(i, 'count')}`,
              };
              const rowError =
                errors[compField(i, 'received')] ??
                errors[compField(i, 'copyType')] ??
                errors[compField(i, 'count')];
              return (
                <tr key={i} className={rowError ? 'field-error' : undefined}>
                  <th scope="row" data-label={t('ds.r.col.component')}>
                    <div>
                      {c.name}
                      {need(c) ? (
                        <>
                          <br />
                          <span className="muted">{need(c)}</span>
                        </>
                      ) : null}
                      <input type="hidden" name={compField(i, 'name')} value={c.name} />
                      <FieldMessage id={ids.count} error={rowError} />
                    </div>
                  </th>
                  <td data-label={t('ds.r.col.received')}>
                    <div className="checkbox">
                      <input
                        id={ids.received}
                        type="checkbox"
                        name={compField(i, 'received')}
                        defaultChecked={v(compField(i, 'received')) === 'on'}
                      />
                      <label htmlFor={ids.received}>
                        {t('ds.r.receivedYes')}
                        <span className="visually-hidden">: {c.name}</span>
                      </label>
                    </div>
                  </td>
                  <td data-label={t('ds.r.col.copyType')}>
                    <select
                      aria-label={t('ds.r.copyTypeOf', { name: c.name })}
                      id={ids.copyType}
                      name={compField(i, 'copyType')}
                      className="input"
                      defaultValue={v(compField(i, 'copyType'))}
                      aria-invalid={errors[compField(i, 'copyType')] ? true : undefined}
                    >
                      {COPY_TYPES.map((ct) => (
                        <option key={ct} value={ct}>
                          {t(COPY_TYPE_KEYS[ct])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label={t('ds.r.col.count')}>
                    <input
                      aria-label={t('ds.r.countOf', { name: c.name })}
                      id={ids.count}
                      name={compField(i, 'count')}
                      type="number"
                      min={0}
                      max={100}
                      inputMode="numeric"
                      className="input short"
                      defaultValue={v(compField(i, 'count'))}
                      aria-invalid={errors[compField(i, 'count')] ? true : undefined}
                      aria-describedby={describedBy(ids.count, undefined, rowError)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
