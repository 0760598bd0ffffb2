import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminProcedure } from '../../src/modules/procedures/schema.ts';
import { createAgency } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam, errorFor, fullContent } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Who may change the procedure catalog (province-wide: editors edit, procedure-control officers
 * publish, nobody below the province) and the implementing agencies of a procedure.
 */

let rt: TestRuntime;
let t: CatalogTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
});
after(async () => rt.stop());

describe('who may do what', () => {
  it('answers 401 to anonymous callers and 403 without CSRF', async () => {
    const p = await t.createDraft();
    const nobody = await t.anon();
    assertProblem(await nobody.get('/api/admin/procedures'), 401, 'unauthenticated');
    assertProblem(await nobody.get(`/api/admin/procedures/${p.code}`), 401, 'unauthenticated');
    assertProblem(
      await nobody.post('/api/admin/procedures', { code: t.nextCode(), content: fullContent() }),
      401,
      'unauthenticated',
    );
    assertProblem(
      await nobody.put(`/api/admin/procedures/${p.code}`, { version: 1, content: fullContent() }),
      401,
      'unauthenticated',
    );
    assertProblem(
      await nobody.post(`/api/admin/procedures/${p.code}/publish`, { version: 1 }),
      401,
      'unauthenticated',
    );
    assertProblem(await nobody.get('/api/admin/procedure-fields'), 401, 'unauthenticated');
    assertProblem(await nobody.get('/api/admin/procedures/export'), 401, 'unauthenticated');
    assertProblem(
      await t.editor.post(
        '/api/admin/procedures',
        { code: t.nextCode(), content: fullContent() },
        { csrf: false },
      ),
      403,
      'csrf_invalid',
    );
  });

  it('lets an t.editor edit but not publish, a t.reviewer publish but not edit, and no t.commune official edit', async () => {
    const p = await t.createDraft();
    const byEditor = await t.editor.post(`/api/admin/procedures/${p.code}/publish`, { version: p.version });
    assertProblem(byEditor, 403, 'forbidden');
    assertProblem(
      await t.editor.post(`/api/admin/procedures/${p.code}/withdraw`, { version: p.version, note: 'x' }),
      403,
      'forbidden',
    );
    const byReviewer = await t.reviewer.put(`/api/admin/procedures/${p.code}`, {
      version: p.version,
      content: fullContent({ name: 'Sửa bởi kiểm soát viên' }),
    });
    assertProblem(byReviewer, 403, 'forbidden');
    assertProblem(
      await t.reviewer.post('/api/admin/procedures', { code: t.nextCode(), content: fullContent() }),
      403,
      'forbidden',
    );
    assertProblem(
      await t.reviewer.put(`/api/admin/procedures/${p.code}/agencies`, { version: p.version, agencies: [] }),
      403,
      'forbidden',
    );

    const byCommune = await t.communeEditor.put(`/api/admin/procedures/${p.code}`, {
      version: p.version,
      content: fullContent({ name: 'Sửa bởi xã' }),
    });
    assert.match(assertProblem(byCommune, 403, 'forbidden').detail, /cấp tỉnh/);
    assertProblem(
      await t.communeEditor.post('/api/admin/procedures', { code: t.nextCode(), content: fullContent() }),
      403,
      'forbidden',
    );
    assertProblem(
      await t.communeEditor.post('/api/admin/procedure-fields', { name: 'Lĩnh vực của xã' }),
      403,
      'forbidden',
    );
    assertProblem(
      await t.communeEditor.put('/api/admin/forms/mau-xa', { name: 'Mẫu của xã' }),
      403,
      'forbidden',
    );

    const communeReviewer = (await t.signedIn(t.commune.id, ['can_bo_kiem_soat_tthc'], false)).client;
    const byCommuneReviewer = await communeReviewer.post(`/api/admin/procedures/${p.code}/publish`, {
      version: p.version,
    });
    assert.match(assertProblem(byCommuneReviewer, 403, 'forbidden').detail, /cấp tỉnh/);

    const officer = (await t.signedIn(t.province.id, ['can_bo_mot_cua'])).client;
    assertProblem(await officer.get('/api/admin/procedures'), 403, 'forbidden');
    assertProblem(
      await officer.post('/api/admin/procedures', { code: t.nextCode(), content: fullContent() }),
      403,
      'forbidden',
    );

    // Nothing changed.
    const now = (await t.editor.get(`/api/admin/procedures/${p.code}`)).json<AdminProcedure>();
    assert.equal(now.version, p.version);
    assert.equal(now.status, 'draft');
  });
});

