import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { formatDate } from '../../src/domain/datetime.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { go, MISSING, REASON, toAppraisal } from '../support/dossier-cases.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { flat, line, pdfText, says, sessionOf, spoken } from '../support/pdf-text.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The dossier forms of TT 01/2018/TT-VPCP (Mẫu 01–05; II.2.5 c, II.12.1) read back as a reader would:
 * the text through `pdftotext -layout`, the receipt's barcode and QR code through `zbarimg` on the
 * rendered page. The register, the rule set and who may print: standard-forms-register.test.ts.
 */

let rt: TestRuntime;
let o: DossierOffice;
let counter: AuthContext;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-forms-'));
const AGENCY = 'Sở Tư pháp tỉnh Thanh Hóa';

function save(bytes: Uint8Array, name: string): string {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

async function form(d: { id: string }, n: string, name = `${n}-${d.id}`) {
  const pdf = await rt.services.printing.standardForm(counter, d.id, n);
  assert.equal(new TextDecoder().decode(pdf.bytes.slice(0, 5)), '%PDF-');
  const file = save(pdf.bytes, name);
  return { pdf, file, text: pdfText(file) };
}

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  await rt.database.db
    .updateTable('agencies')
    .set({ name: AGENCY, admin_unit_code: '38', phone: '02373852000' })
    .where('id', '=', o.agency.id)
    .execute();
  counter = await sessionOf(rt, o.ids.counter);
});
after(async () => {
  await rt.stop();
  if (!process.env.KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
});

describe('Mẫu 01, the receipt', () => {
  it('prints the receipt with the applicant, components, times and appointment, and no form it has not reached', async () => {
    const d = await o.receive({
      components: [
        { name: 'Đơn đề nghị cấp phép', copyType: 'original', count: 1, received: true },
        { name: 'Bản sao Căn cước của người đề nghị', copyType: 'certified_copy', count: 2, received: true },
      ],
    });
    assert.ok(d.receivedAt && d.appointmentAt);
    const { pdf, file, text: t } = await form(d, '01');
    assert.equal(pdf.fileName, `mau-01-${d.code}.pdf`);
    assert.match(t, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(t, /SỞ TƯ PHÁP TỈNH THANH HÓA/);
    assert.match(t, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    const [dd, mm, yyyy] = formatDate(d.receivedAt).split('/');
    assert.match(t, new RegExp(`Thanh Hóa, ngày ${dd} tháng ${mm} năm ${yyyy}`));
    assert.equal(line(t, 'Mã hồ sơ'), `Mã hồ sơ: ${d.code}`);
    assert.equal(line(t, 'Bộ phận tiếp nhận và trả kết quả'), `Bộ phận tiếp nhận và trả kết quả: ${AGENCY}`);
    assert.equal(line(t, 'Tiếp nhận hồ sơ của'), 'Tiếp nhận hồ sơ của: Trần Thị Bình');
    assert.equal(line(t, 'Địa chỉ'), 'Địa chỉ: Số 1 đường Lê Lợi');
    assert.equal(line(t, 'Số điện thoại'), 'Số điện thoại: 0912345678');
    assert.equal(line(t, 'Email'), 'Email: binh@example.vn');
    assert.equal(
      line(t, 'Nội dung yêu cầu giải quyết'),
      'Nội dung yêu cầu giải quyết: Đề nghị cấp giấy phép thử nghiệm',
    );
    assert.equal(
      line(t, 'Thủ tục hành chính cần giải quyết'),
      `Thủ tục hành chính cần giải quyết: ${d.procedureName}`,
    );
    assert.match(t, /1\. Thành phần hồ sơ, yêu cầu và số lượng mỗi loại giấy tờ gồm:/);
    assert.match(t, /1\s+Đơn đề nghị cấp phép\s+Bản chính\s+01/);
    assert.match(t, /2\s+Bản sao Căn cước của người đề nghị\s+Bản sao chứng thực\s+02/);
    assert.equal(line(t, '2. Số lượng hồ sơ'), '2. Số lượng hồ sơ: 01 (bộ)');
    assert.equal(
      line(t, '3. Thời gian giải quyết hồ sơ theo quy định là'),
      '3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc',
    );
    says(t, `4. Thời gian nhận hồ sơ: ${spoken(d.receivedAt)}`);
    says(t, `5. Thời gian trả kết quả giải quyết hồ sơ: ${spoken(d.appointmentAt)}`);
    assert.equal(
      line(t, '6. Đăng ký nhận kết quả tại'),
      '6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả',
    );
    assert.match(t, /Vào Sổ theo dõi hồ sơ, Quyển số: …… Số thứ tự: ……/);
    assert.match(t, /NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
    assert.match(t, /\(Ký và ghi rõ họ tên\)\s+\(Ký và ghi rõ họ tên\)/);
    assert.match(t, /Trần Thị Bình/);
    assert.match(t, /Trang 1\/1/);

    // The codes: the page rendered at 200 dpi, read by a barcode reader.
    execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', file, join(scratch, 'receipt')]);
    const scanned = execFileSync('zbarimg', ['-q', join(scratch, 'receipt-1.png')], {
      encoding: 'utf8',
      // zbarimg's image library complains on stderr that there is no D-Bus here; the codes are on stdout.
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .sort();
    assert.deepEqual(scanned, [`CODE-128:${d.code}`, `QR-Code:${rt.services.dossiers.trackingUrl(d.code)}`]);
    assert.match(scanned[1] ?? '', new RegExp(`/tra-cuu-ho-so/${d.code.replace(/\./g, '\\.')}/`));

    // Forms of steps the dossier has not been through are 404 with a message naming the form.
    for (const [n, title] of [
      ['02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'],
      ['03', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ'],
      ['04', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả'],
    ] as const) {
      await assert.rejects(
        rt.services.printing.standardForm(counter, d.id, n),
        (err: Error & { code?: string }) => {
          assert.equal(err.code, 'not_found');
          assert.ok(err.message.includes(title) && err.message.includes(d.code), err.message);
          return true;
        },
      );
    }
    const links = await rt.services.printing.standardFormsOf(
      await rt.services.dossiers.detail(counter, d.id),
    );
    assert.deepEqual(
      links.map((l) => l.number),
      ['01', '05'],
    );
  });

  it('keeps the appointment made at receipt when the dossier is extended later', async () => {
    let d = await toAppraisal(o);
    const promised = d.appointmentAt;
    assert.ok(promised);
    d = await go(o, o.handler, d, 'extend', { reason: 'Cần xác minh thực địa', extensionMinutes: 2 * 480 });
    assert.notEqual(d.appointmentAt, promised);
    const { text: t } = await form(d, '01');
    says(t, `5. Thời gian trả kết quả giải quyết hồ sơ: ${spoken(promised)}`);
  });
  it('lists the uploaded files of a dossier submitted online as electronic copies', async () => {
    const citizen = await sessionOf(rt, o.ids.citizen);
    const upload = await rt.services.dossiers.upload(citizen, {
      name: 'Đơn đề nghị đã ký.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    let d = await o.submit({ fileIds: [upload.id] });
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '01'), { code: 'not_found' });
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    const { text: t } = await form(d, '01');
    assert.match(t, /1\s+Đơn đề nghị đã ký\.pdf\s+Bản điện tử\s+01/);
    assert.ok(d.receivedAt);
    says(t, `4. Thời gian nhận hồ sơ: ${spoken(d.receivedAt)}`);
  });
});

describe('Mẫu 02 and 03, at the counter', () => {
  it('Mẫu 02 lists what is missing and why, signed by the official who asked', async () => {
    const d = await o.receive({
      decision: 'request_supplement',
      reason: REASON,
      missingItems: [...MISSING, 'Tờ khai có chữ ký của người đề nghị'],
    });
    const { text: t } = await form(d, '02');
    assert.match(t, /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ/);
    assert.match(t, /Số: ……\/HDHS/);
    assert.equal(line(t, 'Mã hồ sơ'), `Mã hồ sơ: ${d.code}`);
    assert.equal(line(t, 'Tiếp nhận hồ sơ của Ông/Bà'), 'Tiếp nhận hồ sơ của Ông/Bà: Trần Thị Bình');
    assert.match(t, /Yêu cầu Ông\/Bà hoàn thiện hồ sơ gồm những nội dung như sau:/);
    assert.match(t, new RegExp(`1\\s+${MISSING[0]}`));
    assert.match(t, /2\s+Tờ khai có chữ ký của người đề nghị/);
    assert.equal(line(t, 'Lý do'), `Lý do: ${REASON}`);
    assert.match(
      flat(t),
      /tại Website: http:\/\/\S+ hoặc liên hệ với công chức .+, số điện thoại 02373852000 để được hướng dẫn\.\/\./,
    );
    assert.match(t, /NGƯỜI HƯỚNG DẪN/);
    // Not received: no receipt.
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '01'), { code: 'not_found' });
  });

  it('Mẫu 03 gives the reason of the refusal', async () => {
    const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp';
    const d = await o.receive({ decision: 'refuse', reason });
    const { text: t } = await form(d, '03');
    assert.match(t, /PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ/);
    assert.equal(line(t, 'Tiếp nhận hồ sơ của'), 'Tiếp nhận hồ sơ của: Trần Thị Bình');
    assert.match(
      flat(t),
      new RegExp(
        `Qua xem xét, Bộ phận tiếp nhận hồ sơ ${AGENCY} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: ${reason} Xin thông báo cho Ông/Bà được biết và thực hiện\\./\\.`,
      ),
    );
    assert.match(t, /NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
    // Printed by its occurrence too (a refusal ends the dossier: there is one).
    const first = await rt.services.printing.standardForm(counter, d.id, '03', 1);
    assert.equal(first.fileName, `mau-03-lan-1-${d.code}.pdf`);
    says(pdfText(save(first.bytes, `03-lan-1-${d.id}`)), reason);
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '03', 2), {
      code: 'not_found',
      message: `Hồ sơ ${d.code} có 1 phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu số 03); không có lần thứ 2`,
    });
  });
});

describe('Mẫu 02, every request reprintable', () => {
  it('reprints each supplement request with its own items, reason and date; a third is 404', async () => {
    const first = { reason: 'Thiếu tờ khai', missingItems: ['Tờ khai theo mẫu có chữ ký'] };
    const second = { reason: REASON, missingItems: [...MISSING, 'Sơ đồ vị trí thửa đất'] };
    let d = await o.receive({ decision: 'request_supplement', ...first });
    d = await o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });
    d = await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    d = await go(o, o.counter, d, 'forward');
    d = await go(o, o.head, d, 'forward', { assigneeId: o.ids.handler });
    d = await go(o, o.handler, d, 'request_supplement', second);
    // The first request moved back to another day, so each form's date can only come from its own
    // entry. The history is append-only (a trigger): this test alone steps around it, as a replica
    // would; the forms read the time, not the chain's hashes.
    const earlier = new Date('2026-09-05T03:15:00Z');
    const firstSeq = d.history.find((e) => e.action === 'request_supplement')?.seq;
    assert.ok(firstSeq);
    await rt.database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx
        .updateTable('dossier_events')
        .set({ at: earlier })
        .where('dossier_id', '=', d.id)
        .where('seq', '=', firstSeq)
        .execute();
    });
    const asked = (await o.detail(o.counter, d.id)).history.filter((e) => e.action === 'request_supplement');
    assert.equal(asked.length, 2);
    assert.equal(asked[0]?.at, earlier.toISOString());

    const one = await rt.services.printing.standardForm(counter, d.id, '02', 1);
    assert.equal(one.fileName, `mau-02-lan-1-${d.code}.pdf`);
    const t1 = pdfText(save(one.bytes, `02-lan-1-${d.id}`));
    assert.match(t1, /Thanh Hóa, ngày 05 tháng 09 năm 2026/);
    assert.match(t1, /1\s+Tờ khai theo mẫu có chữ ký/);
    assert.equal(line(t1, 'Lý do'), `Lý do: ${first.reason}`);
    assert.doesNotMatch(t1, /Sơ đồ vị trí thửa đất/);

    const [dd, mm, yyyy] = formatDate(asked[1]?.at ?? '').split('/');
    const latest = await form(d, '02', `02-latest-${d.id}`);
    const two = await rt.services.printing.standardForm(counter, d.id, '02', 2);
    assert.equal(latest.pdf.fileName, `mau-02-${d.code}.pdf`);
    for (const t2 of [pdfText(save(two.bytes, `02-lan-2-${d.id}`)), latest.text]) {
      assert.match(t2, new RegExp(`Thanh Hóa, ngày ${dd} tháng ${mm} năm ${yyyy}`));
      assert.match(t2, new RegExp(`1\\s+${MISSING[0]}`));
      assert.match(t2, /2\s+Sơ đồ vị trí thửa đất/);
      assert.equal(line(t2, 'Lý do'), `Lý do: ${REASON}`);
      assert.doesNotMatch(t2, /Tờ khai theo mẫu có chữ ký/);
    }

    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '02', 3), {
      code: 'not_found',
      message: `Hồ sơ ${d.code} có 2 phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu số 02); không có lần thứ 3`,
    });
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '01', 2), { code: 'not_found' });
    await assert.rejects(rt.services.printing.standardForm(counter, d.id, '02', 0), {
      code: 'validation_failed',
      fields: [{ field: 'lan', message: 'Lần in (lan) phải là số nguyên từ 1 trở lên' }],
    });
    const links = await rt.services.printing.standardFormsOf(
      await rt.services.dossiers.detail(counter, d.id),
    );
    assert.deepEqual(
      links.find((l) => l.number === '02')?.occurrences?.map((x) => [x.lan, x.at.toISOString()]),
      asked.map((e, i) => [i + 1, e.at]),
    );
  });
});

