import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkFonts, notoSansFiles } from './fonts.ts';

const dir = mkdtempSync(join(tmpdir(), 'dvc-fonts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('PDF fonts checked at start-up', () => {
  it('accepts the installed Noto Sans faces', () => {
    const files = notoSansFiles();
    assert.deepEqual(checkFonts(files), files);
    assert.match(files.normal, /NotoSans_400Regular\.ttf$/);
  });

  it('names a missing face and how to restore it', () => {
    const missing = join(dir, 'khong-co.ttf');
    assert.throws(
      () => checkFonts({ ...notoSansFiles(), bold: missing }),
      (err: Error) => {
        assert.ok(err.message.includes(`bold: ${missing}`), err.message);
        assert.match(err.message, /Thiếu phông chữ để in PDF/);
        assert.match(err.message, /npm ci/);
        assert.doesNotMatch(err.message, /normal:/, 'only what is wrong');
        return true;
      },
    );
  });

  it('refuses a file that is not a font', () => {
    const text = join(dir, 'not-a-font.ttf');
    writeFileSync(text, 'plain text, not TrueType');
    assert.throws(() => checkFonts({ ...notoSansFiles(), italics: text }), /italics: .*not-a-font\.ttf/);
  });
});
