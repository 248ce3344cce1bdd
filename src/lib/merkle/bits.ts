// Integer helpers for tree sizes and indexes. JavaScript bit operators truncate to 32 bits, so
// everything here is plain arithmetic on non-negative safe integers (up to 2^53 - 1 leaves).

export function isTreeInt(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Number of bits needed to write n (0 for 0), like Go's bits.Len64. */
export function bitLength(n: number): number {
  return n === 0 ? 0 : n.toString(2).length;
}

export function popcount(n: number): number {
  let count = 0;
  for (const c of n.toString(2)) if (c === "1") count++;
  return count;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && popcount(n) === 1;
}

/** log2 of an exact power of two. */
export function log2Exact(n: number): number {
  return bitLength(n) - 1;
}

/** The largest power of two strictly less than n (n >= 2): the RFC 6962 split point k. */
export function splitPoint(n: number): number {
  return 2 ** (bitLength(n - 1) - 1);
}

/** The smallest power of two >= n (n >= 1). */
export function bitCeil(n: number): number {
  return n <= 1 ? 1 : 2 ** bitLength(n - 1);
}

export function half(n: number): number {
  return Math.floor(n / 2);
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

/**
 * MTC-draft subtree validity: [start, end) is a subtree when it is non-empty and start is a
 * multiple of the smallest power of two covering its length, i.e. it is (a prefix of) one node.
 */
export function isValidSubtree(start: number, end: number): boolean {
  if (!isTreeInt(start) || !isTreeInt(end) || start >= end) return false;
  return start % bitCeil(end - start) === 0;
}
