import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eformDefinitionProblems, walkFields } from './eform.ts';
import type { EformDefinition } from './eform.ts';
import { checkEformData } from './eform-validate.ts';

const form: EformDefinition = {
  title: 'Tờ khai đăng ký khai sinh',
  sections: [
    {
      title: 'Người đi đăng ký',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên', required: true, help: 'Viết in hoa có dấu' },
        { key: 'soDinhDanh', type: 'id_number', label: 'Số định danh cá nhân', required: true },
        { key: 'dienThoai', type: 'phone', label: 'Số điện thoại' },
        { key: 'email', type: 'email', label: 'Thư điện tử' },
        { key: 'tinh', type: 'catalog', catalog: 'province', label: 'Tỉnh, thành phố', required: true },
        {
          key: 'xa',
          type: 'catalog',
          catalog: 'commune',
          parentField: 'tinh',
          label: 'Xã, phường',
          required: true,
        },
        {
          key: 'quanHe',
          type: 'choice',
          label: 'Quan hệ với người được khai sinh',
          options: [
            { value: 'cha', label: 'Cha' },
            { value: 'me', label: 'Mẹ' },
            { value: 'khac', label: 'Khác' },
          ],
          required: true,
        },
        {
          key: 'quanHeKhac',
          type: 'text',
          label: 'Quan hệ khác',
          required: true,
          visibleWhen: { field: 'quanHe', in: ['khac'] },
        },
      ],
    },
    {
      title: 'Người được khai sinh',
      fields: [
        { key: 'ngaySinh', type: 'date', label: 'Ngày sinh', required: true, notFuture: true },
        { key: 'canNang', type: 'number', label: 'Cân nặng (gam)', min: 300, max: 8000, integer: true },
        { key: 'dongY', type: 'checkbox', label: 'Tôi cam đoan thông tin là đúng', required: true },
        {
          key: 'giayChungSinh',
          type: 'file',
          label: 'Giấy chứng sinh',
          maxBytes: 5_000_000,
          extensions: ['pdf', 'jpg'],
          maxFiles: 1,
        },
        {
          key: 'anhChiEm',
          type: 'group',
          label: 'Anh chị em ruột',
          maxItems: 2,
          fields: [
            { key: 'hoTen', type: 'text', label: 'Họ và tên', required: true },
            { key: 'namSinh', type: 'number', label: 'Năm sinh', integer: true, min: 1900 },
          ],
        },
      ],
    },
  ],
};

const catalogs = (catalog: string, code: string, parent: string | null) =>
  (catalog === 'province' && code === '38') || (catalog === 'commune' && code === '14797' && parent === '38');
const opts = { isCatalogCode: catalogs, today: '2026-12-04' };

const good = {
  hoTen: ' NGUYỄN VĂN AN ',
  soDinhDanh: '038085001234',
  dienThoai: '0912 345 678',
  tinh: '38',
  xa: '14797',
  quanHe: 'cha',
  ngaySinh: '01/12/2026',
  canNang: '3200',
  dongY: 'on',
  anhChiEm: [{ hoTen: 'Nguyễn Thị Bình', namSinh: 2020 }],
  khongCo: 'bỏ đi',
};

