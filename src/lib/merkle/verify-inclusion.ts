import { half, isOdd, isTreeInt, isValidSubtree } from "./bits.js";
import { isHash, nodeHash } from "./hash.js";
import { bytesEqual } from "./hex.js";
import { fail, type RootResult, VERIFIED, type VerifyResult } from "./result.js";

/**
 * RFC 9162 §2.1.3.2 steps 1–4: the root implied by an inclusion proof. fn walks the leaf's path
 * and sn the last leaf's path; where they coincide (right edge) the proof holds only left
 * siblings, which is why the level-skipping inner loop exists.
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): RootResult {
  if (!isTreeInt(index) || !isTreeInt(treeSize))
    return fail("invalid-input", "index and tree size must be safe integers");
  if (index >= treeSize)
    return fail("invalid-input", `leaf index ${index} is not below tree size ${treeSize}`);
  if (!isHash(leafHash)) return fail("invalid-input", `leaf hash has ${leafHash.length} bytes, want 32`);
  if (!proof.every(isHash)) return fail("invalid-input", "every proof element must be a 32-byte hash");

  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail("proof-length", "proof is longer than the path to the root");
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("proof-length", "proof is shorter than the path to the root");
  return { ok: true, root: r };
}

/** RFC 9162 §2.1.3.2: does `proof` show leaf `index` with `leafHash` in the tree with `root`? */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): VerifyResult {
  const computed = rootFromInclusionProof(leafHash, index, treeSize, proof);
  if (!computed.ok) return computed;
  if (!bytesEqual(computed.root, root)) return fail("root-mismatch", "proof does not lead to the given root");
  return VERIFIED;
}

/**
 * MTC-draft §4.3.3 subtree inclusion: the leaf at absolute `index` is in subtree [start, end)
 * whose hash is `subtreeRoot`. Inside a valid subtree this is an ordinary inclusion proof.
 */
export function verifySubtreeInclusion(
  leafHash: Uint8Array,
  index: number,
  start: number,
  end: number,
  proof: readonly Uint8Array[],
  subtreeRoot: Uint8Array,
): VerifyResult {
  if (!isValidSubtree(start, end)) return fail("invalid-input", `[${start}, ${end}) is not a valid subtree`);
  if (!isTreeInt(index) || index < start || index >= end) {
    return fail("invalid-input", `leaf index ${index} is outside [${start}, ${end})`);
  }
  return verifyInclusion(leafHash, index - start, end - start, proof, subtreeRoot);
}
