import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EformDefinition } from '../../src/domain/eform.ts';
import { translator } from '../../app/i18n/index.ts';
import {
  designerStep,
  problemErrors,
  readState,
} from '../../app/routes/mot-cua/eform-designer/designer-step.ts';
import type { DesignerState } from '../../app/routes/mot-cua/eform-designer/designer-step.ts';
import { contractErrors } from '../../app/routes/mot-cua/eform-designer/draft-shape.ts';
import { extensionList, sizeInput } from '../../app/routes/mot-cua/eform-designer/panel-values.ts';

// The e-form designer's step (what every button does to the draft, the same with and without
// JavaScript) and how the save's problems land on the designer's controls (III.1.2, II.2.3).
const t = translator('vi');

const draft: EformDefinition = {
  title: 'Tờ khai',
  sections: [
    {
      title: 'Người khai',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên' },
        { key: 'loai', type: 'choice', label: 'Loại', options: [{ value: 'a', label: 'A' }] },
        {
          key: 'tv',
          type: 'group',
          label: 'Thành viên',
          fields: [{ key: 'ten', type: 'text', label: 'Tên' }],
        },
      ],
    },
  ],
};
const start: DesignerState = { draft, selected: null, baseVersion: 3 };

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
};
const keys = (d: EformDefinition) => d.sections.map((s) => s.fields.map((f) => f.key));

