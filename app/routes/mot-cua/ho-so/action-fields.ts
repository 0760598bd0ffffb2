/**
 * The action forms of the dossier page: which form is open (`?thao-tac=<key>`), the fields it posts,
 * and the order of those fields for the error summary. Shared by the page and its action.
 */

export interface ActionLike {
  action: string;
  transitionId: string | null;
  needs: readonly string[];
}

/** One key per available action: the action, and for moves along the process the transition. */
export const actionKey = (a: Pick<ActionLike, 'action' | 'transitionId'>) =>
  a.transitionId ? `${a.action}:${a.transitionId}` : a.action;

/** Actions whose form has no field: a single button, no form to open. */
export function isOneClick(a: ActionLike): boolean {
  return a.needs.length === 0 && ['accept', 'resume', 'cancel', 'restore', 'recall'].includes(a.action);
}

export const ACTION_FIELDS = [
  'assigneeId',
  'reason',
  'missingItems',
  'extValue',
  'extUnit',
  'amount',
  'relation',
  'rName',
  'rIdNumber',
  'rAuth',
  'receipt',
  'channel',
  'note',
  'text',
  'useDraftResult',
  'files',
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
export type ActionValues = Partial<Record<ActionField, string>>;

export const EXTENSION_UNITS = ['days', 'hours'] as const;
