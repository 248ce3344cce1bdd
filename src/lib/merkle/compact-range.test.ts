import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompactRange, emptyRoot, leafHash, MemoryTree, rootAt, type StoredNode, toHex } from "./index.js";

const leaves = Array.from({ length: 600 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const key = (n: StoredNode) => `${n.level}/${n.index}=${toHex(n.hash)}`;

describe("CompactRange", () => {
  it("starts empty with the empty-tree root", () => {
    const range = CompactRange.empty();
    expect(range.size).toBe(0);
    expect(range.root()).toEqual(emptyRoot());
    expect(range.frontier()).toEqual([]);
  });

  it("emits each completed node exactly once, matching a full tree", async () => {
    const range = CompactRange.empty();
    const created = range.appendAll(leaves);
    const tree = new MemoryTree();
    tree.appendAll(leaves);
    // A tree of n leaves has exactly 2n - popcount(n) complete nodes.
    expect(created.length).toBe(2 * 600 - 4);
    expect(new Set(created.map((n) => `${n.level}/${n.index}`)).size).toBe(created.length);
    for (const n of created) expect(tree.getNode(n.level, n.index)).toEqual(n.hash);
    expect(range.root()).toEqual(await rootAt(tree, 600));
  });

  it("resumes from persisted frontier nodes across arbitrary batch boundaries", async () => {
    const tree = new MemoryTree();
    tree.appendAll(leaves);
    const single = CompactRange.empty().appendAll(leaves).map(key);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 599 }), { maxLength: 6 }), async (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 600];
        const emitted: string[] = [];
        for (let i = 0; i + 1 < bounds.length; i++) {
          const [from, to] = [bounds[i] as number, bounds[i + 1] as number];
          // A sequencer restarts from the stored nodes named by frontierIds(size).
          const range = await CompactRange.load(tree, from);
          expect(range.root()).toEqual(await rootAt(tree, from));
          emitted.push(...range.appendAll(leaves.slice(from, to)).map(key));
          expect(range.root()).toEqual(await rootAt(tree, to));
          expect(range.frontier().map(key)).toEqual((await CompactRange.load(tree, to)).frontier().map(key));
        }
        expect(emitted).toEqual(single);
      }),
      { numRuns: 50 },
    );
  });

  it("validates resumed state", () => {
    expect(() => CompactRange.fromFrontier(3, [leaves[0] as Uint8Array])).toThrow(/frontier nodes/);
    expect(() => CompactRange.fromFrontier(1, [new Uint8Array(5)])).toThrow(/32 bytes/);
    expect(() => CompactRange.empty().append(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(CompactRange.frontierIds(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });
});
