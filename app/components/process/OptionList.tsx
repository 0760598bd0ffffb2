import type { Option, OptionGroup } from './choices.ts';

/** The <option>s of a designer select: an optional empty choice, plain options, then labelled groups. */
export function OptionList({
  options,
  groups,
  empty,
}: {
  options: readonly Option[];
  groups: readonly OptionGroup[];
  empty?: string | undefined;
}) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
