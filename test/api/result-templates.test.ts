import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import type { ResultTemplate } from '../../src/domain/result-template.ts';
import type { ResultTemplateView } from '../../src/modules/result-templates/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { line, pdfText, says, sessionOf } from '../support/pdf-text.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** Result templates (II.2.5 c): saving with every placeholder checked, versions, who may, preview and draft PDFs. */

let rt: TestRuntime;
let t: CatalogTeam;
let o: DossierOffice;
let url: string;
let editorId: string;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-result-'));

const FORM: EformDefinition = {
  title: 'Tờ khai cấp giấy phép',
  sections: [
    {
      title: 'Nội dung',
      fields: [
        { key: 'tenCoSo', type: 'text', label: 'Tên cơ sở', required: true },
        { key: 'ngayMo', type: 'date', label: 'Ngày mở cửa' },
        {
          key: 'loaiHinh',
          type: 'choice',
          label: 'Loại hình',
          options: [
            { value: 'an', label: 'Dịch vụ ăn uống' },
            { value: 'o', label: 'Lưu trú' },
          ],
        },
      ],
    },
  ],
};

const TEMPLATE: ResultTemplate = {
  title: 'Giấy phép kinh doanh {{form.tenCoSo}}',
  body: [
    '{{coQuan.ten}} cấp phép cho ông/bà {{nguoiNop.hoTen}},',
    'số giấy tờ {{nguoiNop.soGiayTo}}, hồ sơ {{hoSo.ma}}.',
    '',
    '- Tên cơ sở: {{form.tenCoSo}}',
    '- Loại hình: {{form.loaiHinh}}',
    '- Ngày mở cửa: {{form.ngayMo}}',
  ].join('\n'),
  signerTitle: 'Chủ tịch',
  signerName: 'Trần Văn Quyết',
};

const textOf = (bytes: Uint8Array, name: string) => {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return pdfText(file);
};

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  o = await dossierOffice(rt);
  url = `/api/admin/procedures/${o.procedureCode}/result-template`;
  const procedure = await rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  await rt.database.db
    .insertInto('eform_versions')
    .values({ procedure_id: procedure.id, version: 1, definition: JSON.stringify(FORM), created_by: null })
    .execute();
  const editor = await rt.database.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', t.editorName)
    .executeTakeFirstOrThrow();
  editorId = editor.id;
});
after(async () => {
  await rt.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('result templates', () => {
  it('offers the starter and the placeholders of the procedure’s e-form until one is saved', async () => {
    const res = await t.editor.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json<ResultTemplateView>();
    assert.equal(v.version, 0);
    const names = v.placeholders.map((p) => p.name);
    for (const n of ['hoSo.ma', 'nguoiNop.hoTen', 'form.tenCoSo', 'form.ngayMo'])
      assert.ok(names.includes(n), n);
  });

  it('refuses an unknown placeholder naming it, a stale version, a non-editor; keeps versions', async () => {
    const unknown = await t.editor.put(url, {
      template: { ...TEMPLATE, body: 'Cấp cho {{form.khongCo}}' },
      baseVersion: 0,
    });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.match(unknown.body, /"field":"body"/);
    assert.match(unknown.body, /Nội dung \(body\) dùng trường không có: \{\{form\.khongCo\}\}/);

    const reviewer = await t.reviewer.put(url, { template: TEMPLATE, baseVersion: 0 });
    assert.equal(reviewer.statusCode, 403, reviewer.body);

    const first = await t.editor.put(url, { template: TEMPLATE, baseVersion: 0 });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json<ResultTemplateView>().version, 1);
    const stale = await t.editor.put(url, { template: { ...TEMPLATE, title: 'Khác' }, baseVersion: 0 });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.match(stale.body, /stale_result_template/);

    const now = await t.editor.get(url);
    assert.deepEqual(now.json<ResultTemplateView>().template, TEMPLATE);
    const saved = await rt.database.db.selectFrom('result_templates').select('version').execute();
    assert.equal(saved.length, 1, 'refused saves leave nothing behind');
    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'result_template.save')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('previews the unsaved template as PDF with sample data, Vietnamese values exact', async () => {
    const editor = await sessionOf(rt, editorId);
    const pdf = await rt.services.resultTemplates.preview(editor, o.procedureCode, {
      template: { ...TEMPLATE, signerName: 'Lê Thị Ngọc Ánh' },
    });
    assert.equal(new TextDecoder().decode(pdf.bytes.slice(0, 5)), '%PDF-');
    const text = textOf(pdf.bytes, 'preview');
    says(text, 'GIẤY PHÉP KINH DOANH [TÊN CƠ SỞ]');
    says(text, 'Ủy ban nhân dân phường Hạc Thành cấp phép cho ông/bà Nguyễn Thị Lịch,');
    says(text, 'số giấy tờ 038190000123');
    assert.equal(line(text, 'Loại hình'), 'Loại hình: [Loại hình]');
    says(text, 'CHỦ TỊCH');
    says(text, 'Lê Thị Ngọc Ánh');

    const broken = rt.services.resultTemplates.preview(editor, o.procedureCode, {
      template: { ...TEMPLATE, title: '{{hoSo.khong}}' },
    });
    await assert.rejects(broken, /Mẫu kết quả còn lỗi/);
    // A dossier code typed for the preview must exist (and be readable by the editor).
    const unknown = rt.services.resultTemplates.preview(editor, o.procedureCode, {
      template: TEMPLATE,
      dossierCode: 'KHONG-CO-001',
    });
    await assert.rejects(unknown, { code: 'not_found', message: 'Không có hồ sơ mã "KHONG-CO-001"' });
  });

  it('drafts the result of a dossier with its facts and e-form values, for officials who may read it', async () => {
    const d = await o.submit({
      formData: { tenCoSo: 'Quán Phở Hương Liên', ngayMo: '2026-02-14', loaiHinh: 'an' },
    });
    const counter = await sessionOf(rt, o.ids.counter);
    const pdf = await rt.services.resultTemplates.draft(counter, d.id);
    assert.equal(pdf.fileName, `du-thao-ket-qua-${d.code.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`);
    const text = textOf(pdf.bytes, 'draft');
    says(text, 'GIẤY PHÉP KINH DOANH QUÁN PHỞ HƯƠNG LIÊN');
    says(text, `cấp phép cho ông/bà ${d.applicantName},`);
    says(text, `hồ sơ ${d.code}.`);
    assert.equal(line(text, 'Tên cơ sở'), 'Tên cơ sở: Quán Phở Hương Liên');
    assert.equal(line(text, 'Loại hình'), 'Loại hình: Dịch vụ ăn uống');
    assert.equal(line(text, 'Ngày mở cửa'), 'Ngày mở cửa: 14/02/2026');
    says(text, 'Trần Văn Quyết');

    // The editor previews with the same dossier when allowed to read it; the outsider may not read it.
    const outsider = await sessionOf(rt, o.ids.outsider);
    await assert.rejects(rt.services.resultTemplates.draft(outsider, d.id), { code: 'forbidden' });
  });
});
