import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { vectorPath } from "../../../test/support/vectors.js";
import {
  consistencyProof,
  emptyRoot,
  fromHex,
  inclusionProof,
  leafHash,
  MemoryTree,
  nodeHash,
  rootFromInclusionProof,
  subtreeConsistencyProof,
  subtreeInclusionProof,
  toHex,
  verifyConsistency,
  verifyInclusion,
  verifySubtreeConsistency,
  verifySubtreeInclusion,
} from "./index.js";

// External conformance vectors from github.com/transparency-dev/merkle (see vectors/README.txt).
const VECTORS = `${vectorPath("merkle")}/`;
const TESTDATA = `${VECTORS}transparency-dev-merkle/testdata/`;

type Json = Record<string, unknown>;

function listJson(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .sort();
}

function load(dir: string, file: string): Json {
  return JSON.parse(readFileSync(`${dir}${file}`, "utf8")) as Json;
}

const b64 = (v: unknown): Uint8Array => new Uint8Array(Buffer.from(v as string, "base64"));
const b64List = (v: unknown): Uint8Array[] => ((v as string[] | null) ?? []).map(b64);
const num = (v: unknown): number => v as number;

const reference = JSON.parse(readFileSync(`${VECTORS}rfc6962_reference_tree.json`, "utf8")) as {
  hasher_vectors: {
    desc: string;
    leaf_input_hex?: string;
    left_hex?: string;
    right_hex?: string;
    want: string;
  }[];
  leaf_inputs_hex: string[];
  leaf_hashes_hex: string[];
  node_hashes_by_level: string[][];
  root_by_tree_size: Record<string, string>;
  inclusion_proofs: { leafIdx: number; treeSize: number; proof: string[] }[];
  consistency_proofs: { size1: number; size2: number; proof: string[] }[];
};
const refLeaves = reference.leaf_inputs_hex.map((h) => leafHash(fromHex(h)));

function treeOf(leaves: readonly Uint8Array[]): MemoryTree {
  const tree = new MemoryTree();
  tree.appendAll(leaves);
  return tree;
}

/** A tree whose leaves [start, start+n) are the reference leaves, padded on the left. */
function shiftedTree(start: number, n: number): MemoryTree {
  const pad = Array.from({ length: start }, (_, i) => leafHash(Buffer.from(`pad ${i}`)));
  return treeOf([...pad, ...refLeaves.slice(0, n)]);
}

describe("rfc6962 reference tree", () => {
  it("reproduces the hasher vectors", () => {
    for (const v of reference.hasher_vectors) {
      let got: Uint8Array;
      if (v.left_hex !== undefined && v.right_hex !== undefined)
        got = nodeHash(fromHex(v.left_hex), fromHex(v.right_hex));
      else if (v.leaf_input_hex !== undefined) got = leafHash(fromHex(v.leaf_input_hex));
      else got = emptyRoot();
      expect(toHex(got), v.desc).toBe(v.want);
    }
  });

  it("reproduces leaf hashes, every stored node and the roots of sizes 0..8", () => {
    expect(refLeaves.map(toHex)).toEqual(reference.leaf_hashes_hex);
    const tree = new MemoryTree();
    expect(toHex(tree.root())).toBe(reference.root_by_tree_size["0"]);
    refLeaves.forEach((leaf, i) => {
      tree.append(leaf);
      expect(toHex(tree.root()), `size ${i + 1}`).toBe(reference.root_by_tree_size[String(i + 1)]);
    });
    reference.node_hashes_by_level.forEach((hashes, level) => {
      hashes.forEach((hex, index) => {
        expect(toHex(tree.getNode(level, index))).toBe(hex);
      });
    });
  });

  it("generates exactly the listed inclusion proofs, and they verify", async () => {
    const tree = treeOf(refLeaves);
    for (const p of reference.inclusion_proofs) {
      const proof = await inclusionProof(tree, p.leafIdx, p.treeSize);
      expect(proof.map(toHex)).toEqual(p.proof);
      const root = fromHex(reference.root_by_tree_size[String(p.treeSize)] as string);
      expect(verifyInclusion(refLeaves[p.leafIdx] as Uint8Array, p.leafIdx, p.treeSize, proof, root)).toEqual(
        {
          ok: true,
        },
      );
    }
  });

  it("generates exactly the listed consistency proofs, and they verify", async () => {
    const tree = treeOf(refLeaves);
    for (const p of reference.consistency_proofs) {
      const proof = await consistencyProof(tree, p.size1, p.size2);
      expect(proof.map(toHex)).toEqual(p.proof);
      const root1 = fromHex(reference.root_by_tree_size[String(p.size1)] as string);
      const root2 = fromHex(reference.root_by_tree_size[String(p.size2)] as string);
      expect(verifyConsistency(p.size1, p.size2, proof, root1, root2).ok).toBe(true);
    }
  });
});

