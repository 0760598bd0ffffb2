import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { createAccount } from '../support/factories.ts';
import { pdfText, sessionOf } from '../support/pdf-text.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** The filled e-form as PDF (III.1.3, II.12.2), read back through pdftotext as a reader would. */

let rt: TestRuntime;
let o: DossierOffice;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-pdf-'));

/** A form with every kind of value the printout must turn into words. */
const FORM: EformDefinition = {
  title: 'Tờ khai đăng ký thường trú',
  sections: [
    {
      title: 'Thông tin người khai',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ, chữ đệm và tên', required: true },
        { key: 'ngaySinh', type: 'date', label: 'Ngày, tháng, năm sinh', required: true },
        {
          key: 'gioiTinh',
          type: 'choice',
          label: 'Giới tính',
          options: [
            { value: 'nam', label: 'Nam' },
            { value: 'nu', label: 'Nữ' },
          ],
        },
        { key: 'tinh', type: 'catalog', catalog: 'province', label: 'Tỉnh, thành phố', required: true },
        {
          key: 'xa',
          type: 'catalog',
          catalog: 'commune',
          parentField: 'tinh',
          label: 'Xã, phường',
          required: true,
        },
        { key: 'ghiChu', type: 'text', label: 'Ghi chú khác' },
      ],
    },
    {
      title: 'Những người cùng chuyển đến',
      fields: [
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          itemLabel: 'thành viên',
          fields: [
            { key: 'ten', type: 'text', label: 'Họ và tên', required: true },
            { key: 'ngaySinh', type: 'date', label: 'Ngày sinh' },
            {
              key: 'quanHe',
              type: 'choice',
              label: 'Quan hệ với người khai',
              options: [
                { value: 'con', label: 'Con đẻ' },
                { value: 'vo', label: 'Vợ' },
              ],
            },
          ],
        },
        {
          key: 'lyDo',
          type: 'group',
          label: 'Lý do chuyển đến',
          itemLabel: 'Lý do',
          fields: [{ key: 'moTa', type: 'textarea', label: 'Mô tả' }],
        },
      ],
    },
    {
      title: 'Giấy tờ và cam đoan',
      fields: [
        {
          key: 'banSao',
          type: 'file',
          label: 'Bản sao giấy khai sinh',
          maxBytes: 1_000_000,
          extensions: ['pdf'],
        },
        { key: 'nhanTinNhan', type: 'checkbox', label: 'Nhận thông báo qua tin nhắn' },
        { key: 'camDoan', type: 'checkbox', label: 'Tôi cam đoan lời khai trên là đúng', required: true },
      ],
    },
  ],
};

const FILLED = {
  hoTen: 'Nguyễn Thị Lịch',
  ngaySinh: '1990-03-07',
  gioiTinh: 'nu',
  tinh: '38',
  xa: '14797',
  thanhVien: [
    { ten: 'Lê Minh Khải', ngaySinh: '2015-11-20', quanHe: 'con' },
    { ten: 'Lê Thị Mai', quanHe: 'con' },
  ],
  lyDo: [{ moTa: 'Chuyển đến ở cùng gia đình' }],
  nhanTinNhan: false,
  camDoan: true,
};

const authOf = (accountId: string): Promise<AuthContext> => sessionOf(rt, accountId);

function textOf(bytes: Uint8Array, name: string): string {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return pdfText(file);
}

