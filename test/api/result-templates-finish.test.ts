import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatDate } from '../../src/domain/datetime.ts';
import type { EformDefinition } from '../../src/domain/eform.ts';
import type { DocumentView } from '../../src/modules/documents/schema.ts';
import { actNow, go, stored, toAppraisal, toSigning } from '../support/dossier-cases.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { line, pdfText, says, sessionOf } from '../support/pdf-text.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The draft result becomes the dossier's result (II.2.5 c): finishing with `useDraftResult` stores the
 * template's PDF, filled with the dossier and its e-form, as a result file in the finish's transaction
 * (history, the applicant's documents); refused, naming the field, without a template or off the finish.
 */

let rt: TestRuntime;
let t: CatalogTeam;
let o: DossierOffice;
let editorId: string;
const scratch = mkdtempSync(join(tmpdir(), 'dvc-result-finish-'));

const FORM: EformDefinition = {
  title: 'Tờ khai cấp giấy phép',
  sections: [{ title: 'Nội dung', fields: [{ key: 'tenCoSo', type: 'text', label: 'Tên cơ sở' }] }],
};
const FORM_DATA = { tenCoSo: 'Nhà hàng Sen Vàng Hạc Thành' };

const textOf = (bytes: Uint8Array, name: string) => {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return pdfText(file);
};

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
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

async function saveTemplate() {
  const auth = await sessionOf(rt, editorId);
  await rt.services.resultTemplates.save(
    { auth, actor: { accountId: editorId, name: t.editorName, ip: '127.0.0.1' } },
    o.procedureCode,
    {
      template: {
        title: 'Giấy phép {{form.tenCoSo}}',
        body: [
          'Cấp cho ông/bà {{nguoiNop.hoTen}}, hồ sơ {{hoSo.ma}}.',
          '',
          '- Tên cơ sở: {{form.tenCoSo}}',
          '- Ngày hoàn thành: {{hoSo.ngayHoanThanh}}',
        ].join('\n'),
        signerTitle: 'Chủ tịch',
        signerName: 'Lê Văn Ký',
      },
      baseVersion: 0,
    },
  );
}

const finishBody = (id: string) => ({ action: 'move', transitionId: id, useDraftResult: true });

describe('the draft result as the dossier’s result', () => {
  it('is refused naming useDraftResult while the procedure has no template; nothing is written', async () => {
    const d = await toSigning(o, { formData: FORM_DATA });
    const before = await stored(o, d.id);
    const res = await actNow(o, o.leader, d.id, finishBody(o.arrow(d, 'finish')));
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /"field":"useDraftResult"/);
    assert.match(
      res.body,
      new RegExp(`thủ tục ${o.procedureCode.replace(/\./g, '\\.')} chưa có mẫu kết quả`),
    );
    assert.deepEqual(await stored(o, d.id), before);
    const files = await rt.database.db
      .selectFrom('dossier_files')
      .select('id')
      .where('dossier_id', '=', d.id)
      .where('kind', '=', 'result')
      .execute();
    assert.equal(files.length, 0);
  });

  it('is refused naming useDraftResult on a move that does not finish', async () => {
    await saveTemplate();
    const d = await toAppraisal(o);
    const res = await actNow(o, o.handler, d.id, {
      action: 'move',
      transitionId: o.arrow(d, 'forward'),
      assigneeId: o.ids.handler,
      useDraftResult: true,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /"field":"useDraftResult"/);
    assert.match(res.body, /chỉ dùng được ở bước hoàn thành xử lý/);
  });

  it('stores the filled PDF as a result file beside an uploaded one; the applicant gets both', async () => {
    const signing = await toSigning(o, { formData: FORM_DATA });
    const upload = await o.leader.request({
      method: 'POST',
      url: '/api/dossier-files?fileName=to-trinh.pdf',
      payload: Buffer.from(`%PDF-1.7 upload ${Math.random()}`, 'latin1'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(upload.statusCode, 201, upload.body);
    const uploaded = upload.json<{ id: string }>().id;
    const done = await go(o, o.leader, signing, 'finish', { useDraftResult: true, fileIds: [uploaded] });
    assert.equal(done.status, 'da_xu_ly_xong');
    assert.ok(done.completedAt);

    const fileName = `ket-qua-${done.code.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;
    const results = done.files.filter((f) => f.kind === 'result');
    assert.deepEqual(results.map((f) => f.fileName).sort(), [fileName, 'to-trinh.pdf'].sort());
    const made = results.find((f) => f.fileName === fileName);
    assert.ok(made);
    assert.equal(made.mediaType, 'application/pdf');

    // The history's finish lists both files and the template version it drew from.
    const event = await rt.database.db
      .selectFrom('dossier_events')
      .select(['files', 'details', 'actor_id'])
      .where('dossier_id', '=', done.id)
      .where('action', '=', 'finish')
      .executeTakeFirstOrThrow();
    assert.deepEqual([...event.files].sort(), [uploaded, made.id].sort());
    assert.equal((event.details as { resultTemplateVersion?: number }).resultTemplateVersion, 1);
    assert.equal(event.actor_id, o.ids.leader);

    // The file reads back as the template filled with this dossier, its e-form and the finish date.
    const res = await o.leader.get(`/api/dossier-files/${made.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/pdf/);
    const text = textOf(res.rawPayload, 'result');
    says(text, 'GIẤY PHÉP NHÀ HÀNG SEN VÀNG HẠC THÀNH');
    says(text, `Cấp cho ông/bà ${done.applicantName}, hồ sơ ${done.code}.`);
    assert.equal(line(text, 'Tên cơ sở'), 'Tên cơ sở: Nhà hàng Sen Vàng Hạc Thành');
    assert.equal(line(text, 'Ngày hoàn thành'), `Ngày hoàn thành: ${formatDate(done.completedAt)}`);
    says(text, 'Lê Văn Ký');

    // The applicant sees and downloads it as any result: on the dossier and in their documents.
    const mine = await o.citizen.get(`/api/dossiers/${done.id}`);
    assert.equal(mine.statusCode, 200, mine.body);
    assert.ok(mine.json<{ files: { id: string; kind: string }[] }>().files.some((f) => f.id === made.id));
    const bytes = await o.citizen.get(`/api/dossier-files/${made.id}`);
    assert.equal(bytes.statusCode, 200);
    assert.deepEqual(bytes.rawPayload, res.rawPayload);
    const docs = await o.citizen.get('/api/me/documents');
    const own = docs.json<{ items: DocumentView[] }>().items.filter((x) => x.dossierCode === done.code);
    assert.deepEqual(own.map((x) => [x.source, x.fileName]).sort(), [
      ['result', fileName],
      ['result', 'to-trinh.pdf'],
    ]);
  });
});
