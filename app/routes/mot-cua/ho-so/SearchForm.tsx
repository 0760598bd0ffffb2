import { DOSSIER_STATUSES } from '../../../../src/domain/dossier-status.ts';
import { Field } from '../../../components/Field.tsx';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { DUE_KEYS, DUE_VALUES, statusKey } from './labels.ts';
import type { SearchValues } from './search-fields.ts';

interface Props {
  list: string;
  values: SearchValues;
  errors: FieldErrors;
  fields: readonly SelectOption[];
}

/** Search within the selected list by any combination of the criteria of II.23 (a GET form). */
export function SearchForm({ list, values, errors, fields }: Props) {
  const t = useT();
  return (
    <FilterForm
      label={t('ds.searchLabel')}
      submitLabel={t('admin.search')}
      clearTo={`/mot-cua/ho-so?ds=${list}`}
    >
      <input type="hidden" name="ds" value={list} />
      <div className="filters-grid">
        <SearchField name="ma-ho-so" label={t('ds.f.code')} defaultValue={values['ma-ho-so']} />
        <SearchField name="q" label={t('ds.f.q')} hint={t('ds.f.qHint')} defaultValue={values.q} />
        <SelectField
          name="trang-thai"
          label={t('ds.f.status')}
          options={DOSSIER_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          defaultValue={values['trang-thai']}
          placeholder={t('admin.all')}
          markOptional={false}
        />
        <SearchField name="thu-tuc" label={t('ds.f.procedure')} defaultValue={values['thu-tuc']} />
        <SelectField
          name="linh-vuc"
          label={t('ds.f.field')}
          options={fields}
          defaultValue={values['linh-vuc']}
          placeholder={t('admin.all')}
          markOptional={false}
        />
        <Field
          name="tu-ngay"
          label={t('ds.f.from')}
          hint={t('admin.dateHint')}
          error={errors['tu-ngay']}
          defaultValue={values['tu-ngay']}
        />
        <Field
          name="den-ngay"
          label={t('ds.f.to')}
          hint={t('admin.dateHint')}
          error={errors['den-ngay']}
          defaultValue={values['den-ngay']}
        />
        <SelectField
          name="han"
          label={t('ds.f.due')}
          options={DUE_VALUES.map((d) => ({ value: d, label: t(DUE_KEYS[d]) }))}
          defaultValue={values.han}
          placeholder={t('admin.all')}
          markOptional={false}
        />
      </div>
    </FilterForm>
  );
}
