import { CompactRange } from "./compact-range.js";
import type { NodeId, StoredNode, TreeReader } from "./reader.js";

/**
 * An in-memory log: a CompactRange for appends plus every completed node, served through the
 * TreeReader seam. It is the reference the database-backed store is tested against, and is
 * handy for small trees (tests, demos, offline tools).
 */
export class MemoryTree implements TreeReader {
  private readonly levels: Uint8Array[][] = [];
  private readonly range = CompactRange.empty();

  get size(): number {
    return this.range.size;
  }

  append(leafHash: Uint8Array): StoredNode[] {
    const created = this.range.append(leafHash);
    this.store(created);
    return created;
  }

  appendAll(leafHashes: Iterable<Uint8Array>): StoredNode[] {
    const created = this.range.appendAll(leafHashes);
    this.store(created);
    return created;
  }

  root(): Uint8Array {
    return this.range.root();
  }

  getNode(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`node ${level}/${index} is not a complete subtree of this tree`);
    return hash;
  }

  getNodes(ids: readonly NodeId[]): Uint8Array[] {
    return ids.map((id) => this.getNode(id.level, id.index));
  }

  private store(nodes: readonly StoredNode[]): void {
    for (const n of nodes) {
      let level = this.levels[n.level];
      if (!level) {
        level = [];
        this.levels[n.level] = level;
      }
      level[n.index] = n.hash;
    }
  }
}
