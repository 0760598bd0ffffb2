import type { Row } from './columns.ts';

/**
 * Rows a page when a list is exported: ten times the screen's page, few enough queries for 100,000
 * rows and small enough batches to yield to other requests often.
 */
export const EXPORT_BATCH = 500;

/**
 * A keyset-paged list read to its end, one batch a page: `page` is the same service call the list's
 * screen makes (so the same filters and the same rights, checked again on every page).
 */
export async function* keysetBatches<T, C>(
  page: (after: C | undefined) => Promise<{ items: readonly T[]; next: C | null }>,
  toRow: (item: T) => Row,
): AsyncGenerator<Row[]> {
  let after: C | undefined;
  for (;;) {
    const p = await page(after);
    yield p.items.map(toRow);
    if (p.next === null) return;
    after = p.next;
  }
}

/** An ISO string from a service as the Date an export cell wants (null stays empty). */
export const dateOf = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
