import type { Services } from '../services.ts';

export async function seedCalendar(_services: Services, _log: (msg: string) => void): Promise<void> {
  return Promise.resolve();
}
