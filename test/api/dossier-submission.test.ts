import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import { dossierOffice, validFormData } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Online submission checks the form data against the procedure's current e-form (III.1.1, III.4.2,
 * II.2.3): every field type rejects a bad value with a 400 naming `formData.<field>`, all problems at
 * once; a good submission stores the cleaned values and the e-form version it was checked against.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

const FORM: EformDefinition = {
  title: 'Tờ khai thử nghiệm',
  sections: [
    {
      title: 'Người khai',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên', required: true, maxLength: 50 },
        { key: 'maSo', type: 'text', label: 'Mã số', pattern: '[A-Z]{2}\\d{3}', patternHint: 'AB123' },
        { key: 'ghiChu', type: 'textarea', label: 'Ghi chú', maxLength: 20 },
        { key: 'soNguoi', type: 'number', label: 'Số người', integer: true, min: 1, max: 10 },
        { key: 'ngaySinh', type: 'date', label: 'Ngày sinh', notFuture: true, required: true },
        {
          key: 'gioiTinh',
          type: 'choice',
          label: 'Giới tính',
          options: [
            { value: 'nam', label: 'Nam' },
            { value: 'nu', label: 'Nữ' },
          ],
        },
        { key: 'tinh', type: 'catalog', catalog: 'province', label: 'Tỉnh', required: true },
        { key: 'xa', type: 'catalog', catalog: 'commune', parentField: 'tinh', label: 'Xã', required: true },
        { key: 'cccd', type: 'id_number', label: 'Số CCCD', required: true },
        { key: 'dienThoai', type: 'phone', label: 'Điện thoại' },
        { key: 'email', type: 'email', label: 'Thư điện tử' },
        { key: 'uyQuyen', type: 'checkbox', label: 'Nộp thay' },
        {
          key: 'nguoiUyQuyen',
          type: 'text',
          label: 'Người ủy quyền',
          required: true,
          visibleWhen: { field: 'uyQuyen', in: ['true'] },
        },
        { key: 'anh', type: 'file', label: 'Ảnh', maxBytes: 1_000_000, extensions: ['jpg'], maxFiles: 1 },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          minItems: 1,
          maxItems: 3,
          fields: [
            { key: 'ten', type: 'text', label: 'Tên', required: true },
            { key: 'ngaySinh', type: 'date', label: 'Ngày sinh' },
          ],
        },
        { key: 'camDoan', type: 'checkbox', label: 'Cam đoan', required: true },
      ],
    },
  ],
};

const GOOD = {
  hoTen: '  Lê Văn An ',
  maSo: 'AB123',
  ghiChu: 'ngắn',
  soNguoi: '3',
  ngaySinh: '02/03/1990',
  gioiTinh: 'nam',
  tinh: '38',
  xa: '14797',
  cccd: '0012 3456 7890',
  dienThoai: '0912.345.678',
  email: 'An@Example.VN',
  uyQuyen: 'false',
  nguoiUyQuyen: 'ẩn nên bị bỏ',
  anh: [randomUUID()],
  thanhVien: [{ ten: 'Bé Na', ngaySinh: '2015-01-05' }],
  camDoan: 'on',
};

const BAD: Record<string, unknown> = {
  hoTen: 'x'.repeat(51),
  maSo: 'ab12',
  ghiChu: 'quá dài cho trường ghi chú',
  soNguoi: '2.5',
  ngaySinh: '31/02/1990',
  gioiTinh: 'khac',
  tinh: '99',
  xa: '00004',
  cccd: '12345',
  dienThoai: '12345',
  email: 'khong-phai-email',
  uyQuyen: 'true',
  anh: ['khong-phai-id'],
  thanhVien: [{ ngaySinh: '2015-01-05' }],
};

async function post(formData: Record<string, unknown>) {
  return o.citizen.post('/api/portal/dossiers', {
    procedureCode: o.procedureCode,
    agencyId: o.agency.id,
    applicant: { kind: 'citizen', idNumber: o.citizenIdNumber, fullName: 'Lê Văn An', phone: '0912345678' },
    formData,
  });
}

