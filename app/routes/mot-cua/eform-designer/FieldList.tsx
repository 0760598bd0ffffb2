import { fieldPositions, pathText } from '../../../../src/domain/eform-edit.ts';
import type { EformDefinition, EformField } from '../../../../src/domain/eform.ts';
import { EFORM_FIELD_TYPES } from '../../../../src/domain/eform.ts';
import { FieldMessage, fieldId } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { TextInput } from '../thu-tuc/inputs.tsx';
import { FieldPanel } from './FieldPanel.tsx';
import { TYPE_KEYS } from './words.ts';

interface Props {
  draft: EformDefinition;
  selected: string | null;
  errors: FieldErrors;
  catalogs: readonly SelectOption[];
  /** Changes when the inputs must start again from the draft (after a button, not while typing). */
  rev: number;
}

/** The page's own address with `#target`: without JavaScript, the answer opens where the change happened. */
const hash = (target: string) => `#${target}`;
export const rowId = (path: string) => fieldId(`row.${path}`);
const sectionId = (i: number) => `ed-section-${i}`;

/**
 * A button of the designer: a short verb on screen, and for screen readers what it acts on too
 * ("Chuyển lên: Họ và tên"); the name starts with the visible words (WCAG 2.5.3). `to` is the element
 * the page shows after the post (without JavaScript).
 */
function Act(p: { id?: string; value: string; verb: string; what: string; to: string }) {
  const { id, value, verb, what, to } = p;
  return (
    <button
      type="submit"
      id={id}
      name="intent"
      value={value}
      formAction={hash(to)}
      aria-label={`${verb}: ${what}`}
      className="button button-secondary button-small"
    >
      {verb}
    </button>
  );
}

/** The sections of the draft, each with its title, its fields as rows and "add field". */
export function Sections(props: Props) {
  const t = useT();
  const { draft, errors, rev } = props;
  const positions = fieldPositions(draft);
  return (
    <>
      {draft.sections.map((s, i) => {
        const what = s.title.trim() || t('ed.sectionN', { n: i + 1 });
        return (
          <fieldset key={i} id={sectionId(i)} className="fieldset ed-section" data-testid={`section-${i}`}>
            <legend>{t('ed.sectionN', { n: i + 1 })}</legend>
            <TextInput
              key={`s${i}:${rev}`}
              name={`section.${i}.title`}
              label={t('ed.sectionTitle', { n: i + 1 })}
              defaultValue={s.title}
              error={errors[`section.${i}.title`]}
            />
            <div className="toolbar">
              <Act
                id={`section-up-${i}`}
                value={`section-up:${i}`}
                verb={t('ed.sectionUp')}
                what={what}
                to={sectionId(Math.max(i - 1, 0))}
              />
              <Act
                id={`section-down-${i}`}
                value={`section-down:${i}`}
                to={sectionId(Math.min(i + 1, draft.sections.length - 1))}
                verb={t('ed.sectionDown')}
                what={what}
              />
              <Act value={`section-remove:${i}`} verb={t('ed.sectionRemove')} what={what} to="add-section" />
            </div>
            <Rows {...props} fields={s.fields} at={[i]} positions={positions} />
            <AddField container={[i]} where={what} count={s.fields.length} />
          </fieldset>
        );
      })}
    </>
  );
}

type Positions = ReturnType<typeof fieldPositions>;

function Rows(props: Props & { fields: readonly EformField[]; at: number[]; positions: Positions }) {
  const t = useT();
  const { fields, at, selected, errors, rev, positions, catalogs } = props;
  if (fields.length === 0) return <p className="field-hint">{t('ed.noFields')}</p>;
  return (
    <ol className="ed-fields">
      {fields.map((f, i) => {
        const path = pathText([...at, i]);
        const row = `row.${path}`;
        const what = f.label.trim() || f.key;
        const open = selected === path;
        return (
          <li
            key={i}
            id={fieldId(row)}
            tabIndex={-1}
            className={open ? 'ed-field is-open' : 'ed-field'}
            data-testid={`field-${f.key}`}
          >
            <p className="ed-field-head">
              <span className="ed-field-label">{what}</span> <code>{f.key}</code>{' '}
              <span className="ed-field-type">{t(TYPE_KEYS[f.type])}</span>
              {f.required ? <span className="badge badge-info">{t('ed.requiredMark')}</span> : null}
              {f.visibleWhen ? <span className="badge badge-off">{t('ed.conditionalMark')}</span> : null}
            </p>
            <FieldMessage id={fieldId(row)} error={errors[row]} />
            <div className="toolbar">
              {open ? null : (
                <Act
                  id={`select-${path}`}
                  value={`select:${path}`}
                  verb={t('ed.edit')}
                  what={what}
                  to={rowId(path)}
                />
              )}
              <Act
                id={`up-${path}`}
                value={`up:${path}`}
                verb={t('ed.up')}
                what={what}
                to={rowId(pathText([...at, Math.max(i - 1, 0)]))}
              />
              <Act
                id={`down-${path}`}
                value={`down:${path}`}
                verb={t('ed.down')}
                what={what}
                to={rowId(pathText([...at, Math.min(i + 1, fields.length - 1)]))}
              />
              <Act value={`remove:${path}`} verb={t('ed.remove')} what={what} to={sectionId(at[0] ?? 0)} />
            </div>
            {open ? (
              <FieldPanel
                key={`${path}:${rev}`}
                field={f}
                rowId={rowId(path)}
                others={positions
                  .filter((p) => pathText(p.path) !== path && p.field.key)
                  .filter((p, j, all) => all.findIndex((q) => q.field.key === p.field.key) === j)
                  .map((p) => ({
                    value: p.field.key,
                    label: `${p.field.label || p.field.key} (${p.field.key})`,
                  }))}
                catalogs={catalogs}
                errors={errors}
              />
            ) : null}
            {f.type === 'group' ? (
              <div className="ed-group">
                <Rows {...props} fields={f.fields} at={[...at, i]} />
                <AddField container={[...at, i]} where={what} count={f.fields.length} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The type of a new field and the button adding it to a section or a group. */
function AddField({ container, where, count }: { container: number[]; where: string; count: number }) {
  const t = useT();
  const c = pathText(container);
  return (
    <div className="ed-add">
      <SelectField
        name={`newType.${c}`}
        label={t('ed.newType', { where })}
        options={EFORM_FIELD_TYPES.map((x) => ({ value: x, label: t(TYPE_KEYS[x]) }))}
        defaultValue="text"
        markOptional={false}
      />
      <Act
        id={`add-${c}`}
        value={`add:${c}`}
        verb={t('ed.addField')}
        what={where}
        to={rowId(pathText([...container, count]))}
      />
    </div>
  );
}
