import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays } from '../../domain/calendar.ts';
import { before, piecesOf } from './tiers.ts';

it('cuts a span into whole years, whole months and days that cover it exactly once', () => {
  const days = [
    '2023-01-01',
    '2023-03-15',
    '2023-12-31',
    '2024-02-29',
    '2024-03-01',
    '2025-01-01',
    '2025-11-30',
  ];
  for (const from of days)
    for (const to of days) {
      const pieces = piecesOf(from, to);
      if (from >= to) {
        assert.deepEqual(pieces, []);
        continue;
      }
      // Contiguous, in order, from `from` to `to`.
      assert.equal(pieces[0]?.from, from);
      assert.equal(pieces.at(-1)?.to, to);
      for (let i = 1; i < pieces.length; i++) assert.equal(pieces[i]?.from, pieces[i - 1]?.to);
      for (const p of pieces) {
        assert.ok(p.from < p.to);
        if (p.tier !== 'daily') assert.match(p.from + p.to, /^\d{4}-\d\d-01\d{4}-\d\d-01$/);
        if (p.tier === 'yearly') assert.match(p.from + p.to, /^\d{4}-01-01\d{4}-01-01$/);
      }
    }
  assert.deepEqual(piecesOf('2023-03-15', '2025-02-10'), [
    { tier: 'daily', from: '2023-03-15', to: '2023-04-01' },
    { tier: 'monthly', from: '2023-04-01', to: '2024-01-01' },
    { tier: 'yearly', from: '2024-01-01', to: '2025-01-01' },
    { tier: 'monthly', from: '2025-01-01', to: '2025-02-01' },
    { tier: 'daily', from: '2025-02-01', to: '2025-02-10' },
  ]);
  assert.deepEqual(
    piecesOf('2023-03-15', '2025-02-10', false).map((p) => p.tier),
    ['daily', 'monthly', 'daily'],
  );
  assert.deepEqual(before(addDays('2025-12-31', 1)), [
    { tier: 'yearly', from: '0001-01-01', to: '2026-01-01' },
  ]);
});
