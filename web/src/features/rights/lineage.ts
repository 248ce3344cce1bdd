// The lineage of rights (PR-2): every granted right names the right it derives from, so the rights
// on a resource form a forest — a holding right at the root, processing-and-use and product
// operation rights below it. Pure; unit-tested in lineage.test.ts.

export interface Lineal {
  id: string;
  parentRightId: string | null;
  createdAt: string;
}

export interface LineageNode<T extends Lineal> {
  right: T;
  children: LineageNode<T>[];
  /** 0 for a root */
  depth: number;
}

const byCreation = <T extends Lineal>(a: LineageNode<T>, b: LineageNode<T>) =>
  a.right.createdAt.localeCompare(b.right.createdAt) || a.right.id.localeCompare(b.right.id);

/**
 * Trees of the given rights. A right whose parent is not in the list (another participant's, or
 * not fetched) is a root, so a partial list still shows every right exactly once. A cycle cannot
 * come from the server; if data ever had one, its members become roots rather than vanish.
 */
export function buildLineage<T extends Lineal>(rights: readonly T[]): LineageNode<T>[] {
  const nodes = new Map<string, LineageNode<T>>();
  for (const right of rights)
    if (!nodes.has(right.id)) nodes.set(right.id, { right, children: [], depth: 0 });
  const roots: LineageNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.right.parentRightId;
    const parent = parentId === null ? undefined : nodes.get(parentId);
    if (parent && !descends(nodes, parent, node.right.id)) parent.children.push(node);
    else roots.push(node);
  }
  const settle = (list: LineageNode<T>[], depth: number) => {
    list.sort(byCreation);
    for (const node of list) {
      node.depth = depth;
      settle(node.children, depth + 1);
    }
  };
  settle(roots, 0);
  return roots;
}

/** Whether `node` is (or descends from) the right `id` — attaching it there would close a cycle. */
function descends<T extends Lineal>(nodes: Map<string, LineageNode<T>>, node: LineageNode<T>, id: string) {
  const seen = new Set<string>();
  let at: LineageNode<T> | undefined = node;
  while (at && !seen.has(at.right.id)) {
    if (at.right.id === id) return true;
    seen.add(at.right.id);
    at = at.right.parentRightId === null ? undefined : nodes.get(at.right.parentRightId);
  }
  return false;
}

/** The chain from the root down to `id` (inclusive); empty if `id` is not in the list. */
export function ancestry<T extends Lineal>(rights: readonly T[], id: string): T[] {
  const byId = new Map(rights.map((r) => [r.id, r]));
  const chain: T[] = [];
  const seen = new Set<string>();
  let at = byId.get(id);
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    chain.unshift(at);
    at = at.parentRightId === null ? undefined : byId.get(at.parentRightId);
  }
  return chain;
}

/** Depth-first order, for a flat rendering or a count. */
export function flatten<T extends Lineal>(roots: readonly LineageNode<T>[]): LineageNode<T>[] {
  return roots.flatMap((node) => [node, ...flatten(node.children)]);
}

/** Groups rights by the resource they are on, resources in order of their first right. */
export function byResource<T extends Lineal & { resourceRegistrationId: string }>(
  rights: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const right of rights) {
    const list = groups.get(right.resourceRegistrationId) ?? [];
    list.push(right);
    groups.set(right.resourceRegistrationId, list);
  }
  return groups;
}
