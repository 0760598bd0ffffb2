import { useT } from '../../../i18n/index.ts';
import { DUE_KEYS } from './labels.ts';
import type { Due } from './labels.ts';

/** How near its due time a dossier is, in words with a colour (never the colour alone). */
export function DueBadge({ due }: { due: Due }) {
  const t = useT();
  return <span className={`ds-due ds-due-${due}`}>{t(DUE_KEYS[due])}</span>;
}
