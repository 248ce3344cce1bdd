import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  inclusionProof,
  isValidSubtree,
  leafHash,
  MemoryTree,
  nodeHash,
  rootAt,
  rootFromLeafHashes,
  subtreeConsistencyProof,
  subtreeHash,
  subtreeInclusionProof,
  type TreeReader,
  verifyConsistency,
  verifyInclusion,
  verifySubtreeConsistency,
  verifySubtreeInclusion,
} from "./index.js";

const MAX = 2000;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
// One tree serves every smaller size too: complete nodes never change as the log grows.
const tree = new MemoryTree();
tree.appendAll(leaves);

/** RFC 6962 §2.1 MTH, written out recursively as the independent reference. */
function mth(list: readonly Uint8Array[]): Uint8Array {
  if (list.length === 1) return list[0] as Uint8Array;
  let k = 1;
  while (k * 2 < list.length) k *= 2;
  return nodeHash(mth(list.slice(0, k)), mth(list.slice(k)));
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const i = Math.floor(bit / 8) % out.length;
  out[i] = (out[i] as number) ^ (1 << (bit % 8));
  return out;
}

function flipInList(list: readonly Uint8Array[], which: number, bit: number): Uint8Array[] {
  return list.map((h, i) => (i === which % list.length ? flipBit(h, bit) : h));
}

const sizeAndIndex = fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));
const twoSizes = fc
  .integer({ min: 1, max: MAX })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));
/** A valid subtree [start, end) of a tree of size n: a prefix of some aligned node. */
const subtreeOf = fc.integer({ min: 1, max: MAX }).chain((n) =>
  fc.integer({ min: 1, max: n }).chain((len) => {
    let width = 1;
    while (width < len) width *= 2;
    return fc
      .nat(Math.floor((n - len) / width))
      .map((slot) => ({ start: slot * width, end: slot * width + len, size: n }));
  }),
);
const bit = fc.nat(255);

