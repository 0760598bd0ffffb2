import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DOSSIER_CODE_RULES,
  dossierCodeRule,
  formatDossierCode,
  isDossierCode,
  MAX_DAILY_SEQUENCE,
  vietnamDay,
} from './dossier-code.ts';

// TT 01/2018/TT-VPCP Art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX.

describe('dossier code', () => {
  it('is the unit code, the day of receipt and the day’s number in four digits', () => {
    assert.equal(formatDossierCode('000.00.12.H25', '2025-03-07', 1), '000.00.12.H25-250307-0001');
    assert.equal(formatDossierCode('G01.05.13.H56', '2019-12-31', 42), 'G01.05.13.H56-191231-0042');
    assert.equal(
      formatDossierCode('000.00.00.H29', '2030-01-01', MAX_DAILY_SEQUENCE),
      '000.00.00.H29-300101-9999',
    );
  });

  it('refuses a sequence out of 1–9999 and a unit code that is not QCVN 102', () => {
    for (const n of [0, -1, 10_000, 1.5, Number.NaN])
      assert.throws(() => formatDossierCode('000.00.12.H25', '2025-03-07', n), /sequence/);
    for (const unit of ['000.00.12', 'h25.00.12.000', '000.00.12.H25 ', '0000.00.12.H25', ''])
      assert.throws(() => formatDossierCode(unit, '2025-03-07', 1), /QCVN 102/);
  });

  it('recognises codes of the format and nothing else', () => {
    for (const ok of ['000.00.12.H25-250307-0001', 'G01.05.13.H56-191231-9999', '000.00.00.H29-300101-0100'])
      assert.equal(isDossierCode(ok), true, ok);
    for (const bad of [
      '000.00.12.H25-250307-001',
      '000.00.12.H25-250307-00001',
      '000.00.12.H25-25037-0001',
      '000.00.12.h25-250307-0001',
      '000.00.12.H25_250307_0001',
      '000.00.12.H25-250307-0001 ',
      ' 000.00.12.H25-250307-0001',
      '000.00.12.H25',
      '250307-0001',
      // Numbers start at 0001: 0000 is never issued.
      '000.00.12.H25-250307-0000',
      '',
    ])
      assert.equal(isDossierCode(bad), false, bad);
  });

  it('every code it formats is recognised', () => {
    for (let n = 1; n <= MAX_DAILY_SEQUENCE; n += 137)
      assert.ok(isDossierCode(formatDossierCode('000.01.12.H25', '2026-12-04', n)));
  });

  it('counts the day in Vietnam (UTC+7)', () => {
    assert.equal(vietnamDay(new Date('2025-03-10T16:59:59.999Z')), '2025-03-10');
    assert.equal(vietnamDay(new Date('2025-03-10T17:00:00.000Z')), '2025-03-11');
    assert.equal(vietnamDay(new Date('2024-12-31T17:00:00Z')), '2025-01-01');
    assert.equal(vietnamDay(new Date('2024-02-28T17:30:00Z')), '2024-02-29');
  });

  it('applies the rule in force on the day', () => {
    const first = DOSSIER_CODE_RULES[0];
    assert.ok(first);
    assert.equal(first.basis, 'Điều 19 Thông tư 01/2018/TT-VPCP');
    assert.equal(dossierCodeRule('2019-01-06'), first);
    assert.equal(dossierCodeRule('2026-12-04').from <= '2026-12-04', true);
    // Before the first rule, the first rule still applies (there is no other).
    assert.equal(dossierCodeRule('2018-01-01'), first);
    const latest = [...DOSSIER_CODE_RULES].sort((a, b) => (a.from < b.from ? 1 : -1))[0];
    assert.equal(dossierCodeRule('2099-12-31'), latest);
  });
});
