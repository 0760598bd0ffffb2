import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FORM_MAX_BYTES } from '../../src/modules/procedures/forms.ts';
import type { FieldView } from '../../src/modules/procedures/schema.ts';
import type { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam, errorFor, fullContent } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Fields (II.1.1), form templates (II.2.5 a–b: the file checked by extension and content, its legal
 * basis, the public download with caching) and guides, FAQs and life events tied to procedures (III.7).
 */

let rt: TestRuntime;
let t: CatalogTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
});
after(async () => rt.stop());

describe('fields', () => {
  it('creates, lists and updates fields; the same name without diacritics is a conflict', async () => {
    const created = await t.editor.post('/api/admin/procedure-fields', {
      name: '  Đất   đai thử ',
      nationalCode: 'G09-DD',
    });
    assert.equal(created.statusCode, 201, created.body);
    const f = created.json<FieldView>();
    assert.deepEqual(f, {
      code: 'dat-dai-thu',
      name: 'Đất đai thử',
      nationalCode: 'G09-DD',
      sortOrder: 0,
      active: true,
      procedureCount: 0,
    });

    const folded = await t.editor.post('/api/admin/procedure-fields', { name: 'Dat dai thu' });
    assert.match(assertProblem(folded, 409, 'field_exists').detail, /Đất đai thử/);
    const sameCode = await t.editor.post('/api/admin/procedure-fields', {
      code: 'dat-dai-thu',
      name: 'Tên khác hẳn',
    });
    assertProblem(sameCode, 409, 'field_exists');
    const badCode = await t.editor.post('/api/admin/procedure-fields', { code: 'Đất Đai', name: 'Tên khác' });
    assert.match(
      errorFor(assertProblem(badCode, 400, 'validation_failed'), 'body.code').message,
      /Mã lĩnh vực/,
    );
    const noName = await t.editor.post('/api/admin/procedure-fields', { code: 'khong-ten' });
    assert.match(
      errorFor(assertProblem(noName, 400, 'validation_failed'), 'body.name').message,
      /Tên lĩnh vực \(name\) là bắt buộc/,
    );

    const other = await t.editor.post('/api/admin/procedure-fields', { name: 'Xây dựng thử', sortOrder: 5 });
    assert.equal(other.statusCode, 201, other.body);
    const clash = await t.editor.put('/api/admin/procedure-fields/xay-dung-thu', { name: 'ĐẤT ĐAI THỬ' });
    assertProblem(clash, 409, 'field_exists');
    const renamed = await t.editor.put('/api/admin/procedure-fields/xay-dung-thu', {
      name: 'Xây dựng (thử)',
      sortOrder: 1,
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json<FieldView>().name, 'Xây dựng (thử)');
    assertProblem(
      await t.editor.put('/api/admin/procedure-fields/khong-co', { name: 'Không có' }),
      404,
      'not_found',
    );

    const p = await t.createDraft({ fieldCode: 'dat-dai-thu' });
    const listed = (await t.reviewer.get('/api/admin/procedure-fields')).json<{ items: FieldView[] }>().items;
    assert.equal(listed.find((x) => x.code === 'dat-dai-thu')?.procedureCount, 1);
    assert.ok(listed.some((x) => x.code === 'xay-dung-thu' && x.name === 'Xây dựng (thử)'));

    // A retired field cannot take new procedures, nor be published under.
    const retired = await t.editor.put('/api/admin/procedure-fields/dat-dai-thu', {
      name: 'Đất đai thử',
      active: false,
    });
    assert.equal(retired.json<FieldView>().active, false);
    const refused = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ fieldCode: 'dat-dai-thu' }),
    });
    assert.match(
      errorFor(assertProblem(refused, 400, 'validation_failed'), 'body.content.fieldCode').message,
      /ngừng sử dụng/,
    );
    const pubRefused = await t.reviewer.post(`/api/admin/procedures/${p.code}/publish`, {
      version: p.version,
    });
    errorFor(assertProblem(pubRefused, 400, 'validation_failed'), 'content.fieldCode');

    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'procedure_field')
      .where('entity_id', '=', 'dat-dai-thu')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['procedure_field.create', 'procedure_field.update'],
    );
  });
});

