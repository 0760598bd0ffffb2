import type { ProcessTransition, StepActor } from '../../../src/domain/process.ts';

/**
 * Who may act at a step and whom an arrow may consult, as the designer offers them, and how a choice
 * is written in a <select> value ("role:can_bo_thu_ly", "department:<id>", "agency:<id>"), the same
 * with and without JavaScript.
 */
export interface ProcessChoices {
  roles: { code: string; label: string }[];
  departments: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  /** Agencies an arrow may consult (coordinate). */
  agencies: { id: string; name: string }[];
}

export const NO_CHOICES: ProcessChoices = { roles: [], departments: [], groups: [], agencies: [] };

export function actorValue(actor: StepActor | null): string {
  if (!actor) return '';
  switch (actor.kind) {
    case 'role':
      return `role:${actor.role}`;
    case 'department':
      return `department:${actor.departmentId}`;
    case 'group':
      return `group:${actor.groupId}`;
    case 'officials':
      return `officials:${actor.officialIds.join(',')}`;
  }
}

/** The actor of a select value; null for '' and anything not of the four shapes. */
export function parseActorValue(value: string): StepActor | null {
  const i = value.indexOf(':');
  if (i < 0) return null;
  const kind = value.slice(0, i);
  const rest = value.slice(i + 1).trim();
  if (!rest) return null;
  switch (kind) {
    case 'role':
      return { kind: 'role', role: rest };
    case 'department':
      return { kind: 'department', departmentId: rest };
    case 'group':
      return { kind: 'group', groupId: rest };
    case 'officials': {
      const officialIds = rest
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return officialIds.length ? { kind: 'officials', officialIds } : null;
    }
    default:
      return null;
  }
}

type Coordinate = NonNullable<ProcessTransition['coordinateWith']>;

export function coordinateValue(c: ProcessTransition['coordinateWith']): string {
  return c ? `${c.kind}:${c.id}` : '';
}

export function parseCoordinateValue(value: string): Coordinate | null {
  const m = /^(department|agency):(.+)$/.exec(value);
  return m ? { kind: m[1] as Coordinate['kind'], id: (m[2] ?? '').trim() } : null;
}

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  label: string;
  options: Option[];
}

/**
 * The <select> of a step's actor: roles, departments and groups, plus the current value when it is
 * none of them (named officials, or a record this page could not read), so saving never loses it.
 */
export function actorOptions(
  choices: ProcessChoices,
  current: string,
  labels: { roles: string; departments: string; groups: string; kept: string },
  describe: (value: string) => string,
): OptionGroup[] {
  const groups: OptionGroup[] = [
    { label: labels.roles, options: choices.roles.map((r) => ({ value: `role:${r.code}`, label: r.label })) },
    {
      label: labels.departments,
      options: choices.departments.map((d) => ({ value: `department:${d.id}`, label: d.name })),
    },
    { label: labels.groups, options: choices.groups.map((g) => ({ value: `group:${g.id}`, label: g.name })) },
  ].filter((g) => g.options.length > 0);
  if (current && !groups.some((g) => g.options.some((o) => o.value === current)))
    groups.push({ label: labels.kept, options: [{ value: current, label: describe(current) }] });
  return groups;
}

export function coordinateOptions(
  choices: ProcessChoices,
  current: string,
  labels: { departments: string; agencies: string; kept: string },
): OptionGroup[] {
  const groups: OptionGroup[] = [
    {
      label: labels.departments,
      options: choices.departments.map((d) => ({ value: `department:${d.id}`, label: d.name })),
    },
    {
      label: labels.agencies,
      options: choices.agencies.map((a) => ({ value: `agency:${a.id}`, label: a.name })),
    },
  ].filter((g) => g.options.length > 0);
  if (current && !groups.some((g) => g.options.some((o) => o.value === current)))
    groups.push({ label: labels.kept, options: [{ value: current, label: current }] });
  return groups;
}