async function stored(id: string) {
  return rt.database.db
    .selectFrom('dossiers')
    .select(['form_data', 'eform_version', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('online submission: e-form validation', () => {
  it('checks against the built-in default form (version 0) until one is saved', async () => {
    const empty = await post({});
    assert.equal(empty.statusCode, 400, empty.body);
    const fields = empty.json<{ errors: { field: string }[] }>().errors.map((f) => f.field);
    for (const f of ['hoTen', 'soDinhDanh', 'dienThoai', 'tinh', 'xa', 'diaChi', 'noiDung', 'camDoan'])
      assert.ok(fields.includes(`formData.${f}`), `${f} in ${fields.join(', ')}`);
    const res = await post({ ...validFormData(o.citizenIdNumber), extra: 'bỏ' });
    assert.equal(res.statusCode, 201, res.body);
    const row = await stored(res.json<{ id: string }>().id);
    assert.equal(row.eform_version, 0);
    assert.equal(row.status, 'moi_dang_ky');
    assert.equal(row.form_data.extra, undefined);
  });

  it('rejects a bad value of every field type, naming each field, and stores nothing', async () => {
    await rt.database.db
      .insertInto('eform_versions')
      .values({
        procedure_id: (
          await rt.database.db
            .selectFrom('procedures')
            .select('id')
            .where('code', '=', o.procedureCode)
            .executeTakeFirstOrThrow()
        ).id,
        version: 1,
        definition: JSON.stringify(FORM),
      })
      .execute();
    const before = await rt.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(BAD);
    assert.equal(res.statusCode, 400, res.body);
    const fields = res.json<{ errors: { field: string; message: string }[] }>().errors;
    const named = fields.map((f) => f.field);
    for (const f of [
      'hoTen',
      'maSo',
      'ghiChu',
      'soNguoi',
      'ngaySinh',
      'gioiTinh',
      'tinh',
      'xa',
      'cccd',
      'dienThoai',
      'email',
      'nguoiUyQuyen',
      'anh',
      'thanhVien[0].ten',
      'camDoan',
    ])
      assert.ok(named.includes(`formData.${f}`), `formData.${f} missing from ${named.join(', ')}`);
    assert.ok(fields.every((f) => /[À-ỹa-z]/.test(f.message)));
    const after = await rt.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('rejects a commune outside the chosen province, a future date and too many group items', async () => {
    const res = await post({
      ...GOOD,
      tinh: '01',
      ngaySinh: '01/01/2999',
      thanhVien: [{ ten: 'a' }, { ten: 'b' }, { ten: 'c' }, { ten: 'd' }],
    });
    assert.equal(res.statusCode, 400, res.body);
    const named = res.json<{ errors: { field: string }[] }>().errors.map((f) => f.field);
    assert.deepEqual(named.sort(), ['formData.ngaySinh', 'formData.thanhVien', 'formData.xa']);
  });

  it('stores the cleaned values and the e-form version of a good submission', async () => {
    // A file field holds the id of the applicant's own upload, attached with the dossier.
    const up = await o.citizen.request({
      method: 'POST',
      url: '/api/dossier-files?fileName=anh.jpg',
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(up.statusCode, 201, up.body);
    const anh = [up.json<{ id: string }>().id];
    const res = await post({ ...GOOD, anh });
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json<{ id: string; formData: Record<string, unknown> }>();
    const row = await stored(d.id);
    assert.equal(row.eform_version, 1);
    assert.deepEqual(row.form_data, {
      hoTen: 'Lê Văn An',
      maSo: 'AB123',
      ghiChu: 'ngắn',
      soNguoi: 3,
      ngaySinh: '1990-03-02',
      gioiTinh: 'nam',
      tinh: '38',
      xa: '14797',
      cccd: '001234567890',
      dienThoai: '0912345678',
      email: 'an@example.vn',
      uyQuyen: false,
      anh,
      thanhVien: [{ ten: 'Bé Na', ngaySinh: '2015-01-05' }],
      camDoan: true,
    });
    assert.deepEqual(d.formData, row.form_data);
  });
});
