import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { demoAccountsTable } from '../../scripts/readme-demo-accounts.ts';

it('README lists exactly the seeded demo accounts (node scripts/readme-demo-accounts.ts)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(demoAccountsTable()), 'README demo-accounts table is stale: run node scripts/readme-demo-accounts.ts');
});
