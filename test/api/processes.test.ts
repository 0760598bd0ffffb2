import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ProcessDefinition } from '../../src/domain/process.ts';
import type { ProcessProblem } from '../../src/domain/process-validation.ts';
import type { ProcessDetail, ProcessExport, ProcessVersion } from '../../src/modules/processes/schema.ts';
import { assertProblem, errorFor } from '../support/procedure-admin.ts';
import { goodDefinition, processTeam, refs } from '../support/processes.ts';
import type { ProcessTeam } from '../support/processes.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Process definitions through the HTTP API (TT 22/2019 II.3.1–3.4): drafts saved with every problem
 * listed, publication refused while any remains, optimistic concurrency, published versions that
 * never change, and export/import round trips.
 */

let rt: TestRuntime;
let t: ProcessTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await processTeam(rt);
});
after(async () => rt.stop());

interface Problem400 {
  code: string;
  errors: { field: string; message: string }[];
  problems: ProcessProblem[];
}

describe('drafts', () => {
  it('starts a draft fitted to the strictest legal deadline, with no problem', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    const p = await t.read(t.editor, id);
    assert.equal(p.procedureCode, code);
    assert.equal(p.status, 'draft');
    assert.equal(p.version, 1);
    assert.equal(p.agencyId, null);
    // Counter: 5 working days, online: 3 → 3 working days of 480 minutes.
    assert.deepEqual(p.legalDeadline, { value: 3, unit: 'working_days', minutes: 1440 });
    assert.deepEqual(p.problems, []);
    assert.ok(p.longestPathMinutes !== null && p.longestPathMinutes <= 1440);
    assert.ok(p.definition.steps.some((s) => s.kind === 'receive' && s.onlineEntry));

    const list = await t.editor.get(`/api/admin/processes?procedure=${code}`);
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json<{ items: ProcessVersion[] }>().items;
    assert.deepEqual(
      items.map((i) => [i.id, i.version, i.status, i.agencyId, i.publishedAt]),
      [[id, 1, 'draft', null, null]],
    );
    // One draft at a time per procedure and agency.
    assertProblem(
      await t.editor.post('/api/admin/processes', { procedureCode: code }),
      409,
      'process_draft_exists',
    );
    assertProblem(
      await t.editor.post('/api/admin/processes', { procedureCode: '9.000000' }),
      404,
      'not_found',
    );
  });

  it('refuses a malformed definition with 400 naming each field in Vietnamese', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    const res = await t.save(
      t.editor,
      id,
      {
        name: 'x',
        steps: [
          { id: 's1', name: 'A', kind: 'xu_ly', actor: { kind: 'boss' }, budgetMinutes: 'mười', x: 0, y: 0 },
        ],
        transitions: [{ id: 't1', from: 's1', to: 's1', action: 'teleport' }],
      },
      1,
    );
    const p = assertProblem(res, 400, 'validation_failed');
    assert.match(errorFor(p, 'body.definition.steps.0.kind').message, /Loại bước \(steps\[\]\.kind\)/);
    assert.match(errorFor(p, 'body.definition.steps.0.budgetMinutes').message, /Thời gian xử lý/);
    assert.match(errorFor(p, 'body.definition.steps.0.actor.kind').message, /Người thực hiện/);
    assert.match(errorFor(p, 'body.definition.transitions.0.action').message, /Thao tác/);
    const missing = assertProblem(
      await t.editor.put(`/api/admin/processes/${id}`, { definition: {} }),
      400,
      'validation_failed',
    );
    assert.match(errorFor(missing, 'body.rowVersion').message, /rowVersion/);
    assert.match(errorFor(missing, 'body.definition.steps').message, /Danh sách bước \(steps\)/);
  });

  it('saves a draft with problems, returns every one, and publication lists each with its step or arrow', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    const bad = goodDefinition();
    bad.name = '';
    const handle = bad.steps.find((s) => s.id === 'giai-quyet');
    assert.ok(handle);
    handle.actor = null;
    handle.budgetMinutes = 5000; // 3 working days are 1,440 minutes
    bad.steps.push({
      id: 'mo-coi',
      name: 'Bước mồ côi',
      kind: 'work',
      actor: handle.actor,
      budgetMinutes: 1,
      x: 0,
      y: 0,
    });
    bad.transitions = bad.transitions.filter((a) => a.action !== 'request_supplement');
    bad.transitions.push({ id: 'sai', from: 'giai-quyet', to: 'khong-co', action: 'forward' });
    const saved = await t.save(t.editor, id, bad, 1);
    assert.equal(saved.statusCode, 200, saved.body);
    const body = saved.json<{ rowVersion: number; problems: ProcessProblem[] }>();
    assert.equal(body.rowVersion, 2);
    const expected = [
      ['process_name_missing', null],
      ['work_step_no_actor', 'giai-quyet'],
      ['work_step_no_actor', 'mo-coi'],
      ['transition_unknown_step', 'sai'],
      ['no_supplement', null],
      ['unreachable_step', 'mo-coi'],
      ['dead_end', 'mo-coi'],
      ['over_deadline', 'giai-quyet'],
    ];
    assert.deepEqual(refs(body.problems), expected);
    assert.deepEqual(refs((await t.read(t.editor, id)).problems), expected);

    const refused = assertProblem(await t.publishProcess(t.editor, id, 2), 400, 'process_invalid');
    const full = refused as unknown as Problem400;
    assert.deepEqual(refs(full.problems), expected);
    assert.equal(full.errors.length, expected.length);
    const onOrphan = refused.errors
      .filter((e) => e.field === 'definition.steps.mo-coi')
      .map((e) => e.message);
    assert.equal(onOrphan.length, 3);
    assert.ok(onOrphan.some((m) => m.startsWith('[unreachable_step] ')));
    assert.match(errorFor(refused, 'definition.transitions.sai').message, /khong-co/);
    assert.match(errorFor(refused, 'definition').message, /bổ sung hồ sơ|chưa có tên/);
    assert.equal((await t.read(t.editor, id)).status, 'draft');
  });

  it('reports actors and coordinating units that do not exist', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    const def = goodDefinition();
    const handle = def.steps.find((s) => s.id === 'giai-quyet');
    assert.ok(handle);
    handle.actor = { kind: 'department', departmentId: crypto.randomUUID() };
    def.transitions.push({
      id: 'phoi-hop',
      from: 'giai-quyet',
      to: 'giai-quyet',
      action: 'extend',
    });
    const saved = await t.save(t.editor, id, def, 1);
    assert.deepEqual(refs(saved.json<{ problems: ProcessProblem[] }>().problems), [
      ['actor_unknown', 'giai-quyet'],
    ]);
  });

  it('refuses a stale rowVersion with 409 and a clear message', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    assert.equal((await t.save(t.editor, id, goodDefinition('Lần 1'), 1)).statusCode, 200);
    const stale = assertProblem(
      await t.save(t.admin, id, goodDefinition('Lần 2'), 1),
      409,
      'version_conflict',
    );
    assert.match(stale.detail, /vừa được người khác lưu.*tải lại/);
    assertProblem(await t.publishProcess(t.editor, id, 1), 409, 'version_conflict');
    assert.equal((await t.read(t.editor, id)).definition.name, 'Lần 1');
  });

  it('discards a draft', async () => {
    const code = await t.publishedProcedure();
    const id = await t.newDraft(t.editor, code);
    const res = await t.editor.delete(`/api/admin/processes/${id}`);
    assert.equal(res.statusCode, 204, res.body);
    assertProblem(await t.editor.get(`/api/admin/processes/${id}`), 404, 'not_found');
    // The next draft takes the number again: a discarded draft was never in force.
    assert.equal((await t.read(t.editor, await t.newDraft(t.editor, code))).version, 1);
  });
});

