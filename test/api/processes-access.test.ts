import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublishedProcess } from '../../src/modules/processes/schema.ts';
import { createAgency, createDepartment, createUserGroup } from '../support/factories.ts';
import { assertProblem } from '../support/procedure-admin.ts';
import { goodDefinition, processTeam } from '../support/processes.ts';
import type { ProcessTeam } from '../support/processes.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Who may change process definitions (procedures.edit over the agency of a variant, at the province
 * for the default), per-agency variants taking precedence over the default, the public read-only
 * process, and the audit entries of every change.
 */

let rt: TestRuntime;
let t: ProcessTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await processTeam(rt);
});
after(async () => rt.stop());

describe('authorization', () => {
  it('offers the departments and groups of an agency as actors to its editors only', async () => {
    const dept = await createDepartment(rt.database, t.commune.id, { name: 'Phòng Tư pháp thử' });
    const group = await createUserGroup(rt.database, t.commune.id, { name: 'Tổ thẩm định thử' });
    const url = `/api/admin/processes/actor-choices?agency=${t.commune.id}`;
    // A biên tập viên holds no org.manage, yet names the department that handles a step.
    const res = await t.communeEditor.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const choices = res.json<{ departments: { id: string }[]; groups: { id: string }[] }>();
    assert.ok(choices.departments.some((d) => d.id === dept.id));
    assert.ok(choices.groups.some((g) => g.id === group.id));
    assertProblem(await t.reviewer.get(url), 403, 'forbidden');
    assertProblem(await (await t.anon()).get(url), 401, 'unauthenticated');
    assertProblem(
      await t.communeEditor.get('/api/admin/processes/actor-choices?agency=nope'),
      400,
      'validation_failed',
    );
  });

  it('lets only editors in scope change processes', async () => {
    const code = await t.publishedProcedure();
    const other = await createAgency(rt.database, {
      parentId: t.province.id,
      level: 'commune',
      name: 'Xã Khác',
    });
    const anon = await t.anon();
    assertProblem(await anon.get(`/api/admin/processes?procedure=${code}`), 401, 'unauthenticated');
    assertProblem(await anon.post('/api/admin/processes', { procedureCode: code }), 401, 'unauthenticated');
    // A counter officer neither reads nor edits process definitions here.
    const counter = await t.signedIn(t.province.id, ['can_bo_mot_cua']);
    assertProblem(await counter.client.get(`/api/admin/processes?procedure=${code}`), 403, 'forbidden');
    // The procedure-control officer reads, but does not edit.
    assert.equal((await t.reviewer.get(`/api/admin/processes?procedure=${code}`)).statusCode, 200);
    assertProblem(await t.reviewer.post('/api/admin/processes', { procedureCode: code }), 403, 'forbidden');
    // A commune editor may not change the default every agency uses, nor another commune's variant…
    const denied = assertProblem(
      await t.communeEditor.post('/api/admin/processes', { procedureCode: code }),
      403,
      'forbidden',
    );
    assert.match(denied.detail, /cấp tỉnh/);
    assertProblem(
      await t.communeEditor.post('/api/admin/processes', { procedureCode: code, agencyId: other.id }),
      403,
      'forbidden',
    );
    // …but may keep a variant for their own commune.
    const own = await t.newDraft(t.communeEditor, code, { agencyId: t.commune.id });
    // And the default draft of the province is out of their reach.
    const def = await t.newDraft(t.editor, code);
    assertProblem(await t.save(t.communeEditor, def, goodDefinition(), 1), 403, 'forbidden');
    assertProblem(await t.publishProcess(t.communeEditor, def, 1), 403, 'forbidden');
    assertProblem(await t.communeEditor.delete(`/api/admin/processes/${def}`), 403, 'forbidden');
    // The province editor (subtree) and the administrator reach the commune's variant.
    assert.equal((await t.save(t.editor, own, goodDefinition('Của xã'), 1)).statusCode, 200);
    assert.equal((await t.save(t.admin, own, goodDefinition('Của xã, lần 2'), 2)).statusCode, 200);
    // CSRF applies to every change.
    const noCsrf = await t.editor.request({
      method: 'DELETE',
      url: `/api/admin/processes/${own}`,
      csrf: false,
    });
    assertProblem(noCsrf, 403, 'csrf_invalid');
  });
});