describe('implementing agencies', () => {
  it('sets the agencies and their channels, checking each one', async () => {
    const p = await t.createDraft();
    const dept = await createAgency(rt.database, {
      parentId: t.province.id,
      level: 'province_department',
      name: 'Sở Thử nghiệm',
    });
    const res = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: p.version,
      agencies: [
        { agencyId: dept.id, channels: ['counter', 'online', 'online'] },
        { agencyId: t.commune.id, channels: ['postal'] },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const saved = res.json<AdminProcedure>();
    assert.equal(saved.version, p.version + 1);
    assert.deepEqual(
      saved.agencies.map((a) => [a.id, a.name, [...a.channels].sort()]),
      [
        [dept.id, 'Sở Thử nghiệm', ['counter', 'online']],
        [t.commune.id, 'Xã Thử', ['postal']],
      ],
    );

    const stale = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: p.version,
      agencies: [],
    });
    assertProblem(stale, 409, 'version_conflict');
    const twice = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: saved.version,
      agencies: [
        { agencyId: dept.id, channels: ['counter'] },
        { agencyId: dept.id, channels: ['online'] },
      ],
    });
    errorFor(assertProblem(twice, 400, 'validation_failed'), 'body.agencies');
    const unknown = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: saved.version,
      agencies: [
        { agencyId: dept.id, channels: ['counter'] },
        { agencyId: crypto.randomUUID(), channels: ['counter'] },
      ],
    });
    assert.match(
      errorFor(assertProblem(unknown, 400, 'validation_failed'), 'body.agencies.1.agencyId').message,
      /Cơ quan không có/,
    );
    const noChannel = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: saved.version,
      agencies: [{ agencyId: dept.id, channels: [] }],
    });
    assert.match(
      errorFor(assertProblem(noChannel, 400, 'validation_failed'), 'body.agencies.0.channels').message,
      /ít nhất một cách thức/,
    );

    // After publication the portal lists the agencies and filters by them.
    const pub = await t.publish(p.code, saved.version);
    const citizen = await t.anon();
    const detail = (await citizen.get(`/api/public/procedures/${p.code}`)).json<{
      agencies: { id: string }[];
    }>();
    assert.deepEqual(detail.agencies.map((a) => a.id).sort(), [dept.id, t.commune.id].sort());
    const byAgency = (await citizen.get(`/api/public/procedures?agency=${dept.id}`)).json<{
      items: { code: string }[];
    }>();
    assert.deepEqual(
      byAgency.items.map((i) => i.code),
      [p.code],
    );

    const cleared = await t.editor.put(`/api/admin/procedures/${p.code}/agencies`, {
      version: pub.version,
      agencies: [],
    });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.deepEqual(cleared.json<AdminProcedure>().agencies, []);
    const rows = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'procedure')
      .where('entity_id', '=', p.code)
      .where('action', '=', 'procedure.agencies')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.summary),
      [{ after: { agencies: 2 } }, { after: { agencies: 0 } }],
    );
  });
});

describe('long names', () => {
  it('pages through the back-office list and the public search by keyset, names of 2,000 characters included', async () => {
    const long = `Thủ tục thử tên dài ${'rất '.repeat(490)}`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await t.createDraft({ name: `${long}${i}` });
      assert.ok(p.name.length > 1900 && p.name.length <= 2000);
      codes.push(p.code);
      await t.publish(p.code, p.version);
    }
    const walk = async (c: TestClient, url: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res = await c.get(`${url}&limit=2${after ? `&after=${after}` : ''}`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json<{ items: { code: string }[]; next: string | null }>();
        seen.push(...body.items.map((i) => i.code));
        after = body.next;
      } while (after);
      return seen;
    };
    assert.deepEqual(await walk(t.editor, '/api/admin/procedures?q=ten%20dai%20rat'), codes);
    assert.deepEqual(await walk(t.editor, '/api/admin/procedures?status=published&q=ten%20dai'), codes);
    assert.deepEqual(await walk(await t.anon(), '/api/public/procedures?q=ten%20dai%20rat'), codes);
    const bad = await t.editor.get('/api/admin/procedures?after=garbage');
    errorFor(assertProblem(bad, 400, 'validation_failed'), 'querystring.after');
  });
});
