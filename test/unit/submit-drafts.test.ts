import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import { fitting, flatten } from '../../app/routes/submit/drafts.server.ts';
import { toFormData } from '../../app/routes/submit/submit-values.ts';

// The submission page's values for a dossier being changed (flatten: stored form data → one string per
// control, the inverse of toFormData) and for a draft resumed on a changed e-form (fitting: only the
// names the form now carries).

const FORM: EformDefinition = {
  title: 'Tờ khai',
  sections: [
    {
      title: 'Người khai',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên', required: true },
        { key: 'soNguoi', type: 'number', label: 'Số người' },
        { key: 'ngaySinh', type: 'date', label: 'Ngày sinh' },
        { key: 'tinh', type: 'catalog', catalog: 'province', label: 'Tỉnh' },
        {
          key: 'mucDich',
          type: 'choice',
          multiple: true,
          label: 'Mục đích',
          options: [
            { value: 'hoc', label: 'Đi học' },
            { value: 'viec', label: 'Xin việc' },
          ],
        },
        { key: 'camDoan', type: 'checkbox', label: 'Cam đoan' },
        { key: 'uyQuyen', type: 'checkbox', label: 'Nộp thay' },
        { key: 'anh', type: 'file', label: 'Ảnh', maxBytes: 1000, extensions: ['jpg'] },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          fields: [
            { key: 'ten', type: 'text', label: 'Tên' },
            { key: 'giay', type: 'file', label: 'Giấy tờ', maxBytes: 1000, extensions: ['pdf'] },
          ],
        },
      ],
    },
  ],
};

const STORED = {
  hoTen: 'Lê Văn An',
  soNguoi: 3,
  ngaySinh: '1990-03-02',
  tinh: '38',
  mucDich: ['hoc', 'viec'],
  camDoan: true,
  uyQuyen: false,
  anh: ['a1'],
  thanhVien: [
    { ten: 'Bé Na', giay: [] },
    { ten: 'Bé Bi', giay: ['g2'] },
  ],
};

describe('the submission page’s values for a dossier being changed', () => {
  it('turns stored form data into the page’s controls, file names included', () => {
    const flat = flatten(FORM, STORED, { a1: 'anh.jpg', g2: 'giay.pdf' });
    assert.equal(flat.hoTen, 'Lê Văn An');
    assert.equal(flat.soNguoi, '3');
    assert.equal(flat.ngaySinh, '02/03/1990', 'dates as the applicant types them');
    assert.equal(flat.mucDich, 'hoc\nviec');
    assert.equal(flat.camDoan, 'on');
    assert.equal(flat.uyQuyen, undefined, 'an unticked box posts nothing');
    assert.equal(flat['anh.files'], JSON.stringify([{ id: 'a1', name: 'anh.jpg' }]));
    assert.equal(flat['n.thanhVien'], '2');
    assert.equal(flat['thanhVien[1].ten'], 'Bé Bi');
    assert.equal(flat['thanhVien[1].giay.files'], JSON.stringify([{ id: 'g2', name: 'giay.pdf' }]));
  });

  it('gives back what was stored when the page posts it unchanged (dates as typed)', () => {
    const again = toFormData(FORM, flatten(FORM, STORED, {}));
    assert.deepEqual(again, {
      ...STORED,
      soNguoi: '3',
      ngaySinh: '02/03/1990',
    });
  });
});

describe('a draft resumed on a changed e-form', () => {
  it('keeps the values whose controls still exist and drops the others', () => {
    const changed: EformDefinition = {
      title: 'Tờ khai mới',
      sections: [
        {
          title: 'Người khai',
          fields: [
            { key: 'hoTen', type: 'text', label: 'Họ và tên' },
            { key: 'diaChi', type: 'text', label: 'Địa chỉ' },
          ],
        },
      ],
    };
    const kept = fitting(changed, {
      agencyId: 'x',
      delivery: 'postal',
      hoTen: 'Lê Văn An',
      soNguoi: '3',
      'thanhVien[0].ten': 'Bé Na',
      'n.thanhVien': '1',
    });
    assert.deepEqual(kept, { agencyId: 'x', delivery: 'postal', hoTen: 'Lê Văn An' });
  });
});