describe('variants and the public process', () => {
  it('serves the agency variant first, else the default, read-only and without official ids', async () => {
    const code = await t.publishedProcedure();
    const anon = await t.anon();
    assertProblem(await anon.get(`/api/public/procedures/${code}/process`), 404, 'not_found');

    const byDefault = goodDefinition('Quy trình chung');
    const handle = byDefault.steps.find((s) => s.id === 'giai-quyet');
    assert.ok(handle);
    const official = await t.signedIn(t.province.id, ['can_bo_thu_ly']);
    const officialId = (
      await rt.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', official.username)
        .executeTakeFirstOrThrow()
    ).id;
    handle.actor = { kind: 'officials', officialIds: [officialId] };
    const defaultId = await t.publishDefinition(t.editor, code, byDefault);
    const variantId = await t.publishDefinition(t.editor, code, goodDefinition('Quy trình của xã'), {
      agencyId: t.commune.id,
    });

    const get = async (query: string) => {
      const res = await anon.get(`/api/public/procedures/${code}/process${query}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['cache-control'] as string, /public/);
      return res.json<PublishedProcess>();
    };
    const plain = await get('');
    assert.equal(plain.id, defaultId);
    assert.equal(plain.agencyId, null);
    assert.deepEqual(plain.definition.steps.find((s) => s.id === 'giai-quyet')?.actor, {
      kind: 'officials',
      officialIds: [],
    });
    // The service (server-side callers) keeps the ids.
    const full = await rt.services.processes.publishedFor(code, null);
    assert.deepEqual(full?.definition.steps.find((s) => s.id === 'giai-quyet')?.actor, handle.actor);

    const ofCommune = await get(`?agency=${t.commune.id}`);
    assert.equal(ofCommune.id, variantId);
    assert.equal(ofCommune.definition.name, 'Quy trình của xã');
    assert.equal(ofCommune.agencyName, 'Xã Thử');
    assert.equal((await get(`?agency=${encodeURIComponent(t.commune.code)}`)).id, variantId);
    assert.equal((await get(`?agency=${t.province.id}`)).id, defaultId);
    assert.equal((await get('?agency=khong-co')).id, defaultId);

    // A draft is never public; a withdrawn procedure shows no process.
    await t.newDraft(t.editor, code);
    assert.equal((await get('')).id, defaultId);
    const proc = (await t.editor.get(`/api/admin/procedures/${code}`)).json<{ version: number }>();
    const withdrawn = await t.reviewer.post(`/api/admin/procedures/${code}/withdraw`, {
      version: proc.version,
      note: 'Thử ngừng công bố',
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assertProblem(await anon.get(`/api/public/procedures/${code}/process`), 404, 'not_found');
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await (await t.anon()).get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      '/api/public/procedures/{code}/process',
      '/api/admin/processes',
      '/api/admin/processes/{id}',
      '/api/admin/processes/{id}/publish',
      '/api/admin/processes/{id}/export',
      '/api/admin/processes/import',
    ])
      assert.ok(doc.paths[path], path);
  });
});

describe('audit', () => {
  it('writes an audit entry for every change, with who did it', async () => {
    const code = await t.publishedProcedure();
    const id = await t.publishDefinition(t.editor, code, goodDefinition());
    const draft = await t.newDraft(t.editor, code);
    assert.equal((await t.editor.delete(`/api/admin/processes/${draft}`)).statusCode, 204);
    const file = (await t.editor.get(`/api/admin/processes/${id}/export`)).json<object>();
    const imported = await t.editor.post(`/api/admin/processes/import?procedure=${code}`, file);
    assert.equal(imported.statusCode, 201, imported.body);
    const rows = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_name', 'summary'])
      .where('entity_type', '=', 'process_definition')
      .where('entity_id', 'in', [id, draft, imported.json<{ id: string }>().id])
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.action, r.entity_id]),
      [
        ['process.create', id],
        ['process.save', id],
        ['process.publish', id],
        ['process.create', draft],
        ['process.discard', draft],
        ['process.import', imported.json<{ id: string }>().id],
      ],
    );
    assert.ok(rows.every((r) => r.actor_name === t.editorName));
    assert.deepEqual((rows[1]?.summary as { after: unknown }).after, {
      rowVersion: 2,
      steps: 5,
      transitions: 7,
      problems: 0,
    });
  });
});
