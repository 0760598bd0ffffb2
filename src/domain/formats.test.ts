import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childAgencyCode, isAgencyCode, parseAgencyCode } from './agency-code.ts';
import { formatDate, formatDateTime, parseVnDate } from './datetime.ts';
import { cleanText, escapeLike, foldVietnamese, toNfc } from './text.ts';

describe('dates (Annex V.15)', () => {
  it('formats instants as DD/MM/YYYY HH:mm:ss in Vietnam time', () => {
    assert.equal(formatDateTime(new Date('2025-09-01T17:05:09Z')), '02/09/2025 00:05:09');
    assert.equal(formatDateTime('2026-01-31T01:00:00.000Z'), '31/01/2026 08:00:00');
    assert.equal(formatDate(new Date('2025-12-31T18:00:00Z')), '01/01/2026');
    assert.equal(formatDate('2025-04-30'), '30/04/2025');
  });
  it('parses DD/MM/YYYY and refuses impossible dates', () => {
    assert.equal(parseVnDate('2/9/1945'), '1945-09-02');
    assert.equal(parseVnDate('29/02/2024'), '2024-02-29');
    for (const bad of ['29/02/2025', '31/04/2025', '2025-04-30', '00/01/2025', '']) assert.equal(parseVnDate(bad), undefined, bad);
  });
});

describe('text (Annex V.11)', () => {
  it('escapes LIKE wildcards', () => assert.equal(escapeLike('50%_a\\b'), '50\\%\\_a\\\\b'));
  it('folds diacritics including đ', () => assert.equal(foldVietnamese('Đăng ký KHAI SINH ở Hạc Thành'), 'dang ky khai sinh o hac thanh'));
  it('normalises nested values to NFC', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    assert.deepEqual(toNfc({ a: [nfd], b: { c: nfd }, n: 1 }), { a: ['Nguyễn'], b: { c: 'Nguyễn' }, n: 1 });
    assert.equal(cleanText(`  Phường   Hạc\tThành `), 'Phường Hạc Thành');
  });
});

describe('unit codes (QCVN 102)', () => {
  it('accepts the identifier shape and reads its levels right to left', () => {
    assert.equal(isAgencyCode('000.00.00.H56'), true);
    assert.equal(isAgencyCode('000.06.16.G09'), true);
    for (const bad of ['H56', '000.00.00.56H', '00.00.00.H56', '000.00.00.h56']) assert.equal(isAgencyCode(bad), false, bad);
    assert.deepEqual(parseAgencyCode('000.06.16.G09'), { level1: 'G09', level2: '16', level3: '06', level4: '000' });
  });
  it('derives child codes one level down', () => {
    assert.equal(childAgencyCode('000.00.00.H56', 3), '000.00.03.H56');
    assert.equal(childAgencyCode('000.00.03.H56', 12), '000.12.03.H56');
    assert.equal(childAgencyCode('000.12.03.H56', 7), '007.12.03.H56');
    assert.throws(() => childAgencyCode('007.12.03.H56', 1), /no level left/);
  });
});
