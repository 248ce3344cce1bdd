import { createHash } from "node:crypto";

// RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing with SHA-256. The 0x00 / 0x01 prefixes are the
// domain separation that stops a leaf from being passed off as an interior node.

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** SHA-256(0x00 ‖ entry): the hash of one log entry. */
export function leafHash(entry: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(LEAF_PREFIX).update(entry).digest());
}

/** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest());
}

/** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
export function emptyRoot(): Uint8Array {
  return new Uint8Array(createHash("sha256").digest());
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_SIZE;
}
