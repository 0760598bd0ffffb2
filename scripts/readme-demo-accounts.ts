/**
 * Rewrites the demo-accounts table of README.md from src/seed/demo-accounts.ts, so the two never
 * disagree:  node scripts/readme-demo-accounts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_ACCOUNTS } from '../src/seed/demo-accounts.ts';

const START = '<!-- demo-accounts:start -->';
const END = '<!-- demo-accounts:end -->';

export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `| \`${a.username}\` | ${a.roleName} | ${a.agency} | ${a.fullName} |`);
  return ['| Tên đăng nhập / username | Vai trò / role | Cơ quan / agency | Họ tên / name |', '|---|---|---|---|', ...rows].join('\n');
}

if (import.meta.main) {
  const path = new URL('../README.md', import.meta.url);
  const readme = readFileSync(path, 'utf8');
  const [head, rest] = readme.split(START);
  const tail = rest?.split(END)[1];
  if (head === undefined || tail === undefined) throw new Error('README.md lacks the demo-accounts markers');
  writeFileSync(path, `${head}${START}\n${demoAccountsTable()}\n${END}${tail}`);
}