describe('Mẫu 04 and 05, while processing', () => {
  let d: DossierDetail;
  let promised: string;

  before(async () => {
    d = await toAppraisal(o);
    assert.ok(d.appointmentAt);
    promised = d.appointmentAt;
    d = await go(o, o.handler, d, 'extend', {
      reason: 'Cần lấy ý kiến cơ quan chuyên môn',
      extensionMinutes: 3 * 480,
    });
  });

  it('Mẫu 04 apologises with the reason, the old appointment and the new day', async () => {
    assert.ok(d.receivedAt && d.appointmentAt);
    const { text: t } = await form(d, '04');
    assert.match(t, /PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ/);
    assert.equal(line(t, 'Kính gửi'), 'Kính gửi: Trần Thị Bình');
    assert.match(flat(t), new RegExp(`Ngày ${formatDate(d.receivedAt)}, ${AGENCY} tiếp nhận hồ sơ`));
    assert.equal(line(t, 'Mã hồ sơ / Số biên nhận hồ sơ'), `Mã hồ sơ / Số biên nhận hồ sơ: ${d.code}`);
    says(t, `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${spoken(promised)}`);
    assert.match(flat(t), /đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả\./);
    assert.equal(line(t, 'Lý do'), 'Lý do: Cần lấy ý kiến cơ quan chuyên môn');
    const [dd, mm, yyyy] = formatDate(d.appointmentAt).split('/');
    assert.equal(
      line(t, 'Thời gian hẹn trả kết quả lại'),
      `Thời gian hẹn trả kết quả lại: ngày ${dd} tháng ${mm} năm ${yyyy}`,
    );
    assert.match(t, /THỦ TRƯỞNG CƠ QUAN/);
  });

  it('Mẫu 04 also arises for a late dossier that was not extended, the new date left to the hand', async () => {
    const late = await o.receive();
    const missed = new Date(Date.now() - 2 * 86_400_000);
    await rt.database.db
      .updateTable('dossiers')
      .set({ appointment_at: missed })
      .where('id', '=', late.id)
      .execute();
    const { text: t } = await form(late, '04');
    says(t, `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${spoken(missed.toISOString())}`);
    assert.equal(line(t, 'Lý do'), 'Lý do: ……');
    assert.equal(
      line(t, 'Thời gian hẹn trả kết quả lại'),
      'Thời gian hẹn trả kết quả lại: ngày …… tháng …… năm ……',
    );
  });

  it('Mẫu 05 has one row per hand-over, in order, and none for the extension', async () => {
    const { text: t, file } = await form(d, '05');
    assert.match(t, /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/);
    assert.equal(line(t, 'Mã hồ sơ'), `Mã hồ sơ: ${d.code}`);
    assert.equal(line(t, 'Kèm theo hồ sơ của'), 'Kèm theo hồ sơ của: Trần Thị Bình');
    assert.ok(d.receivedAt);
    says(t, `Ngày nhận: ${spoken(d.receivedAt)}`);
    // Content-stream order: the cells of each row, row after row.
    const raw = flat(pdfText(file, '-raw'));
    // (a narrow header cell may break after a slash)
    says(
      raw.replace(/\/ /g, '/'),
      'TÊN CƠ QUAN THỜI GIAN GIAO, NHẬN HỒ SƠ KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn) GHI CHÚ',
    );
    const step = (id: string) => o.definition.steps.find((s) => s.id === id)?.name ?? id;
    const moves = d.history.filter((e) => e.action === 'forward');
    assert.equal(moves.length, 2);
    let from = 0;
    for (const [i, [a, b]] of [
      ['tiep-nhan', 'phan-cong'],
      ['phan-cong', 'tham-dinh'],
    ].entries()) {
      const giao = raw.indexOf(`1. Giao: ${step(a as string)}`, from);
      const nhan = raw.indexOf(`2. Nhận: ${step(b as string)}`, giao);
      const at = raw.indexOf(formatDate(moves[i]?.at ?? ''), nhan);
      assert.ok(giao >= from && nhan > giao && at > nhan, `row ${i + 1} in order: ${raw}`);
      from = at;
    }
    assert.equal(raw.split('1. Giao:').length - 1, 2, 'the extension hands nothing over');
    assert.match(raw, /Trước hạn|Đúng hạn/);
  });
});
