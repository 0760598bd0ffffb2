import type { viLegalTime } from './vi-legal-time.ts';

/** English text of the legal-time screens; same keys as vi-legal-time.ts. */
export const enLegalTime: Record<keyof typeof viLegalTime, string> = {
  'lt.channel.online': 'online',
  'lt.channel.counter': 'in person',
  'lt.channel.postal': 'by post',
  'lt.or': ' or ',

  // ---- Portal: procedure page ----
  'lt.proc.title': 'Expected result date',
  'lt.proc.now': 'If you apply now, the result is expected on {date}',
  'lt.proc.nowChannel': 'If you apply {channel} now, the result is expected on {date}',
  'lt.proc.none':
    'No expected date: the procedure publishes no deadline as a number with a unit (hours, days, months).',
  'lt.proc.how': 'How the date is counted (in Vietnamese)',
  'lt.proc.agency': 'Counted on the working hours and holidays of {agency}.',
  'lt.proc.national': 'Counted on the national working hours and holidays.',
  'lt.proc.note':
    'This is an estimate from the published deadline; the official date is written on the receipt once the complete dossier is received.',
  'lt.proc.choose': 'Agency you apply to',
  'lt.proc.show': 'Show the date',
  // ---- Back office: working hours on the calendar page ----
  'lt.hours.title': 'Working hours and receipt cut-off',
  'lt.hours.intro':
    'Used to compute result dates and step due times. An agency without its own hours uses those of its nearest parent agency, else the default.',
  'lt.hours.national': 'Default working hours, for every agency that sets none of its own.',
  'lt.hours.own': '{scope} uses its own working hours.',
  'lt.hours.inherited': '{scope} uses the working hours of {source}.',
  'lt.hours.default': '{scope} uses the default working hours.',
  'lt.hours.periods': 'Working periods',
  'lt.hours.periodsHint':
    'As HH:MM-HH:MM separated by commas, e.g. 07:30-11:30, 13:00-17:00; every working day (make-up days included).',
  'lt.hours.saturday': 'Saturday-morning reception',
  'lt.hours.saturdayHint':
    'E.g. 07:30-11:30; leave empty if none. Receipt only: it does not count towards deadlines.',
  'lt.hours.cutoff': 'Receipt cut-off',
  'lt.hours.cutoffHint':
    'Dossiers received from this time on count from the start of the next working day; usually 15:00.',
  'lt.hours.note': 'Legal basis, note on working hours',
  'lt.hours.dayLength': 'One working day',
  'lt.hours.minutes': '{n} working minutes',
  'lt.hours.save': 'Save working hours',
  'lt.hours.reset': 'Drop own hours, use the parent agency’s',
  'lt.hours.readOnly': 'You may only view these working hours.',
  'lt.notice.saved': 'Working hours and cut-off saved.',
  'lt.notice.reset': 'Own working hours dropped; the agency uses its parent’s.',
  'lt.err.periods': 'Enter the working periods as HH:MM-HH:MM, in order, not overlapping.',
  'lt.err.saturday': 'Enter the Saturday reception as HH:MM-HH:MM.',
  'lt.err.cutoff': 'Enter the cut-off as HH:MM, within working hours.',
  'lt.err.note': 'The note may have at most 500 characters.',
  'lt.try.title': 'Try a result date',
  'lt.try.intro': 'On the working hours and holidays of {scope}.',
  'lt.try.receivedAt': 'Received at',
  'lt.try.receivedAtHint': 'As DD/MM/YYYY HH:mm, e.g. 29/08/2025 16:20',
  'lt.try.value': 'Deadline',
  'lt.try.unit': 'Deadline unit',
  'lt.try.submit': 'Compute the date',
  'lt.try.result': 'Result date: {date}',
  'lt.try.startsAt': 'Counted from {date}',
  'lt.try.explain': 'How it is counted (in Vietnamese)',
  'lt.unit.working_hours': 'Working hours',
  'lt.unit.working_days': 'Working days',
  'lt.unit.calendar_days': 'Calendar days',
  'lt.unit.months': 'Months',
  'lt.err.receivedAt': 'Enter the receipt time as DD/MM/YYYY HH:mm, e.g. 29/08/2025 16:20',
  'lt.err.value': 'Enter a deadline of zero or more (whole numbers for calendar days and months)',
  'lt.err.unit': 'Choose the deadline unit',
};