/** The smallest bytes each checked file type starts with. */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml giả lập')]);
const PDF = Buffer.from('%PDF-1.7\n% biểu mẫu thử\n');

function upload(c: TestClient, code: string, fileName: string, bytes: Buffer) {
  return c.request({
    method: 'PUT',
    url: `/api/admin/forms/${code}/file?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

describe('form templates', () => {
  it('saves a template with its legal basis, takes a checked file and serves it back', async () => {
    const saved = await t.editor.put('/api/admin/forms/mau-tk01', {
      name: 'Tờ khai đề nghị cấp giấy phép (Mẫu TK01)',
      legalBasis: 'Thông tư số 01/2025/TT-BTP, Phụ lục I',
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ legalBasis: string }>().legalBasis, 'Thông tư số 01/2025/TT-BTP, Phụ lục I');
    assert.equal(saved.json<{ fileName: string | null }>().fileName, null);
    errorFor(
      assertProblem(
        await t.editor.put('/api/admin/forms/mau-tk01', { legalBasis: 'x' }),
        400,
        'validation_failed',
      ),
      'body.name',
    );
    errorFor(
      assertProblem(
        await t.editor.put('/api/admin/forms/m%E1%BA%ABu', { name: 'Mẫu sai mã' }),
        400,
        'validation_failed',
      ),
      'body.code',
    );

    const wrongExt = await upload(t.editor, 'mau-tk01', 'to-khai.exe', DOCX);
    assert.match(errorFor(assertProblem(wrongExt, 400, 'validation_failed'), 'file').message, /\.docx/);
    const noExt = await upload(t.editor, 'mau-tk01', 'to-khai', DOCX);
    errorFor(assertProblem(noExt, 400, 'validation_failed'), 'file');
    const mismatch = await upload(t.editor, 'mau-tk01', 'to-khai.pdf', DOCX);
    assert.match(
      errorFor(assertProblem(mismatch, 400, 'validation_failed'), 'file').message,
      /không phải tệp \.pdf/,
    );
    const fakeDocx = await upload(
      t.editor,
      'mau-tk01',
      'to-khai.docx',
      Buffer.from('<html>not a zip</html>'),
    );
    errorFor(assertProblem(fakeDocx, 400, 'validation_failed'), 'file');
    const big = Buffer.alloc(FORM_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(t.editor, 'mau-tk01', 'to-khai.pdf', big);
    assert.match(errorFor(assertProblem(tooBig, 400, 'validation_failed'), 'file').message, /vượt quá 10 MB/);
    const huge = Buffer.alloc(FORM_MAX_BYTES * 2, 0x20);
    PDF.copy(huge);
    const wayTooBig = await upload(t.editor, 'mau-tk01', 'to-khai.pdf', huge);
    assert.match(
      errorFor(assertProblem(wayTooBig, 400, 'validation_failed'), 'file').message,
      /vượt quá 10 MB/,
    );
    const empty = await upload(t.editor, 'mau-tk01', 'to-khai.pdf', Buffer.alloc(0));
    assert.match(errorFor(assertProblem(empty, 400, 'validation_failed'), 'file').message, /rỗng/);
    const noName = await t.editor.request({
      method: 'PUT',
      url: '/api/admin/forms/mau-tk01/file',
      headers: { 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    errorFor(assertProblem(noName, 400, 'validation_failed'), 'querystring.fileName');
    assertProblem(await upload(t.editor, 'khong-co', 'a.pdf', PDF), 404, 'not_found');
    assertProblem(await upload(t.reviewer, 'mau-tk01', 'a.pdf', PDF), 403, 'forbidden');
    assertProblem(await upload(await t.anon(), 'mau-tk01', 'a.pdf', PDF), 401, 'unauthenticated');

    const fileName = 'Mẫu TK01 tờ khai.docx';
    const ok = await upload(t.editor, 'mau-tk01', fileName, DOCX);
    assert.equal(ok.statusCode, 200, ok.body);
    const view = ok.json<{ fileName: string; size: number; sha256: string; mediaType: string }>();
    assert.equal(view.fileName, fileName);
    assert.equal(view.size, DOCX.length);
    assert.match(view.mediaType, /wordprocessingml/);

    const citizen = await t.anon();
    const dl = await citizen.get(`/bieu-mau/mau-tk01/${encodeURIComponent(fileName)}`);
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, DOCX);
    assert.match(dl.headers['content-type'] as string, /wordprocessingml/);
    assert.equal(
      dl.headers['content-disposition'],
      `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    const etag = dl.headers.etag as string;
    assert.equal(etag, `"${view.sha256}"`);
    const cached = await citizen.request({
      method: 'GET',
      url: `/bieu-mau/mau-tk01/${encodeURIComponent(fileName)}`,
      headers: { 'if-none-match': etag },
    });
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.rawPayload.length, 0);
    assertProblem(await citizen.get('/bieu-mau/khong-co/a.pdf'), 404, 'not_found');

    // A new file replaces the old one: a new ETag, the new bytes.
    const replaced = await upload(t.editor, 'mau-tk01', 'Mẫu TK01.pdf', PDF);
    assert.equal(replaced.statusCode, 200, replaced.body);
    const dl2 = await citizen.request({
      method: 'GET',
      url: '/bieu-mau/mau-tk01/Mau-TK01.pdf',
      headers: { 'if-none-match': etag },
    });
    assert.equal(dl2.statusCode, 200);
    assert.deepEqual(dl2.rawPayload, PDF);
    assert.match(dl2.headers['content-type'] as string, /^application\/pdf/);

    // The published procedure links its form to the file.
    const p = await t.createDraft({ name: 'Thủ tục có biểu mẫu' });
    await t.publish(p.code, p.version);
    const detail = (await citizen.get(`/api/public/procedures/${p.code}`)).json<{
      forms: { code: string; fileName: string | null; url: string | null }[];
    }>();
    const form = detail.forms.find((f) => f.code === 'mau-tk01');
    assert.ok(form?.url, JSON.stringify(detail.forms));
    const viaLink = await citizen.get(form.url);
    assert.equal(viaLink.statusCode, 200);
    assert.deepEqual(viaLink.rawPayload, PDF);

    const listed = (await t.reviewer.get('/api/admin/forms?q=tk01')).json<{
      items: { code: string; sha256: string }[];
    }>();
    assert.deepEqual(
      listed.items.map((i) => i.code),
      ['mau-tk01'],
    );
    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'form_template')
      .where('entity_id', '=', 'mau-tk01')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['form_template.save', 'form_template.upload', 'form_template.upload'],
    );
  });
});

