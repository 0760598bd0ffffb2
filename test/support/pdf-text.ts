import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatDateTime } from '../../src/domain/datetime.ts';
import { createSession } from '../../src/modules/accounts/sessions.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import type { TestRuntime } from './runtime.ts';

/** Reading printed documents back as a reader would (pdftotext), for the PDF tests. */

/** A signed-in caller for calling services directly. */
export async function sessionOf(rt: TestRuntime, accountId: string): Promise<AuthContext> {
  const { token } = await rt.database.db
    .transaction()
    .execute((trx) =>
      createSession(trx, accountId, { ip: '127.0.0.1', userAgent: null }, { ttlHours: 1, maxSessions: 50 }),
    );
  const auth = await rt.services.resolveSession(token);
  assert.ok(auth);
  return auth;
}

/** The text of a PDF file: `-layout` keeps columns side by side, `-raw` keeps the content-stream order. */
export const pdfText = (file: string, mode: '-layout' | '-raw' = '-layout') =>
  execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' });

/** The text with the line breaks and column padding of the layout folded into single spaces. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The text says `expected` (a long line may wrap: compared with the whitespace folded). */
export const says = (t: string, expected: string) =>
  assert.ok(flat(t).includes(expected), `"${expected}" in:\n${t}`);

/** The trimmed line that starts with `label:`. */
export const line = (t: string, label: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(`${label}:`));

/** "14 giờ 05 phút, ngày 04 tháng 12 năm 2026" of an ISO instant, written independently of the code under test. */
export function spoken(iso: string): string {
  const [date, time] = formatDateTime(iso).split(' ') as [string, string];
  const [dd, mm, yyyy] = date.split('/');
  const [hh, mi] = time.split(':');
  return `${hh} giờ ${mi} phút, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

/**
 * Clicks (or submits) with `act`, waits for the download, keeps it as `dir/name`, checks it is a PDF
 * and returns its suggested file name and text (pdftotext -layout).
 */
export async function downloadedPdf(page: Page, act: () => Promise<unknown>, dir: string, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), act()]);
  const path = join(dir, name);
  await file.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  return { fileName: file.suggestedFilename(), text: pdfText(path) };
}
