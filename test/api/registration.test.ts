import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';
import { SmtpSink } from '../support/smtp.ts';
import type { ReceivedMail } from '../support/smtp.ts';

/**
 * Registration, e-mail verification and password reset over real SMTP: the runtime runs its workers
 * (outbox relay → pg-boss → nodemailer) against a local SMTP sink.
 */
let rt: TestRuntime;
let sink: SmtpSink;
before(async () => {
  sink = await SmtpSink.start();
  rt = await startTestRuntime({ WORKERS: 'true', SMTP_URL: sink.url, PUBLIC_URL: 'https://dichvucong.test' });
});
after(async () => {
  await rt.stop();
  await sink.close();
});

let ipCounter = 0;
/** A client from its own address, so the per-address form rate limits never interfere. */
const client = () => new TestClient(rt.app, `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`).init();
const cccd = () => `0${String(randomInt(10 ** 10, 10 ** 11 - 1))}`;
const mail = () => `nguoidan.${randomInt(1e9)}@example.vn`;

function tokenFrom(m: ReceivedMail, path: string): string {
  const match = new RegExp(`https://dichvucong\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text);
  assert.ok(match?.[1], `no ${path} link in: ${m.text}`);
  return match[1];
}

async function registerCitizen(c: TestClient, over: Record<string, unknown> = {}) {
  const body = { kind: 'citizen', fullName: 'Trần Thị Bích Ngọc', idNumber: cccd(), email: mail(), phone: '0912345678', password: 'MatKhau2025', captcha: await c.solveCaptcha(), ...over };
  return { body, res: await c.post('/api/auth/register', body) };
}

describe('registration over real SMTP', () => {
  it('registers, mails a verification link, activates, and refuses the link twice', async () => {
    const c = await client();
    const { body, res } = await registerCitizen(c);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, 'pending');

    const early = await c.signIn(body.idNumber, body.password);
    assert.equal(early.statusCode, 403, early.body);
    assert.equal(early.json().code, 'account_not_active');

    const m = await sink.waitForMailTo(body.email);
    assert.equal(m.subject, 'Xác nhận địa chỉ thư điện tử — Cổng Dịch vụ công');
    assert.match(m.from, /no-reply@dichvucong\.local/);
    assert.match(m.text, /Kính gửi Trần Thị Bích Ngọc/);
    const token = tokenFrom(m, '/xac-nhan-email');

    const verified = await c.post('/api/auth/verify-email', { token });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal((await c.signIn(body.idNumber, body.password)).statusCode, 200);
    assert.equal((await c.get('/api/auth/me')).json().email, body.email);

    const again = await (await client()).post('/api/auth/verify-email', { token });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'token_invalid');

    const actions = await rt.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.json().accountId).orderBy('seq').execute();
    assert.deepEqual(actions.map((a) => a.action), ['account.register', 'account.verify_email']);
  });

  it('refuses a second account with the same e-mail or the same CCCD, naming the field', async () => {
    const first = await registerCitizen(await client());
    assert.equal(first.res.statusCode, 201, first.res.body);

    const sameEmail = await registerCitizen(await client(), { email: first.body.email.toUpperCase() });
    assert.equal(sameEmail.res.statusCode, 400, sameEmail.res.body);
    assert.equal(sameEmail.res.json().code, 'validation_failed');
    assert.deepEqual(sameEmail.res.json().errors.map((e: { field: string }) => e.field), ['body.email']);

    const sameId = await registerCitizen(await client(), { idNumber: first.body.idNumber });
    assert.equal(sameId.res.statusCode, 400, sameId.res.body);
    assert.deepEqual(sameId.res.json().errors.map((e: { field: string }) => e.field), ['body.idNumber']);
    assert.match(sameId.res.json().errors[0].message, /Đã có tài khoản/);

    const c = await client();
    const org = { kind: 'organisation', orgName: 'Công ty TNHH Hoa Sen', taxCode: `01${String(randomInt(10 ** 7, 10 ** 8 - 1))}`, fullName: 'Lê Văn Tám', email: mail(), password: 'MatKhau2025' };
    assert.equal((await c.post('/api/auth/register', { ...org, captcha: await c.solveCaptcha() })).statusCode, 201);
    const sameTax = await c.post('/api/auth/register', { ...org, email: mail(), captcha: await c.solveCaptcha() });
    assert.equal(sameTax.statusCode, 400);
    assert.deepEqual(sameTax.json().errors.map((e: { field: string }) => e.field), ['body.taxCode']);
  });

  it('names every bad field of the form in Vietnamese', async () => {
    const c = await client();
    const res = await c.post('/api/auth/register', { kind: 'citizen', fullName: 'A', idNumber: '12345', email: 'khong-phai-email', phone: '123', password: 'ngan' });
    assert.equal(res.statusCode, 400);
    const errors = res.json().errors as { field: string; message: string }[];
    assert.deepEqual([...new Set(errors.map((e) => e.field))].sort(), ['body.email', 'body.fullName', 'body.idNumber', 'body.password', 'body.phone']);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    assert.match(byField['body.idNumber']!, /12 chữ số/);
    assert.match(byField['body.email']!, /Thư điện tử không đúng định dạng/);
    assert.match(byField['body.phone']!, /10 chữ số/);
    assert.match(byField['body.fullName']!, /ít nhất 2 ký tự/);

    const org = await c.post('/api/auth/register', { kind: 'organisation', orgName: 'X', taxCode: '12', fullName: 'Lê Văn Tám', email: mail(), password: 'MatKhau2025' });
    assert.deepEqual((org.json().errors as { field: string }[]).map((e) => e.field).sort(), ['body.orgName', 'body.taxCode']);

    const kind = await c.post('/api/auth/register', { kind: 'alien', fullName: 'Lê Văn Tám' });
    assert.equal(kind.statusCode, 400);
    assert.ok((kind.json().errors as { field: string }[]).some((e) => e.field === 'body.kind'), kind.body);
  });

  it('requires a solved captcha to register', async () => {
    const c = await client();
    const email = mail();
    const res = await c.post('/api/auth/register', { kind: 'citizen', fullName: 'Phạm Văn Đồng', idNumber: cccd(), email, password: 'MatKhau2025' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'captcha_required');
    const junk = await c.post('/api/auth/register', { kind: 'citizen', fullName: 'Phạm Văn Đồng', idNumber: cccd(), email, password: 'MatKhau2025', captcha: 'bm90LWEtc29sdXRpb24=' });
    assert.equal(junk.json().code, 'captcha_required');
    assert.equal(await rt.database.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst(), undefined);
  });

  it('resets a password by e-mail: old sessions end, the old password stops working', async () => {
    const c = await client();
    const { body } = await registerCitizen(c);
    const token = tokenFrom(await sink.waitForMailTo(body.email), '/xac-nhan-email');
    assert.equal((await c.post('/api/auth/verify-email', { token })).statusCode, 200);
    const oldDevice = await client();
    assert.equal((await oldDevice.signIn(body.email, body.password)).statusCode, 200);

    const requester = await client();
    const req = await requester.post('/api/auth/password-reset/request', { email: body.email, captcha: await requester.solveCaptcha() });
    assert.equal(req.statusCode, 202, req.body);
    const m = await sink.waitFor((x) => x.envelopeTo.includes(body.email) && x.subject.startsWith('Đặt lại mật khẩu'));
    const resetToken = tokenFrom(m, '/dat-lai-mat-khau');

    const weak = await requester.post('/api/auth/password-reset/confirm', { token: resetToken, password: 'yeu' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().errors[0].field, 'body.password');

    const done = await requester.post('/api/auth/password-reset/confirm', { token: resetToken, password: 'MatKhauMoi99' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((await oldDevice.get('/api/auth/me')).statusCode, 401);
    assert.equal((await (await client()).signIn(body.idNumber, body.password)).statusCode, 401);
    assert.equal((await (await client()).signIn(body.idNumber, 'MatKhauMoi99')).statusCode, 200);
    const reuse = await requester.post('/api/auth/password-reset/confirm', { token: resetToken, password: 'MatKhauKhac77' });
    assert.equal(reuse.statusCode, 409);
  });

  it('answers 202 for an unknown e-mail and sends nothing', async () => {
    const c = await client();
    const unknown = mail();
    const res = await c.post('/api/auth/password-reset/request', { email: unknown, captcha: await c.solveCaptcha() });
    assert.equal(res.statusCode, 202);
    assert.deepEqual(res.json(), { ok: true });
    // A known address sent afterwards arrives; by then anything for the unknown one would have too.
    const { body } = await registerCitizen(await client());
    await sink.waitForMailTo(body.email);
    assert.equal(sink.to(unknown).length, 0);
    const queued = await rt.database.db.selectFrom('outbox').select('id').where(sql<string>`payload->>'to'`, '=', unknown).execute();
    assert.equal(queued.length, 0);
  });
});
