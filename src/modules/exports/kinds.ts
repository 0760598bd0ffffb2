import type { z } from 'zod';
import type { AuthContext } from '../accounts/sessions.ts';
import type { Column, Row } from './columns.ts';

/**
 * One exportable list or report: its filter (validated when asked and again in the worker), the check
 * that the caller may see it, and its rows batch by batch with the caller's rights. The exports
 * service knows nothing else about it, so adding a list is adding one of these.
 */
export interface ExportKind<F extends z.ZodType = z.ZodType> {
  /** Document title, sheet name, PDF heading. */
  title: string;
  /** File name before the time stamp, e.g. danh-sach-ho-so. */
  fileStem: string;
  /** Root element of the XML file; each row is a <row>. */
  xmlRoot: string;
  filter: F;
  /** The columns; a report's may depend on its filter (its grouping). */
  columns(filter: z.infer<F>): readonly Column[];
  /** Fails now when the caller may not export this (the worker lists again with their current rights). */
  check(auth: AuthContext, filter: z.infer<F>): Promise<void>;
  batches(auth: AuthContext, filter: z.infer<F>): AsyncIterable<readonly Row[]>;
  /** The number of rows if it is cheap to know, for the progress bar; null when unknown. */
  estimate?(auth: AuthContext, filter: z.infer<F>): Promise<number | null>;
}

/** Declares a kind with its filter's type inferred. */
export const exportKind = <F extends z.ZodType>(kind: ExportKind<F>): ExportKind<F> => kind;
