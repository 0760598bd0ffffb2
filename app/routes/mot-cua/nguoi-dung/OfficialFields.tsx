import { parseVnDate } from '../../../../src/domain/datetime.ts';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

/** Profile fields of an official, shared by the create and edit forms (in the order shown). */
export const PROFILE_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'idNumber',
  'address',
  'departmentId',
  'positionCode',
  'title',
  'email',
  'phone',
] as const;
export type ProfileValues = Record<(typeof PROFILE_FIELDS)[number], string>;

interface Props {
  values: Partial<ProfileValues>;
  errors: FieldErrors;
  departments: readonly SelectOption[];
  positions: readonly SelectOption[];
}

/** Work (department, position, title) and personal details; the caller adds account fields around them. */
export function OfficialFields({ values, errors, departments, positions }: Props) {
  const t = useT();
  return (
    <div className="form-grid">
      <fieldset className="fieldset">
        <legend>{t('users.personalLegend')}</legend>
        <Field
          name="fullName"
          label={t('users.fullName')}
          error={errors.fullName}
          defaultValue={values.fullName}
          autoComplete="off"
          required
        />
        <Field
          name="birthDate"
          label={t('users.birthDate')}
          hint={t('users.birthDateHint')}
          error={errors.birthDate}
          defaultValue={values.birthDate}
          autoComplete="off"
        />
        <SelectField
          name="gender"
          label={t('users.gender')}
          options={[
            { value: 'male', label: t('users.gender.male') },
            { value: 'female', label: t('users.gender.female') },
            { value: 'other', label: t('users.gender.other') },
          ]}
          placeholder={t('adm.notStated')}
          error={errors.gender}
          defaultValue={values.gender}
        />
        <Field
          name="idNumber"
          label={t('users.idNumber')}
          hint={t('users.idNumberHint')}
          error={errors.idNumber}
          defaultValue={values.idNumber}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          name="address"
          label={t('users.address')}
          error={errors.address}
          defaultValue={values.address}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('users.workLegend')}</legend>
        <SelectField
          name="departmentId"
          label={t('users.department')}
          options={departments}
          placeholder={t('users.noDepartment')}
          error={errors.departmentId}
          defaultValue={values.departmentId}
        />
        <SelectField
          name="positionCode"
          label={t('users.position')}
          hint={t('users.positionHint')}
          options={positions}
          placeholder={t('users.noPosition')}
          error={errors.positionCode}
          defaultValue={values.positionCode}
        />
        <Field
          name="title"
          label={t('users.titleField')}
          hint={t('users.titleHint')}
          error={errors.title}
          defaultValue={values.title}
        />
        <Field
          name="email"
          type="email"
          label={t('users.email')}
          error={errors.email}
          defaultValue={values.email}
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          name="phone"
          type="tel"
          label={t('users.phone')}
          hint={t('register.phoneHint')}
          error={errors.phone}
          defaultValue={values.phone}
          inputMode="tel"
          autoComplete="off"
        />
      </fieldset>
    </div>
  );
}

/** Form text → the optional fields of OfficialCreate/OfficialUpdate ('' means none). */
export function profileInput(v: ProfileValues, emptyAs: null | undefined) {
  const opt = (s: string) => (s.trim() === '' ? emptyAs : s);
  return {
    fullName: v.fullName,
    email: opt(v.email),
    phone: opt(v.phone),
    departmentId: v.departmentId === '' ? null : v.departmentId,
    positionCode: v.positionCode === '' ? null : v.positionCode,
    title: v.title,
    // People type DD/MM/YYYY; the schema wants YYYY-MM-DD (anything unreadable is passed on to fail there).
    birthDate: v.birthDate.trim() === '' ? null : (parseVnDate(v.birthDate) ?? v.birthDate),
    gender: v.gender === '' ? null : v.gender,
    idNumber: v.idNumber.trim() === '' ? null : v.idNumber,
    address: v.address,
  };
}

/** The schema's message for an unreadable date speaks of YYYY-MM-DD; people type DD/MM/YYYY. */
export function birthDateUnreadable(v: Pick<ProfileValues, 'birthDate'>): boolean {
  return v.birthDate.trim() !== '' && !parseVnDate(v.birthDate);
}
