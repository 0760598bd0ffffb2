import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminProcedure, HistoryEntry, ImportReport } from '../../src/modules/procedures/schema.ts';
import type { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam, errorFor } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { nationalRecords } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Synchronisation with the national procedure database through the HTTP API (II.1.1, II.1.3): a
 * subset of the real national records is imported, exported in the same shape and re-imported
 * unchanged; a bad file is refused whole, naming the record and the field; uncertain source data is
 * imported with flags; a changed record is a new version with an 'import' history entry.
 */

type NationalRecord = Record<string, unknown>;

let rt: TestRuntime;
let t: CatalogTeam;
/** Holds both roles an import with publication needs. */
let importer: TestClient;
let importerName = '';

const records = nationalRecords();
const byCode = (code: string): NationalRecord => {
  const r = records.find((x) => x.MATTHC === code);
  assert.ok(r, code);
  return structuredClone(r);
};

/** Uncertain source data: a channel the crawl could not split (KHONGRO), complete otherwise and not;
 * a deadline without unit; a count of originals run together with a year ("20241"). */
const KHONGRO_COMPLETE = '1.007857';
const KHONGRO_INCOMPLETE = '1.000005';
const NO_UNIT = '1.000025';
const GLUED_ORIGINALS = '1.014059';
/** The first 40 records of the demo file, and the uncertain ones. */
const SUBSET = [
  ...records.slice(0, 40).map((r) => r.MATTHC as string),
  KHONGRO_COMPLETE,
  KHONGRO_INCOMPLETE,
  NO_UNIT,
  GLUED_ORIGINALS,
];

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  const both = await t.signedIn(t.province.id, ['bien_tap_vien', 'can_bo_kiem_soat_tthc']);
  importer = both.client;
  importerName = both.username;
});
after(async () => rt.stop());