describe("transparency-dev/merkle testdata", () => {
  const inclusion = listJson(`${TESTDATA}inclusion/`);
  const consistency = listJson(`${TESTDATA}consistency/`);
  const subInclusion = listJson(`${TESTDATA}subtreeinclusion/`);
  const subConsistency = listJson(`${TESTDATA}subtreeconsistency/`);

  it("finds every vector file", () => {
    expect([inclusion.length, consistency.length, subInclusion.length, subConsistency.length]).toEqual([
      98, 98, 204, 118,
    ]);
  });

  it.each(inclusion)("inclusion/%s", async (file) => {
    const v = load(`${TESTDATA}inclusion/`, file);
    const [leaf, proof, root] = [b64(v.leafHash), b64List(v.proof), b64(v.root)];
    const result = verifyInclusion(leaf, num(v.leafIdx), num(v.treeSize), proof, root);
    expect(result.ok, `${v.desc}: ${result.ok ? "" : result.reason}`).toBe(!v.wantErr);
    if (!v.wantErr) {
      const computed = rootFromInclusionProof(leaf, num(v.leafIdx), num(v.treeSize), proof);
      expect(computed.ok && toHex(computed.root)).toBe(toHex(root));
      if (file.endsWith("happy-path.json")) {
        const generated = await inclusionProof(treeOf(refLeaves), num(v.leafIdx), num(v.treeSize));
        expect(generated.map(toHex)).toEqual(proof.map(toHex));
      }
    }
  });

  it.each(consistency)("consistency/%s", async (file) => {
    const v = load(`${TESTDATA}consistency/`, file);
    const proof = b64List(v.proof);
    const result = verifyConsistency(num(v.size1), num(v.size2), proof, b64(v.root1), b64(v.root2));
    expect(result.ok, `${v.desc}: ${result.ok ? "" : result.reason}`).toBe(!v.wantErr);
    if (file.endsWith("happy-path.json")) {
      const generated = await consistencyProof(treeOf(refLeaves), num(v.size1), num(v.size2));
      expect(generated.map(toHex)).toEqual(proof.map(toHex));
    }
  });

  it.each(subInclusion)("subtreeinclusion/%s", async (file) => {
    const v = load(`${TESTDATA}subtreeinclusion/`, file);
    const [start, end, index] = [num(v.start), num(v.end), num(v.leafIdx)];
    const proof = b64List(v.proof);
    const result = verifySubtreeInclusion(b64(v.leafHash), index, start, end, proof, b64(v.root));
    expect(result.ok, `${v.desc}: ${result.ok ? "" : result.reason}`).toBe(!v.wantErr);
    if (file.includes("happy-path")) {
      const generated = await subtreeInclusionProof(shiftedTree(start, end - start), index, start, end);
      expect(generated.map(toHex)).toEqual(proof.map(toHex));
    }
  });

  it.each(subConsistency)("subtreeconsistency/%s", async (file) => {
    const v = load(`${TESTDATA}subtreeconsistency/`, file);
    const [start, end, size] = [num(v.start), num(v.end), num(v.size)];
    const proof = b64List(v.proof);
    const result = verifySubtreeConsistency(start, end, size, proof, b64(v.root1), b64(v.root2));
    expect(result.ok, `${v.desc}: ${result.ok ? "" : result.reason}`).toBe(!v.wantErr);
    if (file.endsWith("happy-path.json")) {
      const generated = await subtreeConsistencyProof(treeOf(refLeaves), start, end, size);
      expect(generated.map(toHex)).toEqual(proof.map(toHex));
    }
  });
});
