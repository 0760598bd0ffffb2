import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime({ LOGIN_MAX_FAILURES: '4', CAPTCHA_AFTER_FAILURES: '2', MAX_SESSIONS_PER_ACCOUNT: '2' });
});
after(async () => rt.stop());

describe('sign-in', () => {
  it('signs in with good credentials and shows who I am', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app).init();
    const res = await c.signIn(acc.username, acc.password);
    assert.equal(res.statusCode, 200, res.body);
    const me = await c.get('/api/auth/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().username, acc.username);
  });

  it('accepts the e-mail address as the login name', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app).init();
    assert.equal((await c.signIn(acc.email.toUpperCase(), acc.password)).statusCode, 200);
  });

  it('rejects a wrong password with a Vietnamese problem and no session', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app, '10.0.0.1').init();
    const res = await c.signIn(acc.username, 'SaiMatKhau1');
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().code, 'invalid_credentials');
    assert.equal(res.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng');
    assert.equal((await c.get('/api/auth/me')).statusCode, 401);
  });

  it('requires a captcha after failures, then locks the account', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app, '10.0.0.2').init();
    assert.equal((await c.signIn(acc.username, 'Sai1234567')).json().captchaRequired, false);
    assert.equal((await c.signIn(acc.username, 'Sai1234567')).json().captchaRequired, true);
    // Third try without captcha: refused before the password is even checked.
    const noCaptcha = await c.signIn(acc.username, acc.password);
    assert.equal(noCaptcha.statusCode, 400);
    assert.equal(noCaptcha.json().code, 'captcha_required');
    // A solved captcha cannot be replayed.
    const solved = await c.solveCaptcha();
    assert.equal((await c.signIn(acc.username, 'Sai1234567', solved)).statusCode, 401);
    assert.equal((await c.signIn(acc.username, 'Sai1234567', solved)).json().code, 'captcha_required');
    // Fourth failure locks the account, even for the right password.
    assert.equal((await c.signIn(acc.username, 'Sai1234567', await c.solveCaptcha())).statusCode, 401);
    const locked = await c.signIn(acc.username, acc.password, await c.solveCaptcha());
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().code, 'account_locked');
    const audit = await rt.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', acc.id).execute();
    assert.ok(audit.some((a) => a.action === 'account.locked'));
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app).init();
    const res = await c.post('/api/auth/sign-in', { username: acc.username, password: acc.password }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'csrf_invalid');
    const forged = await c.request({ method: 'POST', url: '/api/auth/sign-in', payload: { username: acc.username, password: acc.password }, headers: { 'x-csrf-token': 'forged-token-value' } });
    assert.equal(forged.statusCode, 403);
  });

  it('limits concurrent sessions and lets the user revoke one', async () => {
    const acc = await createAccount(rt.database);
    const clients = [];
    for (let i = 0; i < 3; i++) {
      const c = await new TestClient(rt.app).init();
      assert.equal((await c.signIn(acc.username, acc.password)).statusCode, 200);
      clients.push(c);
    }
    // The limit is 2: the oldest session was revoked by the third sign-in.
    assert.equal((await clients[0]!.get('/api/auth/me')).statusCode, 401);
    const list = (await clients[2]!.get('/api/auth/sessions')).json().items as { id: string; current: boolean }[];
    assert.equal(list.length, 2);
    const other = list.find((s) => !s.current)!;
    assert.equal((await clients[2]!.delete(`/api/auth/sessions/${other.id}`)).statusCode, 200);
    assert.equal((await clients[1]!.get('/api/auth/me')).statusCode, 401);
    assert.equal((await clients[2]!.get('/api/auth/me')).statusCode, 200);
  });

  it('names each bad field in Vietnamese', async () => {
    const c = await new TestClient(rt.app).init();
    const res = await c.post('/api/auth/sign-in', { username: '', password: 5 });
    assert.equal(res.statusCode, 400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    assert.deepEqual(fields, ['body.password', 'body.username']);
  });
});

describe('captcha without JavaScript (question)', () => {
  const WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
  const solve = (text: string) => {
    const [a = '', b = ''] = text.split(' bằng')[0]!.split(' cộng ');
    return WORDS.indexOf(a) + WORDS.indexOf(b);
  };

  it('accepts the right answer once, refuses a wrong, a replayed or a forged one', async () => {
    const acc = await createAccount(rt.database);
    const c = await new TestClient(rt.app, '10.0.0.9').init();
    const challenge = await rt.services.captcha.challenge();
    const { token, text } = challenge.question;
    assert.match(text, /^\S+ cộng \S+ bằng bao nhiêu\?/);
    // Two failures from this address: the captcha is now required.
    await c.signIn(acc.username, 'Sai1234567');
    await c.signIn(acc.username, 'Sai1234567');
    assert.equal((await c.signIn(acc.username, acc.password, `q:${token}:${solve(text) + 1}`)).json().code, 'captcha_required');
    const [body = '', mac = ''] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ a: 1, b: 1, exp: Date.now() + 60_000, n: 'x' })).toString('base64url')}.${mac}`;
    assert.equal((await c.signIn(acc.username, acc.password, `q:${forged}:2`)).json().code, 'captcha_required');
    assert.ok(body.length > 0);
    assert.equal((await c.signIn(acc.username, acc.password, `q:${token}:${solve(text)}`)).statusCode, 200);
    // The answer was spent by that sign-in: it cannot be used again.
    await assert.rejects(rt.services.captcha.verify(rt.database.db, `q:${token}:${solve(text)}`), { code: 'captcha_required' });
  });
});