describe('e-form designer step', () => {
  it('reads the draft carried in the hidden inputs, and refuses a broken one', () => {
    const carried = form({ draft: JSON.stringify(draft), selected: '0.1', baseVersion: '3' });
    assert.deepEqual(readState(carried), { draft, selected: '0.1', baseVersion: 3 });
    assert.equal(
      readState(form({ draft: JSON.stringify(draft), selected: '0.9', baseVersion: '3' }))?.selected,
      null,
    );
    assert.equal(readState(form({ draft: '{', baseVersion: '3' })), null);
    assert.equal(readState(form({ draft: JSON.stringify({ title: 1 }), baseVersion: '3' })), null);
    assert.equal(readState(form({ draft: JSON.stringify(draft), baseVersion: '-1' })), null);
  });

  const cases: {
    name: string;
    from?: Partial<DesignerState>;
    post: Record<string, string>;
    keys: string[][];
    selected: string | null;
    focus?: string;
  }[] = [
    {
      name: 'adds a field of the chosen type and opens it',
      post: { intent: 'add:0', 'newType.0': 'date' },
      keys: [['hoTen', 'loai', 'tv', 'truong1']],
      selected: '0.3',
      focus: 'f-p.label',
    },
    {
      name: 'adds a field into a group',
      post: { intent: 'add:0.2', 'newType.0.2': 'phone' },
      keys: [['hoTen', 'loai', 'tv']],
      selected: '0.2.1',
    },
    {
      name: 'ignores an unknown type',
      post: { intent: 'add:0', 'newType.0': 'script' },
      keys: [['hoTen', 'loai', 'tv']],
      selected: null,
    },
    {
      name: 'moves a field, the selection follows it',
      from: { selected: '0.2' },
      post: { intent: 'up:0.2' },
      keys: [['hoTen', 'tv', 'loai']],
      selected: '0.1',
      focus: 'up-0.1',
    },
    {
      name: 'moves a field past the selected one, the selection stays on its field',
      from: { selected: '0.1' },
      post: { intent: 'down:0.0' },
      keys: [['loai', 'hoTen', 'tv']],
      selected: '0.0',
    },
    {
      name: 'removes a field and closes the panel',
      from: { selected: '0.1' },
      post: { intent: 'remove:0.0' },
      keys: [['loai', 'tv']],
      selected: null,
    },
    {
      name: 'adds a section',
      post: { intent: 'add-section' },
      keys: [['hoTen', 'loai', 'tv'], []],
      selected: null,
      focus: 'f-section.1.title',
    },
    {
      name: 'selects a field',
      post: { intent: 'select:0.2.0' },
      keys: [['hoTen', 'loai', 'tv']],
      selected: '0.2.0',
    },
    {
      name: 'does not select a field that is not there',
      post: { intent: 'select:0.7' },
      keys: [['hoTen', 'loai', 'tv']],
      selected: null,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = designerStep({ ...start, ...c.from }, form(c.post), t);
      assert.deepEqual(keys(r.state.draft), c.keys);
      assert.equal(r.state.selected, c.selected);
      if (c.focus) assert.equal(r.focus, c.focus);
      assert.equal(r.state.baseVersion, 3, 'the version the draft started from is kept');
    });

  it('applies the typed titles and the open panel before the button acts', () => {
    const r = designerStep(
      { ...start, selected: '0.1' },
      form({
        intent: 'option-add',
        title: 'Tờ khai mới',
        'section.0.title': 'Người đề nghị',
        'p.type': 'choice',
        'p.key': ' loaiHinh ',
        'p.label': 'Loại hình',
        'p.required': 'on',
        'p.optionCount': '1',
        'p.option.0.value': ' b ',
        'p.option.0.label': 'B',
        'p.visibleField': 'hoTen',
        'p.visibleValues': 'x, y ,',
        'p.prefill': 'nonsense',
      }),
      t,
    );
    assert.equal(r.state.draft.title, 'Tờ khai mới');
    assert.equal(r.state.draft.sections[0]?.title, 'Người đề nghị');
    assert.deepEqual(JSON.parse(JSON.stringify(r.state.draft.sections[0]?.fields[1])), {
      key: 'loaiHinh',
      label: 'Loại hình',
      required: true,
      visibleWhen: { field: 'hoTen', in: ['x', 'y'] },
      type: 'choice',
      options: [
        { value: 'b', label: 'B' },
        { value: '', label: '' },
      ],
    });
  });

  it('renames the references to a field whose key is renamed', () => {
    const [a, b, g] = draft.sections[0]?.fields ?? [];
    assert.ok(a && b && g);
    const linked: EformDefinition = {
      ...draft,
      sections: [{ title: 'P', fields: [a, { ...b, visibleWhen: { field: 'hoTen', in: ['x'] } }, g] }],
    };
    const r = designerStep(
      { ...start, draft: linked, selected: '0.0' },
      form({ intent: 'apply', 'p.type': 'text', 'p.key': 'hoVaTen', 'p.label': 'Họ và tên' }),
      t,
    );
    assert.deepEqual(r.state.draft.sections[0]?.fields[1]?.visibleWhen, { field: 'hoVaTen', in: ['x'] });
  });

  it('changes the type, keeping what every field has', () => {
    const r = designerStep(
      { ...start, selected: '0.0' },
      form({
        intent: 'apply',
        'p.type': 'file',
        'p.key': 'hoTen',
        'p.label': 'Họ và tên',
        'p.help': 'Ghi rõ',
      }),
      t,
    );
    assert.deepEqual(r.state.draft.sections[0]?.fields[0], {
      key: 'hoTen',
      label: 'Họ và tên',
      help: 'Ghi rõ',
      type: 'file',
      maxBytes: 5 * 1024 * 1024,
      extensions: ['pdf'],
      maxFiles: 1,
    });
  });

  it('keeps a number that is not one, and says so next to its input', () => {
    const r = designerStep(
      { ...start, selected: '0.2' },
      form({
        intent: 'apply',
        'p.type': 'group',
        'p.key': 'tv',
        'p.label': 'Thành viên',
        'p.minItems': '2',
        'p.maxItems': 'năm',
      }),
      t,
    );
    const g = r.state.draft.sections[0]?.fields[2];
    assert.equal(g?.type === 'group' && g.minItems, 2);
    assert.equal(g?.type === 'group' && g.maxItems, undefined);
    assert.equal(r.errors['p.maxItems'], 'Nhập một số, ví dụ 10');
  });

  it('imports a pasted definition, or an exported view holding one, and refuses what is not one', () => {
    const other: EformDefinition = { title: 'Khác', sections: [{ title: 'P', fields: [] }] };
    assert.deepEqual(
      designerStep(start, form({ intent: 'import', importJson: JSON.stringify(other) }), t).state.draft,
      other,
    );
    const view = JSON.stringify({ procedureCode: '1.1', version: 2, definition: other });
    assert.deepEqual(designerStep(start, form({ intent: 'import', importJson: view }), t).state.draft, other);
    const bad = designerStep(start, form({ intent: 'import', importJson: 'not json' }), t);
    assert.equal(bad.state.draft, draft);
    assert.equal(bad.errors.importJson, 'Nội dung nhập không phải JSON hợp lệ');
    const wrong = designerStep(
      start,
      form({ intent: 'import', importJson: JSON.stringify({ title: 'x', sections: [{ fields: [] }] }) }),
      t,
    );
    assert.match(wrong.errors.importJson ?? '', /tại “sections\.0\.title”/);
  });

  it('puts the save’s problems on the rows of the fields they concern, naming them', () => {
    const twice: EformDefinition = {
      title: 'T',
      sections: [
        { title: 'A', fields: [{ key: 'x', type: 'text', label: 'Một' }] },
        { title: '', fields: [{ key: 'x', type: 'phone', label: ' ' }] },
      ],
    };
    assert.deepEqual(
      problemErrors(
        twice,
        [
          { field: 'definition.x', message: 'Mã trường “x” bị trùng' },
          { field: 'definition.x', message: 'Trường cần có nhãn' },
          { field: 'definition.sections[1]', message: 'Phần cần có tiêu đề' },
          { field: 'definition.sections', message: 'Tờ khai cần ít nhất một phần' },
        ],
        t,
      ),
      {
        'row.1.0': 'Trường “x”: Mã trường “x” bị trùng; Trường “x”: Trường cần có nhãn',
        'section.1.title': 'Phần 2: Phần cần có tiêu đề',
        form: 'Tờ khai cần ít nhất một phần',
      },
    );
  });

  it('carries an unfinished draft that breaks the contract, and names its problems on saving', () => {
    const long = 'x'.repeat(61);
    const unfinished: EformDefinition = {
      title: 'T',
      sections: [
        {
          title: 'P',
          fields: [
            { key: 'banSao', type: 'file', label: 'Bản sao', maxBytes: 0, extensions: ['abcdefghijk'] },
            { key: long, type: 'text', label: '' },
          ],
        },
      ],
    };
    const carried = readState(form({ draft: JSON.stringify(unfinished), selected: '', baseVersion: '0' }));
    assert.deepEqual(carried?.draft, unfinished);
    const noOptions = {
      title: 'T',
      sections: [{ title: 'P', fields: [{ key: 'c', type: 'choice', label: 'C' }] }],
    };
    assert.equal(readState(form({ draft: JSON.stringify(noOptions), baseVersion: '0' })), null);
    const errors = contractErrors(unfinished, t);
    assert.equal(errors['row.0.1'], `Trường “${long}”: Mã trường (key) tối đa 60 ký tự`);
    assert.match(errors['row.0.0'] ?? '', /^Trường “Bản sao”: /);
    assert.deepEqual(contractErrors(draft, t), {});
  });

  it('shows file limits in whole megabytes when they are, and reads formats', () => {
    assert.deepEqual(sizeInput(2 * 1024 * 1024), { size: '2', unit: 'MB' });
    assert.deepEqual(sizeInput(500 * 1024), { size: '500', unit: 'KB' });
    assert.deepEqual(extensionList('pdf, .JPG; png pdf'), ['pdf', 'jpg', 'png']);
  });
});
