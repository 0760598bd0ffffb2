import type { MessageKey } from '../../../i18n/index.ts';

export const KINDS = ['citizen', 'organisation', 'official'] as const;
export const STATUSES = ['pending', 'active', 'disabled'] as const;

export const KIND_KEYS: Record<(typeof KINDS)[number], MessageKey> = {
  citizen: 'account.kind.citizen',
  organisation: 'account.kind.organisation',
  official: 'account.kind.official',
};

export const STATUS_KEYS: Record<(typeof STATUSES)[number], MessageKey> = {
  pending: 'acc.status.pending',
  active: 'acc.status.active',
  disabled: 'acc.status.disabled',
};

/** The tag of an account status (not told by colour alone: the tag carries the word). */
export function statusClass(status: string): string {
  return `status status-${(STATUSES as readonly string[]).includes(status) ? status : 'pending'}`;
}
