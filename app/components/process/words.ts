import type { ProcessTransition, StepActor } from '../../../src/domain/process.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { DEFAULT_MINUTES_PER_DAY, formatBudget } from './budget.ts';
import { ACTION_KEYS, isRoleCode, KIND_KEYS, ROLE_KEYS } from './labels.ts';

/** Names of the departments, groups and officials a definition refers to, by id (what the page could read). */
export interface ActorNames {
  departments?: Readonly<Record<string, string>>;
  groups?: Readonly<Record<string, string>>;
  officials?: Readonly<Record<string, string>>;
}

/** The words a diagram and its text list use, in the interface language. */
export function processWords(t: Translate, names: ActorNames = {}, perDay = DEFAULT_MINUTES_PER_DAY) {
  const budgetWords = {
    day: t('pr.unit.day'),
    hour: t('pr.unit.hour'),
    minute: t('pr.unit.minute'),
    none: t('pr.budget.none'),
  };
  return {
    t,
    kind: (k: keyof typeof KIND_KEYS) => t(KIND_KEYS[k]),
    action: (a: keyof typeof ACTION_KEYS) => t(ACTION_KEYS[a]),
    /** What an arrow says: its own label, else the action's name. */
    arrow: (tr: Pick<ProcessTransition, 'action' | 'label'>) => tr.label?.trim() || t(ACTION_KEYS[tr.action]),
    budget: (minutes: number) => formatBudget(minutes, budgetWords, perDay),
    count: (n: number) => t('pr.count', { n }),
    actor(actor: StepActor | null): string {
      if (!actor) return t('pr.actor.none');
      switch (actor.kind) {
        case 'role':
          return t('pr.actor.roleOf', {
            name: isRoleCode(actor.role) ? t(ROLE_KEYS[actor.role]) : actor.role,
          });
        case 'department':
          return t('pr.actor.departmentOf', {
            name: names.departments?.[actor.departmentId] ?? actor.departmentId,
          });
        case 'group':
          return t('pr.actor.groupOf', { name: names.groups?.[actor.groupId] ?? actor.groupId });
        case 'officials':
          return t('pr.actor.officialsOf', {
            names: actor.officialIds.map((id) => names.officials?.[id] ?? id).join(', '),
          });
      }
    },
  };
}

export type ProcessWords = ReturnType<typeof processWords>;

export function useProcessWords(names?: ActorNames, perDay?: number): ProcessWords {
  return processWords(useT(), names, perDay);
}
