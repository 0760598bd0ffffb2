import type { Kysely, Transaction } from 'kysely';
import type { DB } from './types.ts';

/** Anything queries can run on: the root handle or an open transaction (passed explicitly). */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Tx = Transaction<DB>;
