import { isPowerOfTwo, log2Exact, splitPoint } from "./bits.js";
import type { NodeId } from "./reader.js";

// Proof planning without hashing: which leaf ranges' Merkle hashes form a proof, and which stored
// perfect nodes make up each range. Keeping this pure lets a database fetch every node a proof
// needs in one round trip, and lets tests count the reads.

/** A half-open leaf range [lo, hi) whose MTH is one proof element. */
export interface LeafRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * RFC 9162 §2.1.3.1 PATH(m, D[n]) as ranges, bottom-up. Walks down from the root: at each split
 * the sibling of the half holding `index` is a proof element.
 */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const out: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      out.push({ lo: mid, hi });
      hi = mid;
    } else {
      out.push({ lo, hi: mid });
      lo = mid;
    }
  }
  return out.reverse();
}

/**
 * SUBTREE_PROOF(start, end, D[n]) from the MTC draft (§4.4.1), bottom-up. With start = 0 it is
 * exactly RFC 9162 §2.1.4.1 PROOF(end, D[n]); `known` is the RFC's flag b (the verifier already
 * holds the hash of the range being descended into, so it is not repeated in the proof).
 */
export function subtreeConsistencyRanges(start: number, end: number, size: number): LeafRange[] {
  const out: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  let from = start;
  let known = true;
  for (;;) {
    if (from === lo && end === hi) {
      if (!known) out.push({ lo, hi });
      break;
    }
    const mid = lo + splitPoint(hi - lo);
    if (end <= mid) {
      out.push({ lo: mid, hi });
      hi = mid;
    } else if (mid <= from) {
      out.push({ lo, hi: mid });
      lo = mid;
    } else {
      // The subtree straddles the split, so (being valid) it starts at lo: the left half is
      // wholly inside it and must be sent, and the verifier no longer knows the right part.
      out.push({ lo, hi: mid });
      lo = mid;
      from = mid;
      known = false;
    }
  }
  return out.reverse();
}

export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  return subtreeConsistencyRanges(0, size1, size2);
}

/**
 * The perfect nodes whose right-fold is MTH(D[lo:hi]), left to right. This mirrors MTH's own
 * split (largest power of two strictly smaller than the size), so it is only valid for ranges
 * that are nodes of the RFC tree — every range produced above is.
 */
export function rangeNodeIds(lo: number, hi: number): NodeId[] {
  const out: NodeId[] = [];
  let from = lo;
  while (from < hi) {
    const n = hi - from;
    const width = isPowerOfTwo(n) ? n : splitPoint(n);
    if (from % width !== 0) throw new Error(`range [${lo}, ${hi}) is not aligned to the tree`);
    out.push({ level: log2Exact(width), index: from / width });
    from += width;
  }
  return out;
}