/** The "label: value" line (pdftotext may pad columns with spaces, never inside one line's text). */
const line = (text: string, label: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(`${label}:`));

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  const procedure = await rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  await rt.database.db
    .insertInto('eform_versions')
    .values({ procedure_id: procedure.id, version: 1, definition: JSON.stringify(FORM), created_by: null })
    .execute();
});
after(async () => {
  await rt.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the filled e-form as PDF', () => {
  it('prints every field of an online dossier in words: names, places, options, dates, groups, files', async () => {
    const citizen = await authOf(o.ids.citizen);
    const upload = await rt.services.dossiers.upload(citizen, {
      name: 'Giấy khai sinh của Lịch.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    const d = await o.submit({ formData: { ...FILLED, banSao: [upload.id] }, fileIds: [upload.id] });

    const pdf = await rt.services.printing.dossierForm(citizen, d.id);
    assert.equal(pdf.fileName, `to-khai-${d.code}.pdf`);
    assert.equal(new TextDecoder().decode(pdf.bytes.slice(0, 5)), '%PDF-');
    const text = textOf(pdf.bytes, 'dossier');

    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Tờ khai đăng ký thường trú/);
    assert.equal(line(text, 'Mã hồ sơ'), `Mã hồ sơ: ${d.code}`);
    assert.equal(line(text, 'Thủ tục hành chính'), `Thủ tục hành chính: ${d.procedureName}`);
    assert.match(line(text, 'Ngày nộp') ?? '', /^Ngày nộp: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    // "ị" and plain "i" stay apart in the text layer (the ccmp fix), and Vietnamese names are exact.
    assert.equal(line(text, 'Họ, chữ đệm và tên'), 'Họ, chữ đệm và tên: Nguyễn Thị Lịch');
    assert.equal(line(text, 'Ngày, tháng, năm sinh'), 'Ngày, tháng, năm sinh: 07/03/1990');
    assert.equal(line(text, 'Giới tính'), 'Giới tính: Nữ');
    assert.equal(line(text, 'Tỉnh, thành phố'), 'Tỉnh, thành phố: Tỉnh Thanh Hóa');
    assert.equal(line(text, 'Xã, phường'), 'Xã, phường: Phường Hạc Thành');
    assert.equal(line(text, 'Ghi chú khác'), 'Ghi chú khác: ……', 'unfilled: left for the hand');
    // The group of short fields is a table, one numbered row per member.
    assert.match(text, /1\s+Lê Minh Khải\s+20\/11\/2015\s+Con đẻ/);
    assert.match(text, /2\s+Lê Thị Mai\s+……\s+Con đẻ/);
    assert.match(text, /^\s*Lý do 1$/m);
    assert.equal(line(text, 'Mô tả'), 'Mô tả: Chuyển đến ở cùng gia đình');
    assert.equal(line(text, 'Bản sao giấy khai sinh'), 'Bản sao giấy khai sinh: Giấy khai sinh của Lịch.pdf');
    assert.equal(line(text, 'Nhận thông báo qua tin nhắn'), 'Nhận thông báo qua tin nhắn: Không');
    assert.equal(line(text, 'Tôi cam đoan lời khai trên là đúng'), 'Tôi cam đoan lời khai trên là đúng: Có');
    assert.match(text, /……, ngày \d{2} tháng \d{2} năm \d{4}/);
    assert.match(text, /NGƯỜI KHAI/);
    assert.match(text, /\(Ký, ghi rõ họ tên\)/);
    assert.doesNotMatch(text, /Mịnh|Khảị|Lịịch/, 'no stray dot below on plain i');

    const info = execFileSync('pdfinfo', [join(scratch, 'dossier.pdf')], { encoding: 'utf8' });
    assert.match(info, /Title:\s+Tờ khai đăng ký thường trú — /);
    assert.match(info, /Author:\s+Cổng Dịch vụ công/);
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 1, info);
    for (let p = 1; p <= pages; p++) assert.match(text, new RegExp(`Trang ${p}/${pages}\\b`));
    // The date line and the signature stay on one page.
    assert.match(text, /……, ngày \d{2} tháng \d{2} năm \d{4}\s*\n\s*NGƯỜI KHAI/);

    // Officials who may read the dossier print the same form.
    const counter = await authOf(o.ids.counter);
    const again = textOf((await rt.services.printing.dossierForm(counter, d.id)).bytes, 'counter');
    assert.equal(line(again, 'Họ, chữ đệm và tên'), 'Họ, chữ đệm và tên: Nguyễn Thị Lịch');
  });

  it('shows another applicant nothing (404) and refuses officials outside the partition (403)', async () => {
    const d = await o.submit({ formData: FILLED });
    const stranger = await createAccount(rt.database, { kind: 'citizen' });
    await assert.rejects(rt.services.printing.dossierForm(await authOf(stranger.id), d.id), {
      code: 'not_found',
    });
    await assert.rejects(rt.services.printing.dossierForm(await authOf(o.ids.outsider), d.id), {
      code: 'forbidden',
    });
    await assert.rejects(rt.services.printing.dossierForm(undefined, d.id), { code: 'unauthenticated' });
    await assert.rejects(
      rt.services.printing.dossierForm(await authOf(o.ids.citizen), '00000000-0000-4000-8000-000000000000'),
      { code: 'not_found' },
    );
  });

  it('prints the form being filled in before submission, for the signed-in applicant only', async () => {
    const citizen = await authOf(o.ids.citizen);
    const pdf = await rt.services.printing.draftForm(citizen, o.procedureCode, {
      data: { hoTen: 'Phạm Văn Tịnh', ngaySinh: '1985-12-01', tinh: '01', xa: '00004', thanhVien: [] },
      agencyId: o.agency.id,
      fileNames: new Map(),
    });
    assert.equal(pdf.fileName, `to-khai-${o.procedureCode}.pdf`);
    const text = textOf(pdf.bytes, 'draft');
    assert.match(text, /\(Bản khai chưa nộp\)/);
    assert.equal(line(text, 'Mã hồ sơ'), undefined, 'no code before submission');
    assert.equal(line(text, 'Họ, chữ đệm và tên'), 'Họ, chữ đệm và tên: Phạm Văn Tịnh');
    assert.equal(line(text, 'Ngày, tháng, năm sinh'), 'Ngày, tháng, năm sinh: 01/12/1985');
    assert.equal(line(text, 'Tỉnh, thành phố'), 'Tỉnh, thành phố: Thành phố Hà Nội');
    assert.equal(line(text, 'Xã, phường'), 'Xã, phường: Phường Ba Đình');
    assert.equal(line(text, 'Giới tính'), 'Giới tính: ……');
    assert.match(text, /1\s+……\s+……\s+……/, 'an empty group prints one blank row');
    assert.match(text, /……, ngày …… tháng …… năm ……/, 'the date is left for the signature');
    const agency = await rt.database.db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', o.agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(line(text, 'Cơ quan tiếp nhận'), `Cơ quan tiếp nhận: ${agency.name}`);

    await assert.rejects(
      rt.services.printing.draftForm(await authOf(o.ids.counter), o.procedureCode, { data: {} }),
      { code: 'forbidden' },
    );
    await assert.rejects(rt.services.printing.draftForm(undefined, o.procedureCode, { data: {} }), {
      code: 'unauthenticated',
    });
    await assert.rejects(rt.services.printing.draftForm(citizen, 'KHONG-CO', { data: {} }), {
      code: 'not_found',
    });
  });
  it('prints a dossier received at the counter on the current form, blank for the hand', async () => {
    const d = await o.receive();
    const text = textOf(
      (await rt.services.printing.dossierForm(await authOf(o.ids.counter), d.id)).bytes,
      'paper',
    );
    assert.equal(line(text, 'Mã hồ sơ'), `Mã hồ sơ: ${d.code}`);
    assert.equal(line(text, 'Người nộp hồ sơ'), 'Người nộp hồ sơ: Trần Thị Bình');
    assert.equal(line(text, 'Họ, chữ đệm và tên'), 'Họ, chữ đệm và tên: ……');
    assert.equal(line(text, 'Tỉnh, thành phố'), 'Tỉnh, thành phố: ……');
    assert.equal(line(text, 'Tôi cam đoan lời khai trên là đúng'), 'Tôi cam đoan lời khai trên là đúng: ……');
  });

  // Last: versions are append-only, so the new one stays for the rest of the file.
  it('keeps the form version the dossier was filled with', async () => {
    const citizen = await authOf(o.ids.citizen);
    const d = await o.submit({ formData: FILLED });
    const procedure = await rt.database.db
      .selectFrom('procedures')
      .select('id')
      .where('code', '=', o.procedureCode)
      .executeTakeFirstOrThrow();
    const renamed = { ...FORM, title: 'Tờ khai mẫu mới' };
    await rt.database.db
      .insertInto('eform_versions')
      .values({
        procedure_id: procedure.id,
        version: 2,
        definition: JSON.stringify(renamed),
        created_by: null,
      })
      .execute();
    const text = textOf((await rt.services.printing.dossierForm(citizen, d.id)).bytes, 'versioned');
    assert.match(text, /Tờ khai đăng ký thường trú/);
    assert.doesNotMatch(text, /Tờ khai mẫu mới/);
  });
});
