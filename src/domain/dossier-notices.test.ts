import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTICE_KINDS, noticeFor } from './dossier-notices.ts';
import type { NoticeFacts } from './dossier-notices.ts';

const facts: NoticeFacts = {
  code: '000.00.12.H25-250307-0001',
  procedure: 'Cấp giấy phép xây dựng',
  agency: 'Sở Xây dựng',
  // 14:30 on 17/03/2025 in Vietnam.
  appointmentAt: new Date('2025-03-17T07:30:00Z'),
  reason: 'Thiếu bản vẽ thiết kế',
  missingItems: ['Bản vẽ thiết kế', 'Bản sao giấy chứng nhận'],
  amount: 1_250_000,
};

describe('dossier notices', () => {
  it('has a Vietnamese title and text naming the dossier for every kind', () => {
    for (const kind of NOTICE_KINDS) {
      const n = noticeFor(kind, facts);
      assert.equal(n.kind, kind);
      assert.ok(n.title.includes(facts.code), `${kind} title`);
      assert.ok(n.text.includes(facts.code), `${kind} text`);
      assert.match(n.title, /[à-ỹđ]/i, kind);
      assert.ok(!/undefined|null|NaN/.test(`${n.title} ${n.text}`), `${kind}: ${n.text}`);
    }
    assert.equal(new Set(NOTICE_KINDS.map((k) => noticeFor(k, facts).title)).size, NOTICE_KINDS.length);
  });

  it('receipt gives the appointment in Vietnam time', () => {
    assert.deepEqual(noticeFor('received', facts), {
      kind: 'received',
      title: 'Hồ sơ 000.00.12.H25-250307-0001 đã được tiếp nhận',
      text: 'Sở Xây dựng đã tiếp nhận hồ sơ 000.00.12.H25-250307-0001 (Cấp giấy phép xây dựng). Ngày hẹn trả kết quả: 17/03/2025 14:30:00.',
    });
    assert.match(noticeFor('received', { ...facts, appointmentAt: null }).text, /sẽ được thông báo sau\.$/);
  });

  it('a supplement request gives the reason and the documents to bring', () => {
    assert.equal(
      noticeFor('supplement_requested', facts).text,
      'Sở Xây dựng yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.12.H25-250307-0001. Lý do: Thiếu bản vẽ thiết kế. Giấy tờ cần bổ sung: Bản vẽ thiết kế; Bản sao giấy chứng nhận.',
    );
    assert.ok(!noticeFor('supplement_requested', { ...facts, missingItems: [] }).text.includes('Giấy tờ'));
  });

  it('a refusal and a stop give the reason', () => {
    assert.equal(
      noticeFor('refused', facts).text,
      'Sở Xây dựng từ chối tiếp nhận hồ sơ 000.00.12.H25-250307-0001 (Cấp giấy phép xây dựng). Lý do: Thiếu bản vẽ thiết kế.',
    );
    assert.equal(
      noticeFor('stopped', facts).text,
      'Hồ sơ 000.00.12.H25-250307-0001 (Cấp giấy phép xây dựng) không được giải quyết. Lý do: Thiếu bản vẽ thiết kế.',
    );
  });

  it('an extension apologises and gives the new appointment (Mẫu 04)', () => {
    const n = noticeFor('extended', facts);
    assert.equal(n.title, 'Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.12.H25-250307-0001');
    assert.equal(
      n.text,
      'Sở Xây dựng xin lỗi vì chưa trả kết quả hồ sơ 000.00.12.H25-250307-0001 đúng hẹn. Lý do: Thiếu bản vẽ thiết kế. Ngày hẹn trả kết quả mới: 17/03/2025 14:30:00.',
    );
  });

  it('a fee request gives the amount in đồng, or asks for the fees when it is unknown', () => {
    assert.equal(
      noticeFor('payment_requested', { ...facts, reason: null }).text,
      'Đề nghị nộp 1.250.000 đồng để tiếp tục giải quyết hồ sơ 000.00.12.H25-250307-0001.',
    );
    assert.equal(
      noticeFor('payment_requested', { ...facts, amount: null, reason: 'Lệ phí cấp phép' }).text,
      'Đề nghị nộp phí, lệ phí để tiếp tục giải quyết hồ sơ 000.00.12.H25-250307-0001. Lệ phí cấp phép.',
    );
    assert.match(noticeFor('payment_requested', { ...facts, amount: 0 }).text, /nộp 0 đồng/);
  });

  it('a withdrawal mentions the reason only when there is one', () => {
    assert.equal(
      noticeFor('withdrawn', { ...facts, reason: null }).text,
      'Hồ sơ 000.00.12.H25-250307-0001 đã được rút theo yêu cầu của người nộp.',
    );
    assert.ok(noticeFor('withdrawn', facts).text.endsWith(' Lý do: Thiếu bản vẽ thiết kế.'));
  });

  it('the result ready and returned', () => {
    assert.equal(
      noticeFor('finished', facts).text,
      'Hồ sơ 000.00.12.H25-250307-0001 đã được giải quyết xong; mời nhận kết quả tại Sở Xây dựng hoặc theo hình thức đã đăng ký.',
    );
    assert.equal(
      noticeFor('returned', facts).text,
      'Kết quả giải quyết hồ sơ 000.00.12.H25-250307-0001 (Cấp giấy phép xây dựng) đã được trả.',
    );
  });
});
