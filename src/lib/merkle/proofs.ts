import { isTreeInt, isValidSubtree } from "./bits.js";
import { emptyRoot, nodeHash } from "./hash.js";
import {
  consistencyRanges,
  inclusionRanges,
  type LeafRange,
  rangeNodeIds,
  subtreeConsistencyRanges,
} from "./ranges.js";
import { nodeKey, readNodes, type TreeReader } from "./reader.js";

// Proof generation over stored perfect-subtree hashes. Sizes are always explicit: a proof is
// for the size in a signed checkpoint, not for whatever the store holds at the moment of the
// read, and because complete nodes are immutable one store serves every past size.
//
// Cost: a proof has at most ⌈log2 n⌉ + 1 elements and at most one of them lies on the right
// edge (not a perfect node), which is rebuilt from ≤ log2 n perfect nodes, so the reads stay
// O(log n) (≤ 2⌈log2 n⌉ + 2, asserted in the tests).

function requireInt(name: string, value: number): void {
  if (!isTreeInt(value)) throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
}

/** Hashes each range from the fewest stored nodes, reading all of them in one batch. */
async function hashRanges(reader: TreeReader, ranges: readonly LeafRange[]): Promise<Uint8Array[]> {
  const plans = ranges.map((r) => rangeNodeIds(r.lo, r.hi));
  const nodes = await readNodes(reader, plans.flat());
  return plans.map((ids) => {
    const hashes = ids.map((id) => nodes.get(nodeKey(id)) as Uint8Array);
    let acc = hashes[hashes.length - 1] as Uint8Array;
    for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i] as Uint8Array, acc);
    return acc;
  });
}

/** Root hash of the tree of `size` leaves (reads popcount(size) nodes). */
export async function rootAt(reader: TreeReader, size: number): Promise<Uint8Array> {
  requireInt("size", size);
  if (size === 0) return emptyRoot();
  const [root] = await hashRanges(reader, [{ lo: 0, hi: size }]);
  return root as Uint8Array;
}

/** Hash of a valid subtree [start, end) (MTC-draft subtree), e.g. for subtree cosigning. */
export async function subtreeHash(reader: TreeReader, start: number, end: number): Promise<Uint8Array> {
  if (!isValidSubtree(start, end)) throw new RangeError(`[${start}, ${end}) is not a valid subtree`);
  const [hash] = await hashRanges(reader, [{ lo: start, hi: end }]);
  return hash as Uint8Array;
}

/** RFC 9162 §2.1.3.1 inclusion proof for leaf `index` in the tree of `treeSize` leaves. */
export async function inclusionProof(
  reader: TreeReader,
  index: number,
  treeSize: number,
): Promise<Uint8Array[]> {
  requireInt("index", index);
  requireInt("treeSize", treeSize);
  if (index >= treeSize) throw new RangeError(`index ${index} is not below tree size ${treeSize}`);
  return hashRanges(reader, inclusionRanges(index, treeSize));
}

/** RFC 9162 §2.1.4.1 consistency proof between tree sizes 0 < size1 <= size2 (empty if equal). */
export async function consistencyProof(
  reader: TreeReader,
  size1: number,
  size2: number,
): Promise<Uint8Array[]> {
  requireInt("size1", size1);
  requireInt("size2", size2);
  if (size1 === 0 || size1 > size2) throw new RangeError(`need 0 < size1 <= size2, got ${size1}, ${size2}`);
  return hashRanges(reader, consistencyRanges(size1, size2));
}

/** MTC-draft subtree inclusion proof: the inclusion proof of `index` inside [start, end). */
export async function subtreeInclusionProof(
  reader: TreeReader,
  index: number,
  start: number,
  end: number,
): Promise<Uint8Array[]> {
  if (!isValidSubtree(start, end)) throw new RangeError(`[${start}, ${end}) is not a valid subtree`);
  requireInt("index", index);
  if (index < start || index >= end) throw new RangeError(`index ${index} is outside [${start}, ${end})`);
  const ranges = inclusionRanges(index - start, end - start).map((r) => ({
    lo: r.lo + start,
    hi: r.hi + start,
  }));
  return hashRanges(reader, ranges);
}

/** MTC-draft §4.4.1 subtree consistency proof: subtree [start, end) lies in the tree of `size`. */
export async function subtreeConsistencyProof(
  reader: TreeReader,
  start: number,
  end: number,
  size: number,
): Promise<Uint8Array[]> {
  requireInt("size", size);
  if (!isValidSubtree(start, end) || end > size) {
    throw new RangeError(`[${start}, ${end}) is not a valid subtree of a tree of size ${size}`);
  }
  return hashRanges(reader, subtreeConsistencyRanges(start, end, size));
}
