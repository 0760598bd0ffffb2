/** The fields of the add-a-day form, in the order they appear (the error summary follows it). */
export const DAY_FIELDS = ['day', 'kind', 'name', 'note', 'provisional', 'scope'] as const;
export type DayValues = Record<(typeof DAY_FIELDS)[number], string>;

/** The value that stands for the national calendar in the agency drop-downs (an agency is its id). */
export const NATIONAL = 'toan-quoc';