describe("generated proofs verify, and any flipped bit breaks them", () => {
  it("roots agree with the recursive MTH definition", async () => {
    for (const n of [1, 2, 3, 5, 8, 13, 64, 100, 255, 256, 257, 1000, MAX]) {
      const want = mth(leaves.slice(0, n));
      expect(await rootAt(tree, n)).toEqual(want);
      expect(rootFromLeafHashes(leaves.slice(0, n))).toEqual(want);
    }
  });

  it("inclusion", async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, fc.nat(), bit, async ([n, index], which, b) => {
        const root = await rootAt(tree, n);
        const leaf = leaves[index] as Uint8Array;
        const proof = await inclusionProof(tree, index, n);
        expect(verifyInclusion(leaf, index, n, proof, root)).toEqual({ ok: true });
        expect(verifyInclusion(flipBit(leaf, b), index, n, proof, root).ok).toBe(false);
        expect(verifyInclusion(leaf, index, n, proof, flipBit(root, b)).ok).toBe(false);
        if (proof.length > 0)
          expect(verifyInclusion(leaf, index, n, flipInList(proof, which, b), root).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("consistency", async () => {
    await fc.assert(
      fc.asyncProperty(twoSizes, fc.nat(), bit, async ([m, n], which, b) => {
        const [root1, root2] = [await rootAt(tree, m), await rootAt(tree, n)];
        const proof = await consistencyProof(tree, m, n);
        expect(verifyConsistency(m, n, proof, root1, root2)).toEqual({ ok: true });
        expect(verifyConsistency(m, n, proof, flipBit(root1, b), root2).ok).toBe(false);
        expect(verifyConsistency(m, n, proof, root1, flipBit(root2, b)).ok).toBe(false);
        if (proof.length > 0)
          expect(verifyConsistency(m, n, flipInList(proof, which, b), root1, root2).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("subtree inclusion and subtree consistency (MTC draft)", async () => {
    await fc.assert(
      fc.asyncProperty(subtreeOf, fc.nat(), fc.nat(), bit, async ({ start, end, size }, pick, which, b) => {
        expect(isValidSubtree(start, end)).toBe(true);
        const [sub, root] = [await subtreeHash(tree, start, end), await rootAt(tree, size)];
        expect(sub).toEqual(mth(leaves.slice(start, end)));
        const proof = await subtreeConsistencyProof(tree, start, end, size);
        expect(verifySubtreeConsistency(start, end, size, proof, sub, root)).toEqual({ ok: true });
        expect(verifySubtreeConsistency(start, end, size, proof, flipBit(sub, b), root).ok).toBe(false);
        expect(verifySubtreeConsistency(start, end, size, proof, sub, flipBit(root, b)).ok).toBe(false);
        if (proof.length > 0) {
          expect(verifySubtreeConsistency(start, end, size, flipInList(proof, which, b), sub, root).ok).toBe(
            false,
          );
        }
        const index = start + (pick % (end - start));
        const incl = await subtreeInclusionProof(tree, index, start, end);
        const leaf = leaves[index] as Uint8Array;
        expect(verifySubtreeInclusion(leaf, index, start, end, incl, sub)).toEqual({ ok: true });
        if (incl.length > 0) {
          expect(verifySubtreeInclusion(leaf, index, start, end, flipInList(incl, which, b), sub).ok).toBe(
            false,
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rejects nonsense arguments with a reason instead of throwing", () => {
    const h = leaves[0] as Uint8Array;
    for (const [index, size] of [
      [-1, 4],
      [4, 4],
      [Number.NaN, 4],
      [0, 2 ** 60],
      [0.5, 4],
    ] as const) {
      const r = verifyInclusion(h, index, size, [], h);
      expect(r.ok === false && r.code).toBe("invalid-input");
    }
    const short = verifyInclusion(h, 0, 4, [h], h);
    expect(short.ok === false && short.code).toBe("proof-length");
    expect(verifyConsistency(0, 4, [h], h, h).ok).toBe(false);
    expect(verifyConsistency(5, 4, [h], h, h).ok).toBe(false);
  });
});

/** A reader over an imaginary huge tree: counts reads and checks only complete nodes are asked. */
function countingReader(treeSize: number): TreeReader & { reads: number } {
  const fake = new Uint8Array(32);
  return {
    reads: 0,
    getNode(level, index) {
      this.reads++;
      if ((index + 1) * 2 ** level > treeSize)
        throw new Error(`node ${level}/${index} is incomplete at ${treeSize}`);
      return fake;
    },
  };
}

describe("proof generation touches O(log n) stored nodes", () => {
  const bound = (n: number) => 2 * Math.ceil(Math.log2(n)) + 2;

  it("exhaustively for n <= 130", async () => {
    for (let n = 1; n <= 130; n++) {
      for (let i = 0; i < n; i++) {
        const reader = countingReader(n);
        await inclusionProof(reader, i, n);
        expect(reader.reads, `inclusion ${i} of ${n}`).toBeLessThanOrEqual(bound(n));
        const r2 = countingReader(n);
        await consistencyProof(r2, i + 1, n);
        expect(r2.reads, `consistency ${i + 1} -> ${n}`).toBeLessThanOrEqual(bound(n));
      }
    }
  });

  it("for random positions in trees of up to 2^52 leaves", async () => {
    const big = fc.integer({ min: 1, max: 2 ** 52 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));
    await fc.assert(
      fc.asyncProperty(big, async ([n, i]) => {
        const reader = countingReader(n);
        const proof = await inclusionProof(reader, i, n);
        expect(reader.reads).toBeLessThanOrEqual(bound(n));
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        const r2 = countingReader(n);
        await consistencyProof(r2, i + 1, n);
        expect(r2.reads).toBeLessThanOrEqual(bound(n));
      }),
      { numRuns: 500 },
    );
  });
});
