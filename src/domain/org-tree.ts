/**
 * The agency tree as pure functions over materialised paths ("/root/child/…/self/", ids only) and
 * the keyset cursor of paged lists. No I/O.
 */

/** Path of a new agency `id` below the agency whose path is `parentPath` (or at the top when null). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Depth from a path: "/a/" is 0, "/a/b/" is 1. */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** Ids from the top down to the agency itself. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * Moving the agency at `path` under `newParentPath` would make it its own ancestor (a cycle) when the
 * new parent is the agency itself or one of its descendants.
 */
export function wouldCycle(path: string, newParentPath: string | null): boolean {
  return newParentPath !== null && isWithin(newParentPath, path);
}

/** The new path of a descendant (or of the moved agency itself) when `oldBase` becomes `newBase`. */
export function rebase(path: string, oldBase: string, newBase: string): string {
  if (!isWithin(path, oldBase)) throw new Error(`${path} is not below ${oldBase}`);
  return newBase + path.slice(oldBase.length);
}

/**
 * The top-most paths of a set of scopes: a path already covered by a subtree scope above it is
 * dropped. These are the "roots" an administrator sees when browsing the tree.
 */
export function topScopes(scopes: { exact: readonly string[]; prefixes: readonly string[] }): string[] {
  const all = [...new Set([...scopes.exact, ...scopes.prefixes])];
  return all.filter((p) => !scopes.prefixes.some((q) => q !== p && p.startsWith(q))).sort();
}

/** True when the scopes cover the agency at `path`. */
export function inScopes(scopes: { exact: readonly string[]; prefixes: readonly string[] }, path: string): boolean {
  return scopes.exact.includes(path) || scopes.prefixes.some((p) => path.startsWith(p));
}

/** Union of several permission scopes. */
export function mergeScopes(
  ...all: { exact: readonly string[]; prefixes: readonly string[] }[]
): { exact: string[]; prefixes: string[] } {
  return {
    exact: [...new Set(all.flatMap((s) => s.exact))],
    prefixes: [...new Set(all.flatMap((s) => s.prefixes))],
  };
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Nests flat rows by parent id. A row whose parent is not among the rows becomes a root (so a
 * partial view, cut by the caller's scopes, still forms a forest). Sibling order is preserved.
 */
export function buildForest<T extends { id: string; parentId: string | null }>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const r of rows) nodes.set(r.id, { item: r, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id);
    if (!node) continue;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Opaque keyset cursor for lists ordered by (text key, id). */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { key: string; id: string } | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1])) {
      return { key: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

