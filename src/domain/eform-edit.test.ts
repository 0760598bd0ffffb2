import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addField,
  addSection,
  blankField,
  changeType,
  fieldAt,
  fieldPositions,
  freshKey,
  moveField,
  moveSection,
  parsePath,
  removeField,
  removeSection,
  renameReferences,
  renameSection,
  replaceField,
} from './eform-edit.ts';
import { eformDefinitionProblems } from './eform.ts';
import type { EformDefinition, EformField } from './eform.ts';

const text = (key: string): EformField => ({ key, type: 'text', label: key.toUpperCase() });

const form: EformDefinition = {
  title: 'Tờ khai',
  sections: [
    {
      title: 'Người khai',
      fields: [
        text('a'),
        text('b'),
        { key: 'g', type: 'group', label: 'Nhóm', fields: [text('x'), text('y')] },
      ],
    },
    { title: 'Nơi cư trú', fields: [text('c')] },
  ],
};
const frozen = JSON.stringify(form);

/** The keys of every section, in order (nested fields as g[x,y]). */
const shape = (def: EformDefinition) =>
  def.sections.map((s) =>
    s.fields.map((f) => (f.type === 'group' ? `${f.key}[${f.fields.map((n) => n.key).join(',')}]` : f.key)),
  );

describe('e-form designer edits', () => {
  const cases: { name: string; edit: (d: EformDefinition) => EformDefinition; want: string[][] }[] = [
    { name: 'add a section', edit: (d) => addSection(d, 'Mới'), want: [['a', 'b', 'g[x,y]'], ['c'], []] },
    { name: 'remove a section', edit: (d) => removeSection(d, 0), want: [['c']] },
    { name: 'move a section down', edit: (d) => moveSection(d, 0, 1), want: [['c'], ['a', 'b', 'g[x,y]']] },
    { name: 'move the first section up: nothing', edit: (d) => moveSection(d, 0, -1), want: shape(form) },
    {
      name: 'move a field down',
      edit: (d) => moveField(d, [0, 0], 1).def,
      want: [['b', 'a', 'g[x,y]'], ['c']],
    },
    {
      name: 'move the last field down: nothing',
      edit: (d) => moveField(d, [0, 2], 1).def,
      want: shape(form),
    },
    {
      name: 'move a nested field up',
      edit: (d) => moveField(d, [0, 2, 1], -1).def,
      want: [['a', 'b', 'g[y,x]'], ['c']],
    },
    { name: 'remove a field', edit: (d) => removeField(d, [0, 1]), want: [['a', 'g[x,y]'], ['c']] },
    {
      name: 'remove a nested field',
      edit: (d) => removeField(d, [0, 2, 0]),
      want: [['a', 'b', 'g[y]'], ['c']],
    },
    {
      name: 'remove a field that is not there: nothing',
      edit: (d) => removeField(d, [0, 9]),
      want: shape(form),
    },
    {
      name: 'add a field to a section',
      edit: (d) => addField(d, [1], text('d')).def,
      want: [
        ['a', 'b', 'g[x,y]'],
        ['c', 'd'],
      ],
    },
    {
      name: 'add a field to a group',
      edit: (d) => addField(d, [0, 2], text('z')).def,
      want: [['a', 'b', 'g[x,y,z]'], ['c']],
    },
    {
      name: 'add to a field that is no group: nothing',
      edit: (d) => addField(d, [0, 0], text('z')).def,
      want: shape(form),
    },
    {
      name: 'replace a nested field',
      edit: (d) => replaceField(d, [0, 2, 1], text('w')),
      want: [['a', 'b', 'g[x,w]'], ['c']],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(shape(c.edit(form)), c.want);
      assert.equal(JSON.stringify(form), frozen, 'the draft it started from is left as it was');
    });

  it('says where a moved or added field landed', () => {
    assert.deepEqual(moveField(form, [0, 2, 1], -1).path, [0, 2, 0]);
    assert.deepEqual(moveField(form, [0, 0], -1).path, [0, 0]);
    assert.deepEqual(addField(form, [0, 2], text('z')).path, [0, 2, 2]);
    assert.equal(addField(form, [5], text('z')).path, null);
  });

  it('renames a section and reads fields by position', () => {
    assert.equal(renameSection(form, 1, 'Địa chỉ').sections[1]?.title, 'Địa chỉ');
    assert.equal(fieldAt(form, [0, 2, 1])?.key, 'y');
    assert.equal(fieldAt(form, [0, 0, 0]), undefined);
  });

  it('parses positions', () => {
    const table: [string, number, number[] | null][] = [
      ['0.2.1', 2, [0, 2, 1]],
      ['3', 1, [3]],
      ['3', 2, null],
      ['a.1', 2, null],
      ['1..2', 2, null],
    ];
    for (const [s, min, want] of table) assert.deepEqual(parsePath(s, min), want, s);
  });

  it('lists positions with the key paths the problems use, and finds fresh keys', () => {
    assert.deepEqual(
      fieldPositions(form).map((p) => `${p.path.join('.')}=${p.keyPath}`),
      ['0.0=a', '0.1=b', '0.2=g', '0.2.0=g[].x', '0.2.1=g[].y', '1.0=c'],
    );
    assert.equal(freshKey(form, 'x'), 'x1');
    assert.equal(freshKey(addField(form, [1], text('x1')).def, 'x'), 'x2');
  });

  it('gives new fields of every type what makes them valid but the choices left to the editor', () => {
    const types = ['text', 'number', 'date', 'catalog', 'phone', 'file', 'checkbox'] as const;
    const def: EformDefinition = {
      title: 'T',
      sections: [{ title: 'P', fields: types.map((t, i) => blankField(t, `k${i}`, `Nhãn ${i}`)) }],
    };
    assert.deepEqual(eformDefinitionProblems(def), []);
    const open: EformDefinition = {
      title: 'T',
      sections: [{ title: 'P', fields: [blankField('choice', 'c', 'C'), blankField('group', 'g', 'G')] }],
    };
    assert.deepEqual(
      eformDefinitionProblems(open).map((p) => p.path),
      ['c', 'g'],
    );
  });

  it('changes the type of a field, keeping what every field has', () => {
    const f: EformField = { key: 'k', type: 'text', label: 'L', help: 'H', required: true, maxLength: 5 };
    assert.deepEqual(changeType(f, 'choice'), {
      key: 'k',
      type: 'choice',
      label: 'L',
      help: 'H',
      required: true,
      options: [],
    });
    assert.equal(changeType(f, 'text'), f);
  });

  it('renames the references to a renamed key, unless a key is ambiguous', () => {
    const def: EformDefinition = {
      title: 'T',
      sections: [
        {
          title: 'P',
          fields: [
            { key: 'tinhMoi', type: 'catalog', catalog: 'province', label: 'Tỉnh' },
            { key: 'xa', type: 'catalog', catalog: 'commune', label: 'Xã', parentField: 'tinh' },
            {
              key: 'g',
              type: 'group',
              label: 'G',
              fields: [{ key: 'n', type: 'text', label: 'N', visibleWhen: { field: 'tinh', in: ['38'] } }],
            },
          ],
        },
      ],
    };
    const refs = (d: EformDefinition) => {
      const [, xa, g] = d.sections[0]?.fields ?? [];
      const n = g?.type === 'group' ? g.fields[0] : undefined;
      return [xa?.type === 'catalog' ? xa.parentField : undefined, n?.visibleWhen?.field];
    };
    const table: [string, EformDefinition, string, string, (string | undefined)[]][] = [
      ['renamed', def, 'tinh', 'tinhMoi', ['tinhMoi', 'tinhMoi']],
      ['the old key still used', addField(def, [0], text('tinh')).def, 'tinh', 'tinhMoi', ['tinh', 'tinh']],
      [
        'the new key used twice',
        addField(def, [0], text('tinhMoi')).def,
        'tinh',
        'tinhMoi',
        ['tinh', 'tinh'],
      ],
      ['the same key', def, 'tinh', 'tinh', ['tinh', 'tinh']],
    ];
    for (const [name, d, from, to, want] of table)
      assert.deepEqual(refs(renameReferences(d, from, to)), want, name);
  });
});
