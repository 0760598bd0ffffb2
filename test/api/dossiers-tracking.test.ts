import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  trackingPath,
  trackingToken,
  verifyTrackingToken,
} from '../../src/modules/dossiers/tracking-token.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Public tracking (II.19.1–19.2): the signed link of the receipt's QR code opens the same answer as the
 * code and the second factor; a tampered token, another dossier's token and an unknown code all give
 * the same 404.
 */

const SECRET = 'a-test-secret-of-at-least-32-characters!!';

describe('tracking token', () => {
  it('is a short, stable, URL-safe HMAC of the code under the secret', () => {
    const code = '000.00.12.H29-250905-0001';
    const token = trackingToken(SECRET, code);
    assert.match(token, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(trackingToken(SECRET, code), token);
    assert.equal(trackingToken(SECRET, ` ${code.toLowerCase()} `), token, 'codes compare as stored');
    assert.notEqual(trackingToken(SECRET, '000.00.12.H29-250905-0002'), token);
    assert.notEqual(trackingToken(`${SECRET}x`, code), token);
    assert.equal(trackingPath(SECRET, code), `/tra-cuu-ho-so/${code}/${token}`);
  });

  it('verifies only the token of that code, whatever the length of what is given', () => {
    const code = '000.00.12.H29-250905-0001';
    const token = trackingToken(SECRET, code);
    assert.equal(verifyTrackingToken(SECRET, code, token), true);
    assert.equal(verifyTrackingToken(SECRET, code.toLowerCase(), token), true);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    assert.equal(verifyTrackingToken(SECRET, code, flipped), false);
    assert.equal(verifyTrackingToken(SECRET, code, token.slice(0, -1)), false);
    assert.equal(verifyTrackingToken(SECRET, code, `${token}A`), false);
    assert.equal(verifyTrackingToken(SECRET, code, ''), false);
    assert.equal(verifyTrackingToken(SECRET, code, 'é'.repeat(11)), false);
    assert.equal(verifyTrackingToken(SECRET, '000.00.12.H29-250905-0002', token), false);
  });
});

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime({ PUBLIC_URL: 'https://dichvucong.example.vn/' });
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

/** The rejection of a promise, which must be a 404 with the service's neutral message. */
async function notFound(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => assert.fail('expected a 404'),
    (e: unknown) => e as { status?: number; message?: string },
  );
  assert.equal(err.status, 404);
  return err.message ?? '';
}

describe('tracking by signed link', () => {
  it('opens the same answer as the code and a second factor', async () => {
    let d = await o.receive();
    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: o.arrow(d, 'forward'),
    });
    const dossiers = rt.services.dossiers;
    const url = dossiers.trackingUrl(d.code);
    const prefix = 'https://dichvucong.example.vn/tra-cuu-ho-so/';
    assert.ok(url.startsWith(prefix), url);
    const [code, token] = url.slice(prefix.length).split('/');
    assert.equal(code, d.code);
    assert.ok(token);

    const byToken = await dossiers.trackByToken(d.code, token);
    const byPhone = await dossiers.track(d.code, { phone: '0912345678' });
    const byId = await dossiers.track(d.code, { idNumber: o.citizenIdNumber });
    assert.deepEqual(byToken, byPhone);
    assert.deepEqual(byToken, byId);
    assert.equal(byToken.code, d.code);
    assert.equal(byToken.statusLabel, 'Đang xử lý');
    assert.ok(byToken.lines.length > 0, 'the Annex I lines come with the status');
    assert.ok(byToken.history.length > 0);
    assert.deepEqual(await dossiers.trackByToken(d.code.toLowerCase(), token), byToken);
  });

  it('gives the same 404 for a tampered token, another dossier’s token and an unknown code', async () => {
    const [a, b] = [await o.receive(), await o.receive()];
    const dossiers = rt.services.dossiers;
    const tokenOf = (code: string) => dossiers.trackingUrl(code).split('/').at(-1) ?? '';
    const good = tokenOf(a.code);
    const unknownCode = a.code.replace(/-\d{4}$/, '-9999');

    const unknown = await notFound(dossiers.trackByToken(unknownCode, tokenOf(unknownCode)));
    const messages = [
      await notFound(
        dossiers.trackByToken(a.code, `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`),
      ),
      await notFound(dossiers.trackByToken(a.code, good.slice(0, 10))),
      await notFound(dossiers.trackByToken(a.code, '')),
      await notFound(dossiers.trackByToken(a.code, tokenOf(b.code))),
      await notFound(dossiers.trackByToken(b.code, good)),
      await notFound(dossiers.track(a.code, { phone: '0900000000' })),
      await notFound(dossiers.track(unknownCode, { phone: '0912345678' })),
    ];
    for (const m of messages) assert.equal(m, unknown);
  });

  it('keeps the JSON API answer uncached and the same 404 for a wrong factor', async () => {
    const d = await o.receive();
    const ok = await rt.app.inject({ url: `/api/public/dossiers/${d.code}?idNumber=${o.citizenIdNumber}` });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.headers['cache-control'], 'no-store');
    const wrong = await rt.app.inject({ url: `/api/public/dossiers/${d.code}?idNumber=001099000000` });
    const unknown = await rt.app.inject({
      url: `/api/public/dossiers/${d.code.replace(/-\d{4}$/, '-9999')}?idNumber=${o.citizenIdNumber}`,
    });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.body, unknown.body);
  });
});
