import { half, isOdd, isTreeInt, popcount } from "./bits.js";
import { emptyRoot, isHash, nodeHash } from "./hash.js";
import { rangeNodeIds } from "./ranges.js";
import { type NodeId, nodeKey, readNodes, type StoredNode, type TreeReader } from "./reader.js";

/**
 * The compact range [0, size): the roots of the perfect subtrees that tile the leaves so far,
 * one per set bit of `size`, largest first. That is all a sequencer needs to keep in memory to
 * append: each new leaf merges with equal-sized neighbours (like a binary counter's carry), and
 * every merge completes a perfect subtree whose hash is stored once and never changes.
 */
export class CompactRange {
  private constructor(
    private count: number,
    private readonly hashes: Uint8Array[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** The nodes to load to resume appending at `size` (see `fromFrontier`). */
  static frontierIds(size: number): NodeId[] {
    if (!isTreeInt(size)) throw new RangeError(`size must be a non-negative safe integer, got ${size}`);
    return size === 0 ? [] : rangeNodeIds(0, size);
  }

  /** Resumes from stored state: `hashes` are the nodes of `frontierIds(size)`, in that order. */
  static fromFrontier(size: number, hashes: readonly Uint8Array[]): CompactRange {
    if (!isTreeInt(size)) throw new RangeError(`size must be a non-negative safe integer, got ${size}`);
    if (hashes.length !== popcount(size)) {
      throw new RangeError(
        `a tree of size ${size} has ${popcount(size)} frontier nodes, got ${hashes.length}`,
      );
    }
    if (!hashes.every(isHash)) throw new RangeError("frontier hashes must be 32 bytes");
    return new CompactRange(size, [...hashes]);
  }

  static async load(reader: TreeReader, size: number): Promise<CompactRange> {
    const ids = CompactRange.frontierIds(size);
    const nodes = await readNodes(reader, ids);
    return CompactRange.fromFrontier(
      size,
      ids.map((id) => nodes.get(nodeKey(id)) as Uint8Array),
    );
  }

  get size(): number {
    return this.count;
  }

  /** The frontier nodes with their positions, largest subtree first. */
  frontier(): StoredNode[] {
    const ids = CompactRange.frontierIds(this.count);
    return ids.map((id, i) => ({ ...id, hash: this.hashes[i] as Uint8Array }));
  }

  /**
   * Appends one leaf hash. Returns the newly completed nodes to persist: the leaf itself
   * (level 0) and each parent it completes, bottom-up.
   */
  append(leafHash: Uint8Array): StoredNode[] {
    if (!isHash(leafHash)) throw new RangeError("leaf hash must be 32 bytes");
    if (this.count >= Number.MAX_SAFE_INTEGER) throw new RangeError("tree is full");
    let hash = leafHash;
    let level = 0;
    let index = this.count;
    const created: StoredNode[] = [{ level, index, hash }];
    // Each trailing 1-bit of the old size is a same-sized subtree to our left to merge with.
    for (let s = this.count; isOdd(s); s = half(s)) {
      const left = this.hashes.pop() as Uint8Array;
      hash = nodeHash(left, hash);
      level += 1;
      index = half(index);
      created.push({ level, index, hash });
    }
    this.hashes.push(hash);
    this.count += 1;
    return created;
  }

  /** Appends a batch; returns every completed node in creation order. */
  appendAll(leafHashes: Iterable<Uint8Array>): StoredNode[] {
    const created: StoredNode[] = [];
    for (const h of leafHashes) created.push(...this.append(h));
    return created;
  }

  /** MTH of the leaves so far: the frontier folded right to left. */
  root(): Uint8Array {
    if (this.hashes.length === 0) return emptyRoot();
    let acc = this.hashes[this.hashes.length - 1] as Uint8Array;
    for (let i = this.hashes.length - 2; i >= 0; i--) acc = nodeHash(this.hashes[i] as Uint8Array, acc);
    return acc;
  }

  clone(): CompactRange {
    return new CompactRange(this.count, [...this.hashes]);
  }
}

/** MTH(D[0:n]) of a list of leaf hashes, in O(n) hashing and O(log n) memory. */
export function rootFromLeafHashes(leafHashes: Iterable<Uint8Array>): Uint8Array {
  const range = CompactRange.empty();
  for (const h of leafHashes) range.append(h);
  return range.root();
}