function postImport(c: TestClient, body: unknown, publish: boolean) {
  return c.request({
    method: 'POST',
    url: `/api/admin/procedures/import?publish=${publish}`,
    headers: { 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function detail(code: string): Promise<AdminProcedure> {
  const res = await t.editor.get(`/api/admin/procedures/${code}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<AdminProcedure>();
}

async function counts() {
  const db = rt.database.db;
  const n = async (table: 'procedures' | 'procedure_fields' | 'form_templates' | 'procedure_history') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    procedures: await n('procedures'),
    fields: await n('procedure_fields'),
    forms: await n('form_templates'),
    history: await n('procedure_history'),
  };
}

describe('importing national records', () => {
  it('refuses callers without the roles an import needs', async () => {
    const file = { result: [byCode('1.004222')] };
    assertProblem(await postImport(await t.anon(), file, false), 401, 'unauthenticated');
    assertProblem(await postImport(t.reviewer, file, false), 403, 'forbidden');
    assertProblem(await postImport(t.editor, file, true), 403, 'forbidden');
    assertProblem(await postImport(t.communeEditor, file, false), 403, 'forbidden');
    assert.equal((await counts()).procedures, 0);
  });

  it('imports a subset: complete records published, incomplete ones left as drafts with their issues', async () => {
    const before = await counts();
    const res = await postImport(importer, { error_code: '00', result: SUBSET.map(byCode) }, true);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json<ImportReport>();
    assert.equal(report.total, SUBSET.length);
    assert.equal(report.created, SUBSET.length);
    assert.equal(report.updated + report.unchanged, 0);
    assert.equal(report.published + report.leftAsDraft.length, report.total);
    const fieldNames = new Set(
      SUBSET.map((c) => (byCode(c).LINHVUCTHUCHIEN as { TENLINHVUC: string }[])[0]?.TENLINHVUC),
    );
    assert.equal(report.fieldsCreated, fieldNames.size);
    assert.equal((await counts()).fields, before.fields + fieldNames.size);
    // Known from the data: these lack a deadline (and 1.004045 a legal basis) in the national record.
    const drafts = new Map(report.leftAsDraft.map((d) => [d.code, d.issues.map((i) => i.field)]));
    assert.deepEqual(drafts.get('1.001303'), ['channels[].deadline']);
    assert.deepEqual(drafts.get('1.004045'), ['channels[].deadline', 'legalBasis']);
    assert.deepEqual(drafts.get(KHONGRO_INCOMPLETE), ['channels[].deadline']);
    for (const code of ['1.004222', '1.000253', KHONGRO_COMPLETE, NO_UNIT, GLUED_ORIGINALS])
      assert.ok(!drafts.has(code), code);

    const citizen = await t.anon();
    for (const code of SUBSET) {
      const p = await detail(code);
      assert.equal(p.source, 'national');
      const issues = drafts.get(code);
      if (issues) {
        assert.equal(p.status, 'draft', code);
        assert.deepEqual(
          p.publicationIssues.map((i) => i.field),
          issues,
          code,
        );
        assert.equal((await citizen.get(`/api/public/procedures/${code}`)).statusCode, 404, code);
      } else {
        assert.equal(p.status, 'published', code);
        assert.deepEqual(p.publicationIssues, [], code);
        assert.deepEqual(p.published, p.content, code);
        assert.equal((await citizen.get(`/api/public/procedures/${code}`)).statusCode, 200, code);
      }
    }
    const history = (await t.editor.get('/api/admin/procedures/1.004222/history')).json<{
      items: HistoryEntry[];
    }>().items;
    assert.deepEqual(
      history.map((h) => [h.action, h.version, h.actorName]),
      [
        ['publish', 1, importerName],
        ['import', 1, importerName],
      ],
    );
    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'summary'])
      .where('action', '=', 'procedure.import')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_name, importerName);
    assert.equal((audit[0]?.summary as { created: number }).created, SUBSET.length);
  });

  it('keeps what is certain in uncertain records and flags the rest for an editor', async () => {
    const split = await detail(KHONGRO_COMPLETE);
    const raw = byCode(KHONGRO_COMPLETE).CACHTHUCTHUCHIEN as { THOIGIAN: { MOTA: string }[] }[];
    assert.deepEqual(split.content.channels[0], {
      channel: 'online',
      deadline: null,
      deadlineNote: null,
      free: null,
      fees: [],
      description: raw[0]?.THOIGIAN[0]?.MOTA,
    });
    assert.deepEqual(split.content.channels[1]?.deadline, { value: 2, unit: 'working_hours' });
    assert.equal(split.content.channels[1]?.free, true);
    assert.match(split.flags.find((f) => f.field === 'channels[0]')?.message ?? '', /không tách được/);
    assert.equal(split.status, 'published');
    assert.ok(split.flagCount >= 1);

    const noUnit = await detail(NO_UNIT);
    assert.deepEqual(noUnit.content.channels[0]?.deadline, { value: 1, unit: null });
    assert.match(
      noUnit.flags.find((f) => f.field === 'channels[0].deadline.unit')?.message ?? '',
      /không ghi đơn vị/,
    );

    const glued = await detail(GLUED_ORIGINALS);
    assert.equal(glued.content.components[0]?.items[0]?.originals, 0);
    assert.match(
      glued.flags.find((f) => f.field === 'components[0].items[0].originals')?.message ?? '',
      /20241/,
    );

    // An implementing agency that matches none of the province's agencies is flagged, not guessed.
    assert.ok(noUnit.flags.some((f) => f.field === 'agencies.implementing'));
    assert.deepEqual(noUnit.agencies, []);
    const flagged = (await t.editor.get('/api/admin/procedures?status=flagged&limit=100')).json<{
      items: { code: string; flagCount: number }[];
    }>().items;
    for (const code of [KHONGRO_COMPLETE, NO_UNIT, GLUED_ORIGINALS])
      assert.ok(
        flagged.some((i) => i.code === code && i.flagCount > 0),
        code,
      );
  });

  it('exports the catalog in the national shape and re-imports the export unchanged', async () => {
    const sample = [
      '1.004222',
      '1.000253',
      KHONGRO_COMPLETE,
      NO_UNIT,
      GLUED_ORIGINALS,
      '1.001303',
      '1.004045',
    ];
    const before = await Promise.all(sample.map(detail));
    const historyBefore = (await counts()).history;

    const published = await t.reviewer.get('/api/admin/procedures/export');
    assert.equal(published.statusCode, 200);
    assert.match(
      published.headers['content-disposition'] as string,
      /^attachment; filename="thu-tuc-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const pubFile = published.json<{ error_code: string; result: NationalRecord[] }>();
    assert.equal(pubFile.error_code, '00');
    const pubCodes = pubFile.result.map((r) => r.MATTHC as string);
    assert.ok(pubCodes.includes('1.004222') && !pubCodes.includes('1.001303'));

    const res = await t.editor.get('/api/admin/procedures/export?drafts=true');
    assert.equal(res.statusCode, 200);
    const file = res.json<{ result: NationalRecord[] }>();
    const codes = file.result.map((r) => r.MATTHC as string);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(codes.length, SUBSET.length);

    const again = await postImport(importer, file, true);
    assert.equal(again.statusCode, 200, again.body);
    const report = again.json<ImportReport>();
    assert.deepEqual(
      { ...report, leftAsDraft: report.leftAsDraft.length },
      {
        total: codes.length,
        created: 0,
        updated: 0,
        unchanged: codes.length,
        published: 0,
        leftAsDraft: report.leftAsDraft.length,
        flagged: report.flagged,
        fieldsCreated: 0,
      },
    );
    assert.deepEqual(await Promise.all(sample.map(detail)), before);
    assert.equal((await counts()).history, historyBefore);
    // The export of the re-imported catalog is the same file.
    assert.equal((await t.editor.get('/api/admin/procedures/export?drafts=true')).body, res.body);
  });

  it('reads a glued count of copies in a new record the same way', async () => {
    const copies = byCode('1.004222');
    copies.MATTHC = '9.100100';
    const items = (copies.THANHPHANHOSO as { GIAYTO: { SOBANSAO: unknown }[] }[])[0]?.GIAYTO ?? [];
    items[0]!.SOBANSAO = '012025';
    const res = await postImport(t.editor, { result: [copies] }, false);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<ImportReport>().flagged, 1);
    const p = await detail('9.100100');
    assert.equal(p.status, 'draft');
    assert.equal(p.content.components[0]?.items[0]?.copies, 0);
    assert.match(p.flags.find((f) => f.field === 'components[0].items[0].copies')?.message ?? '', /12025/);
  });

  it('makes a changed record a new version with an import history entry', async () => {
    const before = await detail('1.004222');
    const changed = byCode('1.004222');
    changed.CANCUPHAPLY = [
      ...(changed.CANCUPHAPLY as object[]),
      {
        SOVANBAN: '99/2026/TT-BCA',
        TENVANBAN: 'Thông tư số 99/2026/TT-BCA sửa đổi thủ tục đăng ký thường trú',
      },
    ];
    // Published at once.
    const res = await postImport(importer, { result: [changed, byCode('1.000253')] }, true);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json<ImportReport>();
    assert.deepEqual([report.created, report.updated, report.unchanged, report.published], [0, 1, 1, 1]);
    const after = await detail('1.004222');
    assert.equal(after.version, before.version + 1);
    assert.equal(after.publications, before.publications + 1);
    assert.equal(after.content.legalBasis.at(-1)?.number, '99/2026/TT-BCA');
    assert.deepEqual(after.published, after.content);
    const history = (await t.reviewer.get('/api/admin/procedures/1.004222/history')).json<{
      items: HistoryEntry[];
    }>().items;
    assert.deepEqual(
      history.slice(0, 2).map((h) => [h.action, h.version, h.actorName]),
      [
        ['publish', after.version, importerName],
        ['import', after.version, importerName],
      ],
    );
    assert.match(history[1]?.note ?? '', /Đồng bộ từ Cơ sở dữ liệu quốc gia/);
    const entry = await t.editor.get(`/api/admin/procedures/1.004222/history/${history[1]?.id}`);
    assert.deepEqual(entry.json<HistoryEntry>().content, after.content);
    const pub = await (await t.anon()).get('/api/public/procedures/1.004222');
    assert.equal(
      pub.json<{ content: { legalBasis: { number: string }[] } }>().content.legalBasis.at(-1)?.number,
      '99/2026/TT-BCA',
    );

    // Without publication: the draft changes, the portal keeps the published version.
    changed.TENTTHC = 'Đăng ký thường trú (sửa đổi)';
    const draftOnly = await postImport(t.editor, { result: [changed] }, false);
    assert.equal(draftOnly.statusCode, 200, draftOnly.body);
    assert.equal(draftOnly.json<ImportReport>().updated, 1);
    const drafted = await detail('1.004222');
    assert.equal(drafted.version, after.version + 1);
    assert.equal(drafted.name, 'Đăng ký thường trú (sửa đổi)');
    assert.equal(drafted.hasChanges, true);
    assert.equal(drafted.published?.name, 'Đăng ký thường trú');
    assert.equal(
      (await (await t.anon()).get('/api/public/procedures/1.004222')).json<{ content: { name: string } }>()
        .content.name,
      'Đăng ký thường trú',
    );
    const last = (await t.editor.get('/api/admin/procedures/1.004222/history')).json<{
      items: HistoryEntry[];
    }>().items[0];
    assert.deepEqual(
      [last?.action, last?.version, last?.actorName],
      ['import', drafted.version, t.editorName],
    );
  });
});

describe('refusing a bad file', () => {
  it('names every bad record (index and code) and field, and imports nothing', async () => {
    const before = await counts();
    const good = byCode('1.001193');
    (good.LINHVUCTHUCHIEN as { TENLINHVUC: string }[])[0]!.TENLINHVUC = 'Lĩnh vực chưa có trong danh mục';
    const noName = byCode('1.000894');
    delete noName.TENTTHC;
    const fax = byCode('1.000656');
    (fax.CACHTHUCTHUCHIEN as { KENH: string }[])[0]!.KENH = 'Fax';
    const weeks = byCode('1.004746');
    (weeks.CACHTHUCTHUCHIEN as { THOIGIAN: { DONVITINH: string }[] }[])[0]!.THOIGIAN[0]!.DONVITINH = 'Tuần';
    const dup = byCode('1.001193');
    const file = { result: [good, noName, fax, weeks, dup] };
    const res = await postImport(importer, file, true);
    const problem = assertProblem(res, 400, 'validation_failed');
    assert.match(problem.detail, /chưa thủ tục nào được nhập/);
    assert.match(
      errorFor(problem, 'result[1] (1.000894).TENTTHC').message,
      /TENTTHC \(tên thủ tục\) là bắt buộc/,
    );
    assert.match(
      errorFor(problem, 'result[2] (1.000656).CACHTHUCTHUCHIEN[0].KENH').message,
      /Kênh "Fax" không rõ/,
    );
    assert.match(
      errorFor(problem, 'result[3] (1.004746).CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH').message,
      /Đơn vị thời hạn "Tuần" không rõ/,
    );
    assert.match(errorFor(problem, 'result[4] (1.001193).MATTHC').message, /trùng với bản ghi result\[0\]/);
    assert.equal(problem.errors.length, 4, JSON.stringify(problem.errors));
    assert.deepEqual(await counts(), before);
    const fields = (await t.editor.get('/api/admin/procedure-fields')).json<{ items: { name: string }[] }>()
      .items;
    assert.ok(!fields.some((f) => f.name === 'Lĩnh vực chưa có trong danh mục'));
    assertProblem(await t.editor.get('/api/admin/procedures/1.001193'), 404, 'not_found');
  });

  it('refuses files that are not a list of records', async () => {
    const before = await counts();
    for (const body of ['"chuỗi"', '42', 'null', '{"records": []}', '{"result": {}}']) {
      const res = await postImport(importer, body, true);
      assert.match(errorFor(assertProblem(res, 400, 'validation_failed'), 'body').message, /LayThuTuc/, body);
    }
    for (const body of ['{"result": []}', '[]']) {
      const res = await postImport(importer, body, true);
      assert.match(
        errorFor(assertProblem(res, 400, 'validation_failed'), 'body.result').message,
        /không có thủ tục nào/,
      );
    }
    const notRecords = await postImport(importer, { result: [null, 'x', { MATTHC: '9.1' }] }, true);
    const problem = assertProblem(notRecords, 400, 'validation_failed');
    assert.ok(problem.errors.some((e) => e.field.startsWith('result[0].')));
    assert.ok(problem.errors.some((e) => e.field.startsWith('result[1].')));
    errorFor(problem, 'result[2] (9.1).TENTTHC');
    const broken = await postImport(importer, '{"result": [', true);
    assert.equal(broken.statusCode, 400, broken.body);
    assert.match(broken.headers['content-type'] as string, /problem\+json/);
    assert.deepEqual(await counts(), before);
  });
});
