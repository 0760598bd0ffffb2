import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1). 2 = Algorithm.Argon2id (a const enum we cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random password: compared against when the account does not exist, so timing reveals nothing. */
export const DUMMY_HASH_PROMISE = hashPassword('dummy-password-for-timing-0');
