import type { Services } from '../services.ts';

/** Demonstration data; filled in by the seed work. */
export async function seedIfEmpty(_services: Services, log: (msg: string) => void): Promise<void> {
  log('seed: nothing to do yet');
  return Promise.resolve();
}
