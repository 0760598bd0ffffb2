import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminProcedure, HistoryEntry } from '../../src/modules/procedures/schema.ts';
import { assertProblem, catalogTeam, errorFor, fullContent } from '../support/procedure-admin.ts';
import type { CatalogTeam, Problem } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Editing the procedure catalog through the HTTP API (TT 22/2019 II.1.2): drafts checked field by
 * field, optimistic concurrency, publication blocked while an attribute is missing, withdrawal, and a
 * history of who changed what and why, with audit entries.
 */

let rt: TestRuntime;
let t: CatalogTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
});
after(async () => rt.stop());

describe('creating and editing a procedure', () => {
  it('creates a draft, reads it back and lists it', async () => {
    const code = t.nextCode();
    const created = await t.editor.post('/api/admin/procedures', {
      code,
      content: fullContent({ name: '  Thủ tục   cấp phép  tạo mới ' }),
    });
    assert.equal(created.statusCode, 201, created.body);
    const p = created.json<AdminProcedure>();
    assert.equal(p.code, code);
    assert.equal(p.name, 'Thủ tục cấp phép tạo mới');
    assert.equal(p.status, 'draft');
    assert.equal(p.version, 1);
    assert.equal(p.source, 'local');
    assert.deepEqual(p.publicationIssues, []);
    assert.equal(p.published, null);
    assert.match(p.slug, /^cap-phep-tao-moi-9-9/);
    // Defaults fill what was left out.
    assert.equal(p.content.channels[0]?.deadlineNote, null);
    assert.equal(p.content.components[0]?.items[1]?.originals, 0);
    assert.equal(p.content.sourceUrl, null);

    const read = await t.editor.get(`/api/admin/procedures/${code}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json<AdminProcedure>().content, p.content);
    const listed = await t.editor.get('/api/admin/procedures?q=cap%20phep%20tao%20moi');
    assert.deepEqual(
      listed.json<{ items: { code: string }[] }>().items.map((i) => i.code),
      [code],
    );
    assert.equal((await t.reviewer.get(`/api/admin/procedures/${code}`)).statusCode, 200);
    assertProblem(await t.editor.get('/api/admin/procedures/9.999999'), 404, 'not_found');
  });

  it('refuses bad input with 400 problem+json naming each field in Vietnamese', async () => {
    const noName = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: { ...fullContent(), name: undefined },
    });
    assert.match(
      errorFor(assertProblem(noName, 400, 'validation_failed'), 'body.content.name').message,
      /Tên thủ tục \(name\) là bắt buộc/,
    );

    const blankName = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ name: '   ' }),
    });
    assert.match(
      errorFor(assertProblem(blankName, 400, 'validation_failed'), 'body.content.name').message,
      /Tên thủ tục/,
    );

    const noField = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: { ...fullContent(), fieldCode: undefined },
    });
    assert.match(
      errorFor(assertProblem(noField, 400, 'validation_failed'), 'body.content.fieldCode').message,
      /Mã lĩnh vực \(fieldCode\) là bắt buộc/,
    );

    const unknownField = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ fieldCode: 'khong-co' }),
    });
    assert.match(
      errorFor(assertProblem(unknownField, 400, 'validation_failed'), 'body.content.fieldCode').message,
      /Lĩnh vực \(fieldCode\) "khong-co" không có/,
    );

    const weeks = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ channels: [{ channel: 'counter', deadline: { value: 2, unit: 'weeks' } }] }),
    });
    assert.match(
      errorFor(assertProblem(weeks, 400, 'validation_failed'), 'body.content.channels.0.deadline.unit')
        .message,
      /Đơn vị thời hạn \(deadline.unit\)/,
    );

    const badChannel = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ channels: [{ channel: 'fax' }] }),
    });
    assert.match(
      errorFor(assertProblem(badChannel, 400, 'validation_failed'), 'body.content.channels.0.channel')
        .message,
      /Cách thức thực hiện/,
    );

    const badLevel = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ legacyLevel: 5, onlineLevel: 'toan-trinh' }),
    });
    const levelProblem = assertProblem(badLevel, 400, 'validation_failed');
    assert.match(errorFor(levelProblem, 'body.content.legacyLevel').message, /Mức độ dịch vụ công/);
    assert.match(errorFor(levelProblem, 'body.content.onlineLevel').message, /Mức độ trực tuyến/);

    const negativeFee = await t.editor.post('/api/admin/procedures', {
      code: t.nextCode(),
      content: fullContent({ channels: [{ channel: 'counter', fees: [{ amountVnd: -1 }] }] }),
    });
    assert.match(
      errorFor(
        assertProblem(negativeFee, 400, 'validation_failed'),
        'body.content.channels.0.fees.0.amountVnd',
      ).message,
      /không được âm/,
    );

    for (const code of ['x', 'mã-có-dấu', '1 001', '.1001', 'a'.repeat(41)]) {
      const res = await t.editor.post('/api/admin/procedures', { code, content: fullContent() });
      assert.match(
        errorFor(assertProblem(res, 400, 'validation_failed'), 'body.code').message,
        /Mã thủ tục \(code\)/,
        code,
      );
    }
    const noCode = await t.editor.post('/api/admin/procedures', { content: fullContent() });
    assert.match(
      errorFor(assertProblem(noCode, 400, 'validation_failed'), 'body.code').message,
      /Mã thủ tục \(code\) là bắt buộc/,
    );

    // Nothing was created by any of these.
    const all = await t.editor.get('/api/admin/procedures?q=9.&limit=100');
    assert.ok(all.json<{ items: { code: string }[] }>().items.every((i) => /^9\.9\d{5}$/.test(i.code)));
  });

  it('refuses a national code already in the catalog (409 procedure_exists)', async () => {
    const p = await t.createDraft();
    const dup = await t.editor.post('/api/admin/procedures', {
      code: p.code,
      content: fullContent({ name: 'Thủ tục khác' }),
    });
    const problem = assertProblem(dup, 409, 'procedure_exists');
    assert.match(problem.detail, new RegExp(`Mã thủ tục \\(code\\) "${p.code.replace('.', '\\.')}" đã có`));
    // Leading and trailing spaces do not make a different code.
    const spaced = await t.editor.post('/api/admin/procedures', {
      code: ` ${p.code} `,
      content: fullContent(),
    });
    assertProblem(spaced, 409, 'procedure_exists');
  });

  it('saves a new version, keeps an identical save a no-op and clears nothing else', async () => {
    const p = await t.createDraft();
    const res = await t.editor.put(`/api/admin/procedures/${p.code}`, {
      version: p.version,
      content: fullContent({ name: 'Thủ tục cấp giấy phép thử nghiệm (sửa)' }),
      note: 'Sửa tên theo quyết định mới',
    });
    assert.equal(res.statusCode, 200, res.body);
    const saved = res.json<AdminProcedure>();
    assert.equal(saved.version, 2);
    assert.equal(saved.name, 'Thủ tục cấp giấy phép thử nghiệm (sửa)');
    const same = await t.editor.put(`/api/admin/procedures/${p.code}`, {
      version: 2,
      content: fullContent({ name: 'Thủ tục cấp giấy phép thử nghiệm (sửa)' }),
    });
    assert.equal(same.statusCode, 200);
    assert.equal(same.json<AdminProcedure>().version, 2);
    const stale = await t.editor.put(`/api/admin/procedures/${p.code}`, {
      version: 1,
      content: fullContent(),
    });
    assert.match(assertProblem(stale, 409, 'version_conflict').detail, /phiên bản 2/);
    const badBody = await t.editor.put(`/api/admin/procedures/${p.code}`, { content: fullContent() });
    errorFor(assertProblem(badBody, 400, 'validation_failed'), 'body.version');
    assertProblem(
      await t.editor.put('/api/admin/procedures/9.999998', { version: 1, content: fullContent() }),
      404,
      'not_found',
    );
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const p = await t.createDraft();
    const [a, b] = await Promise.all([
      t.editor.put(`/api/admin/procedures/${p.code}`, {
        version: p.version,
        content: fullContent({ name: 'Bản sửa của người thứ nhất' }),
      }),
      t.editor.put(`/api/admin/procedures/${p.code}`, {
        version: p.version,
        content: fullContent({ name: 'Bản sửa của người thứ hai' }),
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(statuses, [200, 409], `${a.body}\n${b.body}`);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    assert.equal(loser.json<Problem>().code, 'version_conflict');
    const now = (await t.editor.get(`/api/admin/procedures/${p.code}`)).json<AdminProcedure>();
    assert.equal(now.version, p.version + 1);
    assert.equal(now.name, winner.json<AdminProcedure>().name);
    const history = (await t.editor.get(`/api/admin/procedures/${p.code}/history`)).json<{
      items: HistoryEntry[];
    }>();
    assert.deepEqual(
      history.items.map((h) => h.action),
      ['update', 'create'],
    );
  });
});

describe('publication and withdrawal', () => {
  it('blocks publication listing every missing II.1.2 attribute', async () => {
    const p = await t.createDraft({
      applicantTypes: [],
      steps: [],
      channels: [{ channel: 'counter' }],
      components: [],
      results: [],
      legalBasis: [],
    });
    assert.deepEqual(
      p.publicationIssues.map((i) => i.field),
      ['applicantTypes', 'steps', 'components', 'channels[].deadline', 'results', 'legalBasis'],
    );
    const res = await t.reviewer.post(`/api/admin/procedures/${p.code}/publish`, { version: p.version });
    const problem = assertProblem(res, 400, 'validation_failed');
    assert.match(problem.detail, /chưa đủ thông tin để công bố/);
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      [
        'content.applicantTypes',
        'content.steps',
        'content.components',
        'content.channels[].deadline',
        'content.results',
        'content.legalBasis',
      ],
    );
    assert.match(errorFor(problem, 'content.steps').message, /Chưa có trình tự thực hiện/);
    assert.match(errorFor(problem, 'content.legalBasis').message, /Chưa có căn cứ pháp lý/);
    const noChannels = await t.createDraft({ channels: [] });
    const res2 = await t.reviewer.post(`/api/admin/procedures/${noChannels.code}/publish`, { version: 1 });
    assert.deepEqual(
      assertProblem(res2, 400, 'validation_failed').errors.map((e) => e.field),
      ['content.channels'],
    );
    // Still a draft, not on the portal.
    assert.equal(
      (await t.editor.get(`/api/admin/procedures/${p.code}`)).json<AdminProcedure>().status,
      'draft',
    );
    assert.equal((await (await t.anon()).get(`/api/public/procedures/${p.code}`)).statusCode, 404);
  });

  it('publishes, shows the published copy publicly, tracks later changes and withdraws with a reason', async () => {
    const p = await t.createDraft({ name: 'Thủ tục công bố rồi ngừng' });
    const pub = await t.publish(p.code, p.version, 'Công bố theo Quyết định 01/QĐ-UBND');
    assert.equal(pub.status, 'published');
    assert.equal(pub.hasChanges, false);
    assert.equal(pub.publications, 1);
    assert.ok(pub.publishedAt);
    assert.deepEqual(pub.published, pub.content);
    const citizen = await t.anon();
    const shown = await citizen.get(`/api/public/procedures/${p.code}`);
    assert.equal(shown.statusCode, 200, shown.body);
    assert.equal(shown.json<{ content: { name: string } }>().content.name, 'Thủ tục công bố rồi ngừng');
    assert.equal((await citizen.get(`/api/public/procedures/${pub.slug}`)).statusCode, 200);

    const again = await t.reviewer.post(`/api/admin/procedures/${p.code}/publish`, { version: pub.version });
    assertProblem(again, 409, 'nothing_to_publish');

    // A saved draft does not change what the portal shows until it is published.
    const edited = await t.editor.put(`/api/admin/procedures/${p.code}`, {
      version: pub.version,
      content: fullContent({ name: 'Thủ tục công bố rồi ngừng (bản mới)' }),
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json<AdminProcedure>().hasChanges, true);
    assert.equal(edited.json<AdminProcedure>().published?.name, 'Thủ tục công bố rồi ngừng');
    const changed = await t.editor.get('/api/admin/procedures?status=changed&limit=100');
    assert.ok(changed.json<{ items: { code: string }[] }>().items.some((i) => i.code === p.code));
    assert.equal(
      (await citizen.get(`/api/public/procedures/${p.code}`)).json<{ content: { name: string } }>().content
        .name,
      'Thủ tục công bố rồi ngừng',
    );

    const noReason = await t.reviewer.post(`/api/admin/procedures/${p.code}/withdraw`, {
      version: edited.json<AdminProcedure>().version,
    });
    assert.match(
      errorFor(assertProblem(noReason, 400, 'validation_failed'), 'body.note').message,
      /Lý do ngừng công bố/,
    );
    const withdrawn = await t.reviewer.post(`/api/admin/procedures/${p.code}/withdraw`, {
      version: edited.json<AdminProcedure>().version,
      note: 'Thủ tục bị bãi bỏ',
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json<AdminProcedure>().status, 'withdrawn');
    assertProblem(await citizen.get(`/api/public/procedures/${p.code}`), 404, 'not_found');
    const twice = await t.reviewer.post(`/api/admin/procedures/${p.code}/withdraw`, {
      version: withdrawn.json<AdminProcedure>().version,
      note: 'Lần nữa',
    });
    assertProblem(twice, 409, 'not_published');

    // Published again, with the newer draft.
    const back = await t.publish(p.code, withdrawn.json<AdminProcedure>().version, 'Công bố lại');
    assert.equal(back.publications, 2);
    assert.equal(
      (await citizen.get(`/api/public/procedures/${p.code}`)).json<{ content: { name: string } }>().content
        .name,
      'Thủ tục công bố rồi ngừng (bản mới)',
    );
  });

  it('keeps a history of who changed what and why, each version retrievable, and audits every change', async () => {
    const p = await t.createDraft({ name: 'Thủ tục có lịch sử' });
    const v2 = await t.editor.put(`/api/admin/procedures/${p.code}`, {
      version: 1,
      content: fullContent({ name: 'Thủ tục có lịch sử (sửa)' }),
      note: 'Bổ sung theo góp ý',
    });
    assert.equal(v2.statusCode, 200, v2.body);
    const pub = await t.publish(p.code, 2, 'Đã kiểm soát');
    await t.reviewer.post(`/api/admin/procedures/${p.code}/withdraw`, {
      version: pub.version,
      note: 'Tạm dừng',
    });

    const res = await t.reviewer.get(`/api/admin/procedures/${p.code}/history`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<{ items: HistoryEntry[] }>().items;
    assert.deepEqual(
      items.map((h) => [h.action, h.version, h.actorName, h.note]),
      [
        ['withdraw', 4, t.reviewerName, 'Tạm dừng'],
        ['publish', 3, t.reviewerName, 'Đã kiểm soát'],
        ['update', 2, t.editorName, 'Bổ sung theo góp ý'],
        ['create', 1, t.editorName, null],
      ],
    );
    assert.ok(items.every((h) => h.content === undefined && !Number.isNaN(Date.parse(h.at))));
    const first = items.at(-1);
    assert.ok(first);
    const v1 = await t.editor.get(`/api/admin/procedures/${p.code}/history/${first.id}`);
    assert.equal(v1.statusCode, 200, v1.body);
    assert.equal(v1.json<HistoryEntry>().content?.name, 'Thủ tục có lịch sử');
    assert.deepEqual(v1.json<HistoryEntry>().content, p.content);
    const update = items.find((h) => h.action === 'update');
    assert.equal(
      (await t.editor.get(`/api/admin/procedures/${p.code}/history/${update?.id}`)).json<HistoryEntry>()
        .content?.name,
      'Thủ tục có lịch sử (sửa)',
    );
    // An entry of another procedure is not reachable through this one.
    const other = await t.createDraft();
    const otherFirst = (await t.editor.get(`/api/admin/procedures/${other.code}/history`)).json<{
      items: HistoryEntry[];
    }>().items[0];
    assertProblem(
      await t.editor.get(`/api/admin/procedures/${p.code}/history/${otherFirst?.id}`),
      404,
      'not_found',
    );

    const audit = await t.admin.get(`/api/admin/audit?entityType=procedure&entityId=${p.code}`);
    assert.equal(audit.statusCode, 200, audit.body);
    const entries = audit.json<{
      items: { action: string; actorName: string; summary: Record<string, unknown> }[];
    }>().items;
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorName]),
      [
        ['procedure.withdraw', t.reviewerName],
        ['procedure.publish', t.reviewerName],
        ['procedure.update', t.editorName],
        ['procedure.create', t.editorName],
      ],
    );
    assert.equal(entries[0]?.summary.note, 'Tạm dừng');
    assert.equal(entries[2]?.summary.note, 'Bổ sung theo góp ý');
  });
});
