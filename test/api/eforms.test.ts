import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import type { EformView } from '../../src/modules/eforms/schema.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/** E-forms of procedures over the API: the default until one is saved, versions, problems, conflicts, who may save. */

let rt: TestRuntime;
let t: CatalogTeam;
let code: string;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  const p = await t.createDraft();
  await t.publish(p.code, p.version);
  code = p.code;
});
after(async () => rt.stop());

const form: EformDefinition = {
  title: 'Tờ khai thử nghiệm',
  sections: [
    {
      title: 'Người khai',
      fields: [{ key: 'hoTen', type: 'text', label: 'Họ và tên', required: true, prefill: 'fullName' }],
    },
  ],
};

describe('e-forms', () => {
  it('serves the built-in default form until an editor saves one', async () => {
    const res = await rt.app.inject({ url: `/api/public/procedures/${code}/eform` });
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json<EformView>();
    assert.equal(v.version, 0);
    assert.ok(
      v.definition.sections.some((s) =>
        s.fields.some((f) => f.key === 'soDinhDanh' && f.prefill === 'idNumber'),
      ),
    );
  });

  it('saves versions, refuses a stale base and a broken definition naming the field, keeps old versions', async () => {
    const first = await t.editor.put(`/api/admin/procedures/${code}/eform`, {
      definition: form,
      baseVersion: 0,
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json<EformView>().version, 1);
    const stale = await t.editor.put(`/api/admin/procedures/${code}/eform`, {
      definition: form,
      baseVersion: 0,
    });
    assert.equal(stale.statusCode, 409, stale.body);
    const broken = await t.editor.put(`/api/admin/procedures/${code}/eform`, {
      definition: {
        ...form,
        sections: [
          {
            title: 'A',
            fields: [{ key: 'a', type: 'text', label: 'A', visibleWhen: { field: 'khongCo', in: ['x'] } }],
          },
        ],
      },
      baseVersion: 1,
    });
    assert.equal(broken.statusCode, 400, broken.body);
    assert.match(broken.body, /definition\.a/);
    const second = await t.editor.put(`/api/admin/procedures/${code}/eform`, {
      definition: { ...form, title: 'Tờ khai mới' },
      baseVersion: 1,
    });
    assert.equal(second.json<EformView>().version, 2);
    assert.equal((await rt.services.eforms.version(code, 1)).definition.title, 'Tờ khai thử nghiệm');
    assert.equal((await rt.services.eforms.current(code)).definition.title, 'Tờ khai mới');
  });

  it('names the property and the rule it breaks for bad numbers', async () => {
    const put = (field: Record<string, unknown>) =>
      t.editor.put(`/api/admin/procedures/${code}/eform`, {
        definition: { ...form, sections: [{ title: 'A', fields: [field] }] },
        baseVersion: 0,
      });
    const file = { key: 'f', type: 'file', label: 'Tệp', extensions: ['pdf'] };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...file, maxBytes: 0 }, /Dung lượng tối đa \(maxBytes\) phải từ 1 trở lên/],
      [{ ...file, maxBytes: 'lớn' }, /Dung lượng tối đa \(maxBytes\) phải là số/],
      [{ ...file, maxBytes: 1.5 }, /Dung lượng tối đa \(maxBytes\) phải là số nguyên/],
      [{ ...file, maxBytes: 1024, maxFiles: 21 }, /Số tệp tối đa \(maxFiles\) không được vượt quá 20/],
    ];
    for (const [field, message] of cases) {
      const res = await put(field);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, message);
    }
  });

  it('lets only a province editor save', async () => {
    const res = await t.communeEditor.put(`/api/admin/procedures/${code}/eform`, {
      definition: form,
      baseVersion: 2,
    });
    assert.equal(res.statusCode, 403, res.body);
    const anon = await (
      await t.anon()
    ).put(`/api/admin/procedures/${code}/eform`, { definition: form, baseVersion: 2 });
    assert.equal(anon.statusCode, 401);
  });
});
