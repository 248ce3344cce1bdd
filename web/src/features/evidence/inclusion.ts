import { type Bytes, concat } from "./bytes.js";
import { sha256 } from "./webcrypto.js";

// ---------------------------------------------------------------------------------------------
// RFC 9162 §2.1 Merkle tree hashing

/** MTH of one entry: SHA-256(0x00 ‖ entry). */
export function leafHash(entry: Uint8Array): Promise<Bytes> {
  return sha256(Uint8Array.of(0x00), entry);
}

/** Interior node: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Bytes> {
  return sha256(Uint8Array.of(0x01), left, right);
}

export type ProofFailure = "index_out_of_range" | "proof_too_long" | "proof_too_short" | "bad_hash_length";

export type ProofResult = { ok: true; root: Bytes } | { ok: false; reason: ProofFailure };

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2): the caller compares it with a trusted
 * root. Fails when the proof cannot belong to (index, treeSize) at all. Sizes may exceed 2^32,
 * so the bit operations are done with arithmetic rather than 32-bit shifts.
 */
export async function rootFromInclusionProof(
  index: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<ProofResult> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return { ok: false, reason: "index_out_of_range" };
  }
  if (leaf.length !== 32 || proof.some((p) => p.length !== 32))
    return { ok: false, reason: "bad_hash_length" };
  const half = (n: number) => Math.floor(n / 2);
  let fn = index;
  let sn = treeSize - 1;
  let r: Bytes = concat(leaf);
  for (const p of proof) {
    if (sn === 0) return { ok: false, reason: "proof_too_long" };
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { ok: false, reason: "proof_too_short" };
  return { ok: true, root: r };
}
