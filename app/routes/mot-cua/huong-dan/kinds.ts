import type { MessageKey } from '../../../i18n/index.ts';

/** The kinds of content an editor writes (III.7.1–7.2). */
export const GUIDE_KINDS = ['guide', 'faq', 'life_event'] as const;

export const KIND_KEYS: Record<(typeof GUIDE_KINDS)[number], MessageKey> = {
  guide: 'pa.kind.guide',
  faq: 'pa.kind.faq',
  life_event: 'pa.kind.life_event',
};
