import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applicantKinds,
  fieldCodeFromName,
  procedureSlug,
  publicationIssues,
  searchTexts,
} from './procedure.ts';
import type { ProcedureContent } from './procedure.ts';

export function completeContent(over: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    name: 'Thủ tục đăng ký khai sinh',
    fieldCode: 'ho-tich',
    levels: ['commune'],
    procedureType: null,
    decision: '163/QĐ-BTP',
    issuingBody: 'Bộ Tư pháp',
    applicantTypes: ['Công dân Việt Nam'],
    onlineLevel: 'full',
    legacyLevel: 4,
    steps: [{ case: null, steps: ['Nộp hồ sơ', 'Nhận kết quả'] }],
    channels: [
      {
        channel: 'online',
        deadline: { value: 1, unit: 'working_days' },
        deadlineNote: null,
        free: true,
        fees: [],
        description: null,
      },
    ],
    components: [
      {
        group: null,
        items: [
          {
            code: null,
            name: 'Tờ khai đăng ký khai sinh',
            formCode: null,
            formName: null,
            originals: 1,
            copies: 0,
            electronic: true,
            required: true,
            condition: null,
          },
        ],
      },
    ],
    results: [{ code: 'KQ.G15.000031', name: 'Giấy khai sinh' }],
    conditions: null,
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
    agencies: {
      implementing: 'Ủy ban nhân dân cấp xã',
      competent: null,
      delegated: null,
      coordinating: null,
      address: null,
    },
    sourceUrl: null,
    ...over,
  };
}

describe('procedure rules', () => {
  it('makes readable, stable slugs without the leading "Thủ tục"', () => {
    assert.equal(procedureSlug('Thủ tục đăng ký khai sinh', '1.001193'), 'dang-ky-khai-sinh-1-001193');
    assert.equal(procedureSlug('Đăng ký thường trú', '1.004222'), 'dang-ky-thuong-tru-1-004222');
    const long = procedureSlug(
      'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị)',
      '1.013225',
    );
    assert.ok(long.length <= 80 && long.endsWith('-1-013225') && /^[a-z0-9-]+$/.test(long), long);
  });

  it('derives field codes from names', () => {
    assert.equal(fieldCodeFromName('Hộ tịch'), 'ho-tich');
    assert.equal(fieldCodeFromName('Đất đai'), 'dat-dai');
    assert.equal(
      fieldCodeFromName('  Thành lập và hoạt động ngân hàng '),
      'thanh-lap-va-hoat-dong-ngan-hang',
    );
  });

  it('groups applicant types into the portal filter kinds', () => {
    assert.deepEqual(applicantKinds(['Công dân Việt Nam', 'Người nước ngoài']), ['citizen']);
    assert.deepEqual(
      applicantKinds(['Doanh nghiệp', 'Hợp tác xã', 'Tổ chức (không bao gồm doanh nghiệp, HTX)']),
      ['business', 'organisation'],
    );
    assert.deepEqual(applicantKinds([]), []);
  });

  it('lists every missing II.1.2 attribute before publication', () => {
    assert.deepEqual(publicationIssues(completeContent()), []);
    const empty = completeContent({
      applicantTypes: [],
      steps: [],
      channels: [],
      components: [],
      results: [],
      legalBasis: [],
    });
    assert.deepEqual(
      publicationIssues(empty).map((i) => i.field),
      ['applicantTypes', 'steps', 'channels', 'components', 'results', 'legalBasis'],
    );
    const noDeadline = completeContent({
      channels: [
        { channel: 'counter', deadline: null, deadlineNote: null, free: null, fees: [], description: null },
      ],
    });
    assert.deepEqual(
      publicationIssues(noDeadline).map((i) => i.field),
      ['channels[].deadline'],
    );
  });

  it('searches folded text of the name and of the content', () => {
    const t = searchTexts('1.001193', completeContent(), 'Hộ tịch');
    assert.equal(t.name, 'thu tuc dang ky khai sinh 1.001193');
    assert.match(t.body, /ho tich/);
    assert.match(t.body, /giay khai sinh/);
  });
});
