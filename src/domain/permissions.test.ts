import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allows, hasAnywhere, holdsAtRoot, isRootPath, scopesFor } from './permissions.ts';
import type { Grant } from './permissions.ts';

const grant = (over: Partial<Grant>): Grant => ({ roleCode: 'r', permissions: [], agencyId: 'x', agencyPath: '/p/', includeSubtree: false, ...over });
const province = '/p/';
const communeA = '/p/a/';
const communeB = '/p/b/';

describe('allows (partition by agency)', () => {
  const cases: { name: string; grants: Grant[]; target: string; expected: boolean }[] = [
    { name: 'own agency', grants: [grant({ permissions: ['dossiers.read'], agencyPath: communeA })], target: communeA, expected: true },
    { name: 'sibling agency', grants: [grant({ permissions: ['dossiers.read'], agencyPath: communeA })], target: communeB, expected: false },
    { name: 'child without subtree', grants: [grant({ permissions: ['dossiers.read'], agencyPath: province })], target: communeA, expected: false },
    { name: 'child with subtree', grants: [grant({ permissions: ['dossiers.read'], agencyPath: province, includeSubtree: true })], target: communeA, expected: true },
    { name: 'parent from a child grant', grants: [grant({ permissions: ['dossiers.read'], agencyPath: communeA, includeSubtree: true })], target: province, expected: false },
    { name: 'other permission', grants: [grant({ permissions: ['dossiers.receive'], agencyPath: communeA })], target: communeA, expected: false },
    { name: 'system.admin implies all', grants: [grant({ permissions: ['system.admin'], agencyPath: communeA })], target: communeA, expected: true },
    { name: 'path prefix is by segment', grants: [grant({ permissions: ['dossiers.read'], agencyPath: '/p/a/', includeSubtree: true })], target: '/p/ab/', expected: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(allows(c.grants, 'dossiers.read', c.target), c.expected));
});

describe('scopes and top-level holders', () => {
  it('splits exact agencies and subtree prefixes', () => {
    const grants = [
      grant({ permissions: ['org.manage'], agencyPath: communeA }),
      grant({ permissions: ['org.manage'], agencyPath: province, includeSubtree: true }),
      grant({ permissions: ['audit.read'], agencyPath: communeB }),
    ];
    assert.deepEqual(scopesFor(grants, 'org.manage'), { exact: [communeA], prefixes: [province] });
    assert.equal(hasAnywhere(grants, 'audit.read'), true);
    assert.equal(hasAnywhere(grants, 'calendar.manage'), false);
  });

  it('recognises top-level agencies and holders at the root', () => {
    assert.equal(isRootPath('/p/'), true);
    assert.equal(isRootPath('/p/a/'), false);
    const atRoot = [grant({ permissions: ['catalogs.manage'], agencyPath: province })];
    assert.equal(holdsAtRoot(atRoot, 'catalogs.manage'), true);
    assert.equal(holdsAtRoot(atRoot, 'catalogs.manage', { wholeTree: true }), false);
    assert.equal(holdsAtRoot([grant({ permissions: ['catalogs.manage'], agencyPath: communeA, includeSubtree: true })], 'catalogs.manage'), false);
  });
});
