import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildForest, childPath, decodeCursor, depthOf, encodeCursor, idsOnPath, rebase, topScopes, wouldCycle } from './org-tree.ts';

describe('agency tree paths', () => {
  it('builds paths and depths', () => {
    assert.equal(childPath(null, 'a'), '/a/');
    assert.equal(childPath('/a/', 'b'), '/a/b/');
    assert.equal(depthOf('/a/'), 0);
    assert.equal(depthOf('/a/b/c/'), 2);
    assert.deepEqual(idsOnPath('/a/b/c/'), ['a', 'b', 'c']);
  });

  it('detects cycles: a new parent that is the agency itself or below it', () => {
    assert.equal(wouldCycle('/a/b/', '/a/b/'), true);
    assert.equal(wouldCycle('/a/b/', '/a/b/c/d/'), true);
    assert.equal(wouldCycle('/a/b/', '/a/'), false);
    assert.equal(wouldCycle('/a/b/', '/a/bc/'), false);
    assert.equal(wouldCycle('/a/b/', null), false);
  });

  it('rebases descendants', () => {
    assert.equal(rebase('/a/b/c/', '/a/b/', '/x/b/'), '/x/b/c/');
    assert.throws(() => rebase('/z/', '/a/', '/b/'));
  });

  it('keeps only the top-most scopes', () => {
    assert.deepEqual(topScopes({ exact: ['/p/a/', '/q/'], prefixes: ['/p/'] }), ['/p/', '/q/']);
    assert.deepEqual(topScopes({ exact: ['/p/a/'], prefixes: [] }), ['/p/a/']);
  });

  it('nests rows into a forest, orphans becoming roots', () => {
    const rows = [
      { id: 'p', parentId: null },
      { id: 'a', parentId: 'p' },
      { id: 'c', parentId: 'missing' },
      { id: 'b', parentId: 'a' },
    ];
    const forest = buildForest(rows);
    assert.deepEqual(forest.map((n) => n.item.id), ['p', 'c']);
    assert.equal(forest[0]?.children[0]?.children[0]?.item.id, 'b');
  });
});

describe('keyset cursor and LIKE escaping', () => {
  it('round-trips a cursor and rejects garbage', () => {
    const id = '0b8f5a8e-1b7a-4c1e-9a43-3c1d2f9e8a77';
    assert.deepEqual(decodeCursor(encodeCursor('Nguyễn Văn A', id)), { key: 'Nguyễn Văn A', id });
    assert.equal(decodeCursor('rac'), undefined);
    assert.equal(decodeCursor(Buffer.from('["a","not-uuid"]').toString('base64url')), undefined);
  });
});
