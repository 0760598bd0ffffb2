/** pg-pool's message when no connection became free within DB_POOL_WAIT_MS: the database is busy, not broken. */
export const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/** Seconds an overloaded caller is told to wait (Retry-After) by the API and the web app alike. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * True for pg-pool's wait timeout: an overload the caller may retry in a few seconds. The API answers
 * it 503 database_busy, the web app a short 503 page (both with Retry-After).
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && error.message === POOL_TIMEOUT;
}