describe('publication', () => {
  it('publishes, retires the previous version and never changes a published one', async () => {
    const code = await t.publishedProcedure();
    const first = goodDefinition('Phiên bản 1');
    const v1 = await t.publishDefinition(t.editor, code, first);
    const p1 = await t.read(t.editor, v1);
    assert.equal(p1.status, 'published');
    assert.ok(p1.publishedAt);

    // A published version refuses every change, through the service and in the database.
    assertProblem(
      await t.save(t.editor, v1, goodDefinition('Sửa lén'), p1.rowVersion),
      409,
      'process_not_draft',
    );
    assertProblem(await t.editor.delete(`/api/admin/processes/${v1}`), 409, 'process_not_draft');
    assertProblem(await t.publishProcess(t.editor, v1, p1.rowVersion), 409, 'process_not_draft');
    await assert.rejects(
      sql`update process_definitions set definition = '{"name":"x","steps":[],"transitions":[]}' where id = ${v1}`.execute(
        rt.database.db,
      ),
      /can no longer be changed/,
    );
    await assert.rejects(
      sql`delete from process_definitions where id = ${v1}`.execute(rt.database.db),
      /never be deleted/,
    );

    // A new draft starts as a copy of the version in force.
    const v2 = await t.newDraft(t.editor, code);
    const d2 = await t.read(t.editor, v2);
    assert.equal(d2.version, 2);
    assert.deepEqual(d2.definition, p1.definition);
    const second = goodDefinition('Phiên bản 2');
    assert.equal((await t.save(t.editor, v2, second, d2.rowVersion)).statusCode, 200);
    const published = await t.publishProcess(t.editor, v2, d2.rowVersion + 1);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json<ProcessDetail>().status, 'published');

    // The older version stays readable, unchanged, retired.
    const old = await t.read(t.editor, v1);
    assert.equal(old.status, 'retired');
    assert.deepEqual(old.definition, p1.definition);
    assert.equal(old.definition.name, 'Phiên bản 1');
    assert.equal(old.publishedAt, p1.publishedAt);
    const list = (await t.editor.get(`/api/admin/processes?procedure=${code}`)).json<{
      items: ProcessVersion[];
    }>();
    assert.deepEqual(
      list.items.map((i) => [i.version, i.status]),
      [
        [2, 'published'],
        [1, 'retired'],
      ],
    );
    const pub = await rt.services.processes.publishedFor(code, null);
    assert.equal(pub?.id, v2);
    assert.equal(pub.definition.name, 'Phiên bản 2');
    // Copying an older version into a new draft (to go back to it) is a new version.
    const v3 = await t.newDraft(t.editor, code, { fromId: v1 });
    assert.equal((await t.read(t.editor, v3)).definition.name, 'Phiên bản 1');
    assert.equal((await t.read(t.editor, v3)).version, 3);
  });

  it('counts dossiers per step (zeros until dossiers exist)', async () => {
    const code = await t.publishedProcedure();
    const id = await t.publishDefinition(t.editor, code, goodDefinition());
    const res = await t.editor.get(`/api/admin/processes/${id}/step-counts`);
    assert.equal(res.statusCode, 200, res.body);
    const counts = res.json<{ counts: Record<string, number> }>().counts;
    assert.deepEqual(
      Object.keys(counts).sort(),
      goodDefinition()
        .steps.map((s) => s.id)
        .sort(),
    );
    assert.ok(Object.values(counts).every((n) => n === 0));
  });
});

