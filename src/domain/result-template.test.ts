import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EformDefinition } from './eform.ts';
import {
  availablePlaceholders,
  bodyBlocks,
  fillText,
  placeholdersIn,
  templateProblems,
} from './result-template.ts';
import type { ResultTemplate } from './result-template.ts';

const form: EformDefinition = {
  title: 'Tờ khai',
  sections: [
    {
      title: 'A',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên' },
        { key: 'ngaySinh', type: 'date', label: 'Ngày sinh' },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          fields: [{ key: 'ten', type: 'text', label: 'Tên' }],
        },
      ],
    },
  ],
};
const known = new Set(availablePlaceholders(form).map((p) => p.name));
const ok: ResultTemplate = {
  title: 'GIẤY PHÉP {{hoSo.ma}}',
  body: 'Cấp cho ông/bà {{ nguoiNop.hoTen }}.',
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
};

describe('result templates', () => {
  it('offers the dossier placeholders and top-level e-form fields, not a group or its items', () => {
    assert.ok(known.has('hoSo.ma'));
    assert.ok(known.has('nguoiKy.chucDanh'));
    assert.ok(known.has('form.hoTen'));
    assert.ok(known.has('form.ngaySinh'));
    assert.equal(known.has('form.thanhVien'), false);
    assert.equal(known.has('form.thanhVien[].ten'), false);
  });

  const parsing: [string, string[]][] = [
    ['no placeholder', []],
    ['{{a}} and {{ b.c }} and {{a}}', ['a', 'b.c']],
    ['{{}}', ['']],
    ['{{ form.hoTen}}', ['form.hoTen']],
  ];
  for (const [text, names] of parsing)
    it(`finds ${JSON.stringify(names)} in "${text}"`, () => assert.deepEqual(placeholdersIn(text), names));

  const problems: [string, Partial<ResultTemplate>, { field: string; message: RegExp }[]][] = [
    ['a valid template', {}, []],
    [
      'an unknown placeholder, named',
      { body: 'Ông {{form.khongCo}}' },
      [{ field: 'body', message: /Nội dung \(body\) dùng trường không có: \{\{form\.khongCo\}\}/ }],
    ],
    [
      'an unknown placeholder in the title',
      { title: '{{hoSo.x}}' },
      [{ field: 'title', message: /\{\{hoSo\.x\}\}/ }],
    ],
    ['an unclosed brace', { body: 'Ông {{nguoiNop.hoTen' }, [{ field: 'body', message: /chưa đóng/ }]],
    ['an empty body', { body: '  ' }, [{ field: 'body', message: /không được để trống/ }]],
    ['no signer title', { signerTitle: '' }, [{ field: 'signerTitle', message: /Chức danh người ký/ }]],
  ];
  for (const [name, change, expected] of problems)
    it(`checks ${name}`, () => {
      const got = templateProblems({ ...ok, ...change }, known);
      assert.equal(got.length, expected.length, JSON.stringify(got));
      expected.forEach((e, i) => {
        assert.equal(got[i]?.field, e.field);
        assert.match(got[i]?.message ?? '', e.message);
      });
    });

  const values = new Map([
    ['nguoiNop.hoTen', 'Nguyễn Thị Lịch'],
    ['form.ngaySinh', '07/03/1990'],
    ['form.ghiChu', 'a: b'],
  ]);
  const fills: [string, string][] = [
    ['Ông/bà {{nguoiNop.hoTen}}, sinh {{ form.ngaySinh }}', 'Ông/bà Nguyễn Thị Lịch, sinh 07/03/1990'],
    ['Trống: {{form.khac}}', 'Trống: ……'],
    ['{{form.ghiChu}}', 'a: b'],
  ];
  for (const [text, filled] of fills)
    it(`fills "${text}"`, () => assert.equal(fillText(text, values, '……'), filled));

  it('splits the body into paragraphs and "- label: value" lines, filling each', () => {
    const body = [
      'Căn cứ hồ sơ của',
      'ông/bà {{nguoiNop.hoTen}};',
      '',
      '- Ngày sinh: {{form.ngaySinh}}',
      '- Ghi chú: {{form.ghiChu}}',
      '{{form.ghiChu}} stays a paragraph',
      '',
      '',
      'Hết.',
    ].join('\r\n');
    assert.deepEqual(bodyBlocks(body, values, '……'), [
      { kind: 'paragraph', text: 'Căn cứ hồ sơ của ông/bà Nguyễn Thị Lịch;' },
      { kind: 'line', label: 'Ngày sinh', value: '07/03/1990' },
      { kind: 'line', label: 'Ghi chú', value: 'a: b' },
      { kind: 'paragraph', text: 'a: b stays a paragraph' },
      { kind: 'paragraph', text: 'Hết.' },
    ]);
  });
});
