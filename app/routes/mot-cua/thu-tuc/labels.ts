import type {
  Channel,
  DeadlineUnit,
  ImplementingLevel,
  OnlineLevel,
} from '../../../../src/domain/procedure.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** Words for the catalog's codes, shared by the procedure screens (the same words on every screen). */

export const STATUS_FILTERS = ['draft', 'published', 'changed', 'withdrawn', 'flagged'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_KEYS: Record<'draft' | 'published' | 'withdrawn', MessageKey> = {
  draft: 'pa.status.draft',
  published: 'pa.status.published',
  withdrawn: 'pa.status.withdrawn',
};

export const STATUS_FILTER_KEYS: Record<StatusFilter, MessageKey> = {
  ...STATUS_KEYS,
  changed: 'pa.status.changed',
  flagged: 'pa.status.flagged',
};

export const STATUS_TONE = { draft: 'info', published: 'ok', withdrawn: 'off' } as const;

export const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  counter: 'pa.channel.counter',
  online: 'pa.channel.online',
  postal: 'pa.channel.postal',
};

export const UNIT_KEYS: Record<DeadlineUnit, MessageKey> = {
  working_hours: 'pa.unit.working_hours',
  working_days: 'pa.unit.working_days',
  calendar_days: 'pa.unit.calendar_days',
  months: 'pa.unit.months',
};

export const ONLINE_KEYS: Record<OnlineLevel, MessageKey> = {
  full: 'pa.online.full',
  partial: 'pa.online.partial',
  none: 'pa.online.none',
};

export const LEVEL_KEYS: Record<ImplementingLevel, MessageKey> = {
  ministry: 'pa.level.ministry',
  province: 'pa.level.province',
  commune: 'pa.level.commune',
  other: 'pa.level.other',
};

export const ACTION_KEYS: Record<'create' | 'update' | 'publish' | 'withdraw' | 'import', MessageKey> = {
  create: 'pa.action.create',
  update: 'pa.action.update',
  publish: 'pa.action.publish',
  withdraw: 'pa.action.withdraw',
  import: 'pa.action.import',
};

export const isStatusFilter = (v: string): v is StatusFilter =>
  (STATUS_FILTERS as readonly string[]).includes(v);

/** The name of each attribute of a procedure's content, for "changed since publication". */
export const ATTR_KEYS: Record<string, MessageKey> = {
  name: 'pa.f.name',
  fieldCode: 'pa.f.field',
  levels: 'pa.f.levels',
  procedureType: 'pa.f.procedureType',
  decision: 'pa.f.decision',
  issuingBody: 'pa.f.issuingBody',
  applicantTypes: 'pa.f.applicantTypes',
  onlineLevel: 'pa.f.onlineLevel',
  legacyLevel: 'pa.f.legacyLevel',
  steps: 'pa.sec.steps',
  channels: 'pa.sec.channels',
  components: 'pa.sec.components',
  results: 'pa.sec.results',
  conditions: 'pa.sec.conditions',
  legalBasis: 'pa.sec.legalBasis',
  agencies: 'pa.sec.agencies',
  sourceUrl: 'pa.f.sourceUrl',
};
