import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

// Annex V.11: stored text is Unicode NFC, whatever normal form the client sent (macOS and some
// Vietnamese keyboards send decomposed NFD text).
let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

it('stores decomposed (NFD) input as NFC', async () => {
  const c = await new TestClient(rt.app).init();
  const fullName = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
  assert.notEqual(fullName, fullName.normalize('NFC'));
  const res = await c.post('/api/auth/register', {
    kind: 'citizen',
    fullName,
    idNumber: '038199012345',
    email: 'nfc@example.vn',
    password: 'MatKhau123',
    captcha: await c.solveCaptcha(),
  });
  assert.equal(res.statusCode, 201, res.body);
  const row = await rt.database.db.selectFrom('accounts').select('full_name').where('username', '=', '038199012345').executeTakeFirstOrThrow();
  assert.equal(row.full_name, 'Nguyễn Thị Hồng Nhung'.normalize('NFC'));
  assert.equal(row.full_name.normalize('NFC'), row.full_name);
});