describe('export and import', () => {
  it('round-trips a definition through its file, and imports a bare definition', async () => {
    const code = await t.publishedProcedure();
    const def: ProcessDefinition = goodDefinition('Quy trình xuất ra');
    const first = def.transitions[0];
    assert.ok(first);
    first.label = 'Chuyển xử lý ngay';
    const id = await t.publishDefinition(t.editor, code, def);
    const res = await t.editor.get(`/api/admin/processes/${id}/export`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(
      res.headers['content-disposition'] as string,
      /attachment; filename="quy-trinh-.*-v1\.json"/,
    );
    const file = res.json<ProcessExport>();
    assert.equal(file.format, 'dichvucong.quy-trinh/1');
    assert.equal(file.procedureCode, code);
    assert.equal(file.status, 'published');

    const other = await t.publishedProcedure();
    const imported = await t.editor.post(`/api/admin/processes/import?procedure=${other}`, file);
    assert.equal(imported.statusCode, 201, imported.body);
    const { id: newId, problems } = imported.json<{ id: string; problems: ProcessProblem[] }>();
    assert.deepEqual(problems, []);
    const copy = await t.read(t.editor, newId);
    assert.equal(copy.procedureCode, other);
    assert.equal(copy.status, 'draft');
    assert.deepEqual(copy.definition, (await t.read(t.editor, id)).definition);
    assert.equal(copy.definition.transitions[0]?.label, 'Chuyển xử lý ngay');

    const bare = await t.publishedProcedure();
    const plain = await t.editor.post(
      `/api/admin/processes/import?procedure=${bare}`,
      goodDefinition('Trần'),
    );
    assert.equal(plain.statusCode, 201, plain.body);
  });

  it('refuses a malformed file listing every error, and keeps a well-formed but faulty one as a draft', async () => {
    const code = await t.publishedProcedure();
    const bad = await t.editor.post(`/api/admin/processes/import?procedure=${code}`, {
      format: 'khac/1',
      definition: { name: 5, steps: [{ id: 's', kind: 'receive' }], transitions: 'không' },
    });
    const p = assertProblem(bad, 400, 'validation_failed');
    assert.deepEqual(p.errors.map((e) => e.field).sort(), [
      'definition.name',
      'definition.steps.0.budgetMinutes',
      'definition.steps.0.name',
      'definition.transitions',
      'format',
    ]);
    assert.match(errorFor(p, 'format').message, /Định dạng tệp/);
    const faulty = goodDefinition();
    faulty.steps = faulty.steps.filter((s) => s.kind !== 'return');
    const kept = await t.editor.post(`/api/admin/processes/import?procedure=${code}`, {
      format: 'dichvucong.quy-trinh/1',
      definition: faulty,
    });
    assert.equal(kept.statusCode, 201, kept.body);
    const codes = kept.json<{ problems: ProcessProblem[] }>().problems.map((x) => x.code);
    assert.ok(codes.includes('no_return') && codes.includes('transition_unknown_step'), codes.join());
  });
});
