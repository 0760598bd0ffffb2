import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/index.ts';

export const STATUSES = ['active', 'disabled', 'pending'] as const;
export type OfficialStatusValue = (typeof STATUSES)[number];

/** The account state of an official in words: đang hoạt động, đã khóa, chưa kích hoạt. */
export function OfficialStatus({ status }: { status: string }) {
  const t = useT();
  if (status === 'active') return <StatusBadge tone="ok">{t('users.status.active')}</StatusBadge>;
  if (status === 'disabled') return <StatusBadge tone="off">{t('users.status.disabled')}</StatusBadge>;
  return <StatusBadge tone="warn">{t('users.status.pending')}</StatusBadge>;
}