interface Guide {
  id: string;
  slug: string;
  kind: string;
  title: string;
  procedureCodes: string[];
  published: boolean;
}

describe('guides', () => {
  it('creates, updates, lists publicly and deletes guides tied to procedures', async () => {
    const p = await t.createDraft({ name: 'Thủ tục có hướng dẫn' });
    const body = {
      slug: 'huong-dan-thu',
      kind: 'faq',
      title: '  Hỏi   đáp về thủ tục thử  ',
      summary: 'Tóm tắt',
      body: 'Nội dung trả lời',
      procedureCodes: [p.code],
      published: false,
    };
    const created = await t.editor.post('/api/admin/guides', body);
    assert.equal(created.statusCode, 201, created.body);
    const g = created.json<Guide>();
    assert.equal(g.title, 'Hỏi đáp về thủ tục thử');
    assert.deepEqual(g.procedureCodes, [p.code]);

    const citizen = await t.anon();
    const hidden = (await citizen.get('/api/public/guides')).json<{ items: Guide[] }>().items;
    assert.ok(!hidden.some((x) => x.id === g.id));

    const unknown = await t.editor.post('/api/admin/guides', {
      ...body,
      slug: 'huong-dan-khac',
      procedureCodes: [p.code, '9.123456'],
    });
    assert.match(
      errorFor(assertProblem(unknown, 400, 'validation_failed'), 'body.procedureCodes.1').message,
      /Không có thủ tục mã "9.123456"/,
    );
    const badCode = await t.editor.post('/api/admin/guides', {
      ...body,
      slug: 'huong-dan-khac',
      procedureCodes: ['x'],
    });
    errorFor(assertProblem(badCode, 400, 'validation_failed'), 'body.procedureCodes.0');
    assertProblem(await t.editor.post('/api/admin/guides', body), 409, 'guide_slug_exists');
    const badKind = await t.editor.post('/api/admin/guides', { ...body, slug: 'loai-sai', kind: 'news' });
    assert.match(
      errorFor(assertProblem(badKind, 400, 'validation_failed'), 'body.kind').message,
      /Loại nội dung/,
    );
    const badSlug = await t.editor.post('/api/admin/guides', { ...body, slug: 'Hướng dẫn' });
    errorFor(assertProblem(badSlug, 400, 'validation_failed'), 'body.slug');
    const shortTitle = await t.editor.post('/api/admin/guides', { ...body, slug: 'ngan', title: 'ab' });
    errorFor(assertProblem(shortTitle, 400, 'validation_failed'), 'body.title');

    const updated = await t.editor.put(`/api/admin/guides/${g.id}`, {
      ...body,
      kind: 'guide',
      title: 'Hướng dẫn thủ tục thử',
      published: true,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json<Guide>().published, true);
    const updUnknown = await t.editor.put(`/api/admin/guides/${g.id}`, {
      ...body,
      procedureCodes: ['9.123456'],
    });
    errorFor(assertProblem(updUnknown, 400, 'validation_failed'), 'body.procedureCodes.0');
    const shown = (await citizen.get('/api/public/guides?kind=guide')).json<{ items: Guide[] }>().items;
    assert.deepEqual(
      shown.map((x) => [x.slug, x.title, x.procedureCodes]),
      [['huong-dan-thu', 'Hướng dẫn thủ tục thử', [p.code]]],
    );
    assert.deepEqual((await citizen.get('/api/public/guides?kind=faq')).json<{ items: Guide[] }>().items, []);
    errorFor(
      assertProblem(await citizen.get('/api/public/guides?kind=news'), 400, 'validation_failed'),
      'querystring.kind',
    );

    const other = await t.editor.post('/api/admin/guides', { ...body, slug: 'bai-thu-hai' });
    assert.equal(other.statusCode, 201);
    assertProblem(
      await t.editor.put(`/api/admin/guides/${g.id}`, { ...body, slug: 'bai-thu-hai' }),
      409,
      'guide_slug_exists',
    );

    assertProblem(
      await t.reviewer.post('/api/admin/guides', { ...body, slug: 'cua-kiem-soat' }),
      403,
      'forbidden',
    );
    assertProblem(
      await t.communeEditor.post('/api/admin/guides', { ...body, slug: 'cua-xa' }),
      403,
      'forbidden',
    );
    assertProblem(
      await (await t.anon()).post('/api/admin/guides', { ...body, slug: 'an-danh' }),
      401,
      'unauthenticated',
    );
    const all = (await t.editor.get('/api/admin/guides')).json<{ items: Guide[] }>().items;
    assert.deepEqual(all.map((x) => x.slug).sort(), ['bai-thu-hai', 'huong-dan-thu']);

    const removed = await t.editor.delete(`/api/admin/guides/${g.id}`);
    assert.equal(removed.statusCode, 204, removed.body);
    assertProblem(await t.editor.delete(`/api/admin/guides/${g.id}`), 404, 'not_found');
    errorFor(
      assertProblem(await t.editor.delete('/api/admin/guides/khong-phai-uuid'), 400, 'validation_failed'),
      'params.id',
    );
    assert.deepEqual(
      (await citizen.get('/api/public/guides?kind=guide')).json<{ items: Guide[] }>().items,
      [],
    );
    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'guide')
      .where('entity_id', '=', g.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['guide.create', 'guide.update', 'guide.delete'],
    );
  });
});