describe('e-form data', () => {
  it('keeps clean values of visible, known fields', () => {
    const r = checkEformData(form, good, opts);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.values, {
      hoTen: 'NGUYỄN VĂN AN',
      soDinhDanh: '038085001234',
      dienThoai: '0912345678',
      tinh: '38',
      xa: '14797',
      quanHe: 'cha',
      ngaySinh: '2026-12-01',
      canNang: 3200,
      dongY: true,
      anhChiEm: [{ hoTen: 'Nguyễn Thị Bình', namSinh: 2020 }],
    });
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['a missing required text', { hoTen: '' }, 'formData.hoTen', /Họ và tên \(formData\.hoTen\) là bắt buộc/],
    ['a bad identity number', { soDinhDanh: '12345' }, 'formData.soDinhDanh', /CCCD 12 chữ số/],
    ['a bad phone', { dienThoai: '12345' }, 'formData.dienThoai', /10 chữ số/],
    ['a bad e-mail', { email: 'a@' }, 'formData.email', /ten@example\.vn/],
    ['a commune outside the province', { xa: '00004' }, 'formData.xa', /đơn vị cấp trên/],
    ['an unknown option', { quanHe: 'ong' }, 'formData.quanHe', /lựa chọn không hợp lệ/],
    ['a shown condition field left empty', { quanHe: 'khac' }, 'formData.quanHeKhac', /bắt buộc/],
    ['a date that does not exist', { ngaySinh: '31/02/2026' }, 'formData.ngaySinh', /ngày hợp lệ/],
    ['a date in the future', { ngaySinh: '05/12/2026' }, 'formData.ngaySinh', /sau ngày hôm nay/],
    ['a number out of range', { canNang: '100' }, 'formData.canNang', /không được nhỏ hơn 300/],
    ['a decimal where an integer is needed', { canNang: '3200.5' }, 'formData.canNang', /số nguyên/],
    ['not a number', { canNang: 'ba ký' }, 'formData.canNang', /phải là số/],
    ['an unconfirmed declaration', { dongY: '' }, 'formData.dongY', /xác nhận/],
    ['a file that is not an upload id', { giayChungSinh: 'x' }, 'formData.giayChungSinh', /không hợp lệ/],
    [
      'too many group items',
      { anhChiEm: [{ hoTen: 'A' }, { hoTen: 'B' }, { hoTen: 'C' }] },
      'formData.anhChiEm',
      /tối đa 2/,
    ],
    [
      'a bad field inside a group item',
      { anhChiEm: [{ hoTen: 'A' }, { hoTen: '' }] },
      'formData.anhChiEm[1].hoTen',
      /bắt buộc/,
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what}, naming the field`, () => {
      const r = checkEformData(form, { ...good, ...change }, opts);
      const p = r.problems.find((x) => x.field === field);
      assert.ok(p, JSON.stringify(r.problems));
      assert.match(p.message, message);
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
    });
  }

  it('drops a hidden field whatever it holds', () => {
    const r = checkEformData(form, { ...good, quanHeKhac: 123 }, opts);
    assert.deepEqual(r.problems, []);
    assert.equal('quanHeKhac' in r.values, false);
  });
});

describe('e-form definitions', () => {
  it('accepts a good definition and lists its fields with paths', () => {
    assert.deepEqual(eformDefinitionProblems(form), []);
    assert.ok(walkFields(form).some((f) => f.path === 'anhChiEm[].namSinh'));
  });

  it('reports bad keys, duplicates, unknown references, empty options and deep groups', () => {
    const broken: EformDefinition = {
      title: 'x',
      sections: [
        {
          title: 'A',
          fields: [
            { key: 'ho ten', type: 'text', label: 'Họ tên' },
            { key: 'a', type: 'text', label: 'A' },
            { key: 'a', type: 'text', label: 'A lần hai' },
            { key: 'b', type: 'text', label: 'B', visibleWhen: { field: 'khongCo', in: ['x'] } },
            { key: 'c', type: 'choice', label: 'C', options: [] },
            { key: 'd', type: 'catalog', catalog: 'commune', parentField: 'tinhKhongCo', label: 'D' },
            { key: 'e', type: 'file', label: 'E', maxBytes: 0, extensions: [] },
            {
              key: 'g',
              type: 'group',
              label: 'G',
              fields: [
                {
                  key: 'h',
                  type: 'group',
                  label: 'H',
                  fields: [{ key: 'i', type: 'group', label: 'I', fields: [] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const paths = eformDefinitionProblems(broken).map((p) => p.path);
    for (const p of ['ho ten', 'a', 'b', 'c', 'd', 'e', 'g[].h[].i'])
      assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  });
});
