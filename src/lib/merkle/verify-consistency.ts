import { half, isOdd, isPowerOfTwo, isTreeInt } from "./bits.js";
import { isHash, nodeHash } from "./hash.js";
import { bytesEqual } from "./hex.js";
import { fail, VERIFIED, type VerifyResult } from "./result.js";

/**
 * RFC 9162 §2.1.4.2: does `proof` show the tree of size2 (root2) extends the tree of size1
 * (root1)? Two running hashes share the proof: fr rebuilds root1 from the left-hand elements
 * only, sr rebuilds root2 from all of them, so one proof commits to both trees.
 *
 * Equal sizes are decided before the RFC procedure (which rejects an empty proof): they are
 * consistent exactly when the proof is empty and the roots are equal. Size1 = 0 is rejected —
 * every tree extends the empty one, so such a "proof" proves nothing. Roots are only ever
 * compared, so their length is not checked: a malformed root simply never matches.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): VerifyResult {
  if (!isTreeInt(size1) || !isTreeInt(size2)) return fail("invalid-input", "sizes must be safe integers");
  if (size1 > size2) return fail("invalid-input", `size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === 0) return fail("invalid-input", "consistency with the empty tree is meaningless");
  if (!proof.every(isHash)) return fail("invalid-input", "every proof element must be a 32-byte hash");
  if (size1 === size2) {
    if (proof.length > 0) return fail("proof-length", "sizes are equal but the proof is not empty");
    if (!bytesEqual(root1, root2)) return fail("root-mismatch", "sizes are equal but the roots differ");
    return VERIFIED;
  }
  if (proof.length === 0) return fail("proof-length", "proof is empty");

  // Step 2: when size1 is a power of two its root is itself the first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail("proof-length", "proof is longer than the path to the root");
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("proof-length", "proof is shorter than the path to the root");
  if (!bytesEqual(fr, root1)) return fail("root-mismatch", "proof does not lead to root1");
  if (!bytesEqual(sr, root2)) return fail("root-mismatch", "proof does not lead to root2");
  return VERIFIED;
}
