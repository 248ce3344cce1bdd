import { half, isOdd, isTreeInt, isValidSubtree } from "./bits.js";
import { emptyRoot, isHash, nodeHash } from "./hash.js";
import { bytesEqual } from "./hex.js";
import { fail, VERIFIED, type VerifyResult } from "./result.js";

/**
 * MTC draft (draft-ietf-plants-merkle-tree-certs) §4.4.3: does `proof` show that subtree
 * [start, end) with hash `subtreeRoot` sits at those leaves of the tree of `size` with `root`?
 * It generalises RFC 9162 §2.1.4.2 (start = 0): fn/sn track the subtree's first and last leaf,
 * tn the tree's last leaf; fr rebuilds the subtree hash and sr the tree root.
 *
 * An empty subtree [k, k) (k <= size) is contained in every tree; like transparency-dev/merkle
 * we accept it only with an empty proof and the empty-tree hash as its root; the tree root is
 * then irrelevant. Roots are only compared, never hashed, so their length is not checked.
 */
export function verifySubtreeConsistency(
  start: number,
  end: number,
  size: number,
  proof: readonly Uint8Array[],
  subtreeRoot: Uint8Array,
  root: Uint8Array,
): VerifyResult {
  if (!isTreeInt(start) || !isTreeInt(end) || !isTreeInt(size)) {
    return fail("invalid-input", "start, end and size must be safe integers");
  }
  if (end > size) return fail("invalid-input", `subtree end ${end} is beyond tree size ${size}`);
  if (!proof.every(isHash)) return fail("invalid-input", "every proof element must be a 32-byte hash");
  if (start === end) {
    if (proof.length > 0) return fail("proof-length", "an empty subtree needs an empty proof");
    if (!bytesEqual(subtreeRoot, emptyRoot()))
      return fail("root-mismatch", "empty subtree root is not MTH({})");
    return VERIFIED;
  }
  if (!isValidSubtree(start, end)) return fail("invalid-input", `[${start}, ${end}) is not a valid subtree`);

  let fn = start;
  let sn = end - 1;
  let tn = size - 1;
  const up = () => {
    fn = half(fn);
    sn = half(sn);
    tn = half(tn);
  };
  // Climb to the lowest node the proof starts from: a subtree flush with the right edge has
  // no outside sibling below its own root; otherwise stop where sn becomes a left child.
  if (sn === tn) {
    while (fn !== sn) up();
  } else {
    while (fn !== sn && isOdd(sn)) up();
  }
  let rest = proof;
  let fr = subtreeRoot;
  if (fn !== sn) {
    if (proof.length === 0) return fail("proof-length", "proof is empty");
    fr = proof[0] as Uint8Array;
    rest = proof.slice(1);
  }
  let sr = fr;
  for (const c of rest) {
    if (tn === 0) return fail("proof-length", "proof is longer than the path to the root");
    if (isOdd(sn) || sn === tn) {
      if (fn < sn) fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(sn)) up();
    } else {
      sr = nodeHash(sr, c);
    }
    up();
  }
  if (tn !== 0) return fail("proof-length", "proof is shorter than the path to the root");
  if (!bytesEqual(fr, subtreeRoot)) return fail("root-mismatch", "proof does not lead to the subtree root");
  if (!bytesEqual(sr, root)) return fail("root-mismatch", "proof does not lead to the tree root");
  return VERIFIED;
}
