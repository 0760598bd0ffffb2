import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry } from '../../src/modules/procedures/schema.ts';
import { catalogTeam, fullContent } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { nationalRecords } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

// Edge cases of the catalog's identifiers: two codes that give the same URL, long path parameters,
// and who is named in the history.
let rt: TestRuntime;
let t: CatalogTeam;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
});
after(async () => rt.stop());

const count = async () =>
  Number(
    (
      await rt.database.db
        .selectFrom('procedures')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('procedure identifiers', () => {
  it('refuses a second code that gives the same URL, with a clear conflict', async () => {
    await t.createDraft({ name: 'Thủ tục cấp giấy thử nghiệm' }, 'ABC.123');
    const res = await t.editor.post('/api/admin/procedures', {
      code: 'abc-123',
      content: fullContent({ name: 'Thủ tục cấp giấy thử nghiệm' }),
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json<{ code: string }>().code, 'procedure_slug_exists');
    assert.match(res.json<{ detail: string }>().detail, /ABC\.123/);
  });

  it('refuses an import whose records share a URL, within the file or with the catalog, importing nothing', async () => {
    const [rec] = nationalRecords();
    const before = await count();
    const inFile = await t.admin.post('/api/admin/procedures/import', {
      result: [
        { ...rec, MATTHC: 'X.000777' },
        { ...rec, MATTHC: 'x-000777' },
      ],
    });
    assert.equal(inFile.statusCode, 400, inFile.body);
    assert.match(inFile.body, /result\[1\] \(x-000777\)\.MATTHC/);
    const first = await t.admin.post('/api/admin/procedures/import', {
      result: [{ ...rec, MATTHC: 'Y.000777' }],
    });
    assert.equal(first.statusCode, 200, first.body);
    const clash = await t.admin.post('/api/admin/procedures/import', {
      result: [nationalRecords()[1], { ...rec, MATTHC: 'y-000777' }],
    });
    assert.equal(clash.statusCode, 400, clash.body);
    assert.match(clash.body, /y-000777/);
    assert.equal(await count(), before + 1);
  });

  it('answers a long unknown code or slug with a 404 problem, not a router error', async () => {
    const client = await t.anon();
    const res = await client.get(`/api/public/procedures/${'a'.repeat(150)}`);
    assert.equal(res.statusCode, 404, res.body);
    assert.match(String(res.headers['content-type']), /problem\+json/);
  });

  it('names the official in the history by full name as well as username', async () => {
    const p = await t.createDraft();
    const res = await t.editor.get(`/api/admin/procedures/${p.code}/history`);
    const [entry] = res.json<{ items: HistoryEntry[] }>().items;
    assert.equal(entry?.actorName, t.editorName);
    assert.ok(entry?.actorFullName && entry.actorFullName !== entry.actorName, JSON.stringify(entry));
  });
});
