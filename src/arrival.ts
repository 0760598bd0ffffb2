import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * When the request being served arrived (performance.now()), for everything done on its behalf.
 * A reading of the catalog generation that started after it is as good as a new one for any read
 * of that request (src/modules/procedures/public-cache.ts): a change committed before the request
 * arrived is seen either way, and a receipt that reads the catalog, the calendar and the process
 * under the generation waits for one reading instead of one each.
 */
const arrival = new AsyncLocalStorage<number>();

/** The arrival of the request being served, or undefined outside one (jobs, scripts). */
export const arrivedAt = (): number | undefined => arrival.getStore();

/** Runs `fn` (and whatever it starts) as part of a request that arrived at `at`. */
export const asArrivedAt = <T>(at: number, fn: () => T): T => arrival.run(at, fn);
