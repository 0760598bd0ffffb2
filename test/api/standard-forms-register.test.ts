import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scannedCode } from '../../app/routes/mot-cua/ho-so/scanned-code.ts';
import { formatDate } from '../../src/domain/datetime.ts';
import { vietnamDay } from '../../src/domain/dossier-code.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import { FORM_SETS, formSetOn, standardForm } from '../../src/modules/printing/forms/rule-set.ts';
import type { FormSet } from '../../src/modules/printing/forms/rule-set.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { pdfText, sessionOf } from '../support/pdf-text.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Mẫu 06, Sổ theo dõi hồ sơ, over a period; the rule set of the standard forms keyed by effective
 * date; who may print them; the scanner reading a receipt's codes (II.12.1, V.16).
 */

let rt: TestRuntime;
let o: DossierOffice;
let counter: AuthContext;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-register-'));

function save(bytes: Uint8Array, name: string): string {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  counter = await sessionOf(rt, o.ids.counter);
});
after(async () => {
  await rt.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('Mẫu 06, the register', () => {
  it('lists the dossiers the agency received in the period, and says so when there are none', async () => {
    const a = await o.receive();
    const b = await o.receive({
      applicant: {
        kind: 'organisation',
        idNumber: '0101234567',
        fullName: 'Lê Văn Toàn',
        orgName: 'Công ty TNHH Hòa Bình',
      },
    });
    const today = formatDate(new Date());
    const pdf = await rt.services.printing.register(counter, { from: today, to: today });
    const file = save(pdf.bytes, 'register');
    const t = pdfText(file);
    assert.match(t, /SỔ THEO DÕI HỒ SƠ/);
    assert.match(t, new RegExp(`Từ ngày ${today} đến ngày ${today}`));
    for (const d of [a, b]) assert.ok(t.includes(d.code), d.code);
    assert.match(t, /Công ty TNHH/);
    assert.ok(t.indexOf(a.code) < t.indexOf(b.code), 'in the order received');
    assert.match(
      execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      /Page size:\s+841\.\d+ x 595\.\d+ pts/,
    );

    const empty = await rt.services.printing.register(counter, { from: '01/01/2020', to: '31/01/2020' });
    const e = pdfText(save(empty.bytes, 'empty'));
    assert.match(e, /Từ ngày 01\/01\/2020 đến ngày 31\/01\/2020/);
    assert.match(e, /Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này\./);
    assert.match(e, /Tổng số hồ sơ: 0/);
  });

  it('refuses a wrong period naming the field, and agencies outside the partition', async () => {
    await assert.rejects(
      rt.services.printing.register(counter, { from: '31/02/2026', to: '01/03/2026' }),
      (err: { code: string; fields: { field: string }[] }) => {
        assert.equal(err.code, 'validation_failed');
        assert.deepEqual(
          err.fields.map((f) => f.field),
          ['tu'],
        );
        return true;
      },
    );
    await assert.rejects(rt.services.printing.register(counter, { from: '02/03/2026', to: '01/03/2026' }), {
      code: 'validation_failed',
    });
    await assert.rejects(rt.services.printing.register(counter, { from: '01/01/2024', to: '01/03/2026' }), {
      code: 'validation_failed',
    });
    await assert.rejects(
      rt.services.printing.register(counter, {
        from: '01/03/2026',
        to: '02/03/2026',
        agencyId: o.otherAgency.id,
      }),
      { code: 'forbidden' },
    );
    await assert.rejects(
      rt.services.printing.register(await sessionOf(rt, o.ids.citizen), {
        from: '01/03/2026',
        to: '02/03/2026',
      }),
      { code: 'forbidden' },
    );
    await assert.rejects(rt.services.printing.register(undefined, { from: '01/03/2026', to: '02/03/2026' }), {
      code: 'unauthenticated',
    });
    const options = await rt.services.printing.registerAgencies(counter);
    assert.ok(options.some((a) => a.id === o.agency.id));
    assert.ok(!options.some((a) => a.id === o.otherAgency.id));
  });
});

describe('rule set and authorisation', () => {
  it('uses TT 01/2018 until another set is switched on, and knows no other form', () => {
    assert.equal(formSetOn('2026-12-04').basis, 'Thông tư 01/2018/TT-VPCP');
    const placeholder = FORM_SETS.find((s) => s.basis === 'Thông tư 03/2025/TT-VPCP');
    assert.ok(placeholder, 'TT 03/2025 is known');
    assert.equal(placeholder.from, null, 'but not switched on');
    const tt01 = FORM_SETS[0] as FormSet;
    const later: FormSet = { from: '2027-01-01', basis: 'Bộ mẫu thử', forms: [] };
    assert.equal(formSetOn('2026-12-31', [tt01, later]).basis, 'Thông tư 01/2018/TT-VPCP');
    assert.equal(formSetOn('2027-01-01', [tt01, later]).basis, 'Bộ mẫu thử');
    assert.equal(
      standardForm('2026-12-04', '05', 'dossier').title,
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    );
    assert.throws(() => standardForm('2026-12-04', '07', 'dossier'), { code: 'not_found' });
    assert.throws(
      () => standardForm('2026-12-04', '06', 'dossier'),
      { code: 'not_found' },
      'the register is no dossier form',
    );
    assert.throws(() => standardForm('2027-01-01', '01', 'dossier', [tt01, later]), /Bộ mẫu thử/);
    assert.equal(vietnamDay(new Date('2026-12-04T17:30:00Z')), '2026-12-05');
  });

  it('prints for officials who may read the dossier only', async () => {
    const d = await o.receive();
    await assert.rejects(rt.services.printing.standardForm(await sessionOf(rt, o.ids.outsider), d.id, '01'), {
      code: 'forbidden',
    });
    await assert.rejects(rt.services.printing.standardForm(await sessionOf(rt, o.ids.citizen), d.id, '01'), {
      code: 'forbidden',
    });
    await assert.rejects(rt.services.printing.standardForm(undefined, d.id, '01'), {
      code: 'unauthenticated',
    });
    await assert.rejects(
      rt.services.printing.standardForm(counter, '00000000-0000-4000-8000-000000000000', '01'),
      { code: 'not_found' },
    );
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '99'), { code: 'not_found' });
  });

  it('reads a dossier code from the scanner: the barcode types the code, the QR code the tracking link', async () => {
    const d = await o.receive();
    assert.equal(scannedCode(`  ${d.code}\n`), d.code);
    assert.equal(scannedCode(rt.services.dossiers.trackingUrl(d.code)), d.code);
    assert.equal(
      await rt.services.dossiers.idByCode(counter, scannedCode(rt.services.dossiers.trackingUrl(d.code))),
      d.id,
    );
    assert.equal(scannedCode('https://example.vn/tin-tuc/1'), 'https://example.vn/tin-tuc/1');
  });
});
