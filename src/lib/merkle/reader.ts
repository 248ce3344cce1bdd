// The storage seam. A log stores the hash of every *perfect* subtree once it is complete: node
// (level, index) covers leaves [index·2^level, (index+1)·2^level). Those hashes never change
// after they are written, so the same store answers proofs for every historical tree size;
// the non-perfect nodes on a tree's right edge are recomputed on the fly from perfect ones.
// This is the tlog-tiles / Tessera model (tiles are just a packing of these nodes).

export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

export type MaybePromise<T> = T | Promise<T>;

export interface TreeReader {
  /** Hash of the complete subtree (level, index). Only ever asked for nodes that are complete. */
  getNode(level: number, index: number): MaybePromise<Uint8Array>;
  /** Optional batch form (one SQL query instead of O(log n)); must return hashes in `ids` order. */
  getNodes?(ids: readonly NodeId[]): MaybePromise<readonly Uint8Array[]>;
}

export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`;
}

/** Reads each distinct node once, through the batch method when the reader has one. */
export async function readNodes(
  reader: TreeReader,
  ids: readonly NodeId[],
): Promise<Map<string, Uint8Array>> {
  const unique = new Map<string, NodeId>();
  for (const id of ids) unique.set(nodeKey(id), id);
  const wanted = [...unique.values()];
  const hashes = reader.getNodes
    ? await reader.getNodes(wanted)
    : await Promise.all(wanted.map((id) => reader.getNode(id.level, id.index)));
  if (hashes.length !== wanted.length)
    throw new Error("TreeReader.getNodes returned the wrong number of hashes");
  const out = new Map<string, Uint8Array>();
  wanted.forEach((id, i) => {
    out.set(nodeKey(id), hashes[i] as Uint8Array);
  });
  return out;
}
