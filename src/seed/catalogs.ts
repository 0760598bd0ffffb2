import type { Services } from '../services.ts';

export async function seedCatalogs(_services: Services, _log: (msg: string) => void): Promise<void> {
  return Promise.resolve();
}
