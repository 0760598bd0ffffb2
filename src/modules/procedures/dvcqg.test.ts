import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeContent } from '../../domain/procedure.test.ts';
import { fromNational, NationalProcedure, toNational } from './dvcqg.ts';
import type { Translated } from './dvcqg.ts';

const field = { code: 'ho-tich', name: 'Hộ tịch', nationalCode: null };

function translate(rec: unknown): ReturnType<typeof fromNational> {
  return fromNational(NationalProcedure.parse(rec));
}

describe('national (LayThuTuc) records', () => {
  it('round-trips our content through the national shape', () => {
    const content = completeContent();
    const back = translate(toNational('1.001193', content, field)) as Translated;
    assert.equal(back.code, '1.001193');
    assert.deepEqual(back.content, content);
    assert.deepEqual(back.flags, []);
  });

  it('keeps what is certain of an ambiguous channel and flags it', () => {
    const rec = toNational('1.000001', completeContent(), field);
    rec.CACHTHUCTHUCHIEN = [
      { KENH: 'Trực tiếp', KHONGRO: true, THOIGIAN: [{ MOTA: '1100 VNĐ', PHILEPHI: [] }] },
      {
        KENH: 'Dịch vụ bưu chính',
        THOIGIAN: [
          {
            THOIGIANGIAIQUYET: 5,
            DONVITINH: null,
            PHILEPHI: [{ SOTIEN: 0, DONVI: 'VNĐ', MOTA: 'Miễn phí' }],
          },
        ],
      },
    ];
    const out = translate(rec) as Translated;
    assert.deepEqual(
      out.content.channels.map((c) => [c.channel, c.deadline, c.free]),
      [
        ['counter', null, null],
        ['postal', { value: 5, unit: null }, true],
      ],
    );
    assert.deepEqual(
      out.flags.map((f) => f.field),
      ['channels[0]', 'channels[1].deadline.unit'],
    );
  });

  it('names the record field when a unit or a channel is unknown', () => {
    const rec = toNational('1.000002', completeContent(), field);
    rec.CACHTHUCTHUCHIEN = [
      { KENH: 'Fax', THOIGIAN: [] },
      { KENH: 'Trực tuyến', THOIGIAN: [{ THOIGIANGIAIQUYET: 2, DONVITINH: 'Tuần' }] },
    ];
    const problems = translate(rec);
    assert.ok(Array.isArray(problems));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['CACHTHUCTHUCHIEN[0].KENH', 'CACHTHUCTHUCHIEN[1].THOIGIAN[0].DONVITINH'],
    );
  });

  it('maps the national deadline units and never invents one', () => {
    const units = ['Ngày làm việc', 'Ngày', 'Giờ', 'Giờ làm việc', 'Tháng'].map((u) => {
      const rec = toNational('1.000003', completeContent(), field);
      rec.CACHTHUCTHUCHIEN = [{ KENH: 'Trực tiếp', THOIGIAN: [{ THOIGIANGIAIQUYET: 3, DONVITINH: u }] }];
      return (translate(rec) as Translated).content.channels[0]?.deadline?.unit;
    });
    assert.deepEqual(units, ['working_days', 'calendar_days', 'working_hours', 'working_hours', 'months']);
  });

  it('treats implausible copy counts as unreadable, not as quantities', () => {
    const rec = toNational('1.000004', completeContent(), field);
    rec.THANHPHANHOSO = [
      { TRUONGHOP: null, GIAYTO: [{ TENGIAYTO: 'Bản khai', SOBANCHINH: 20241, SOBANSAO: 0 }] },
    ];
    const out = translate(rec) as Translated;
    assert.equal(out.content.components[0]?.items[0]?.originals, 0);
    assert.deepEqual(
      out.flags.map((f) => f.field),
      ['components[0].items[0].originals'],
    );
  });
});
