// Public surface of the RFC 6962 / RFC 9162 Merkle tree library (pure: no I/O).
export { bitCeil, isValidSubtree } from "./bits.js";
export { CompactRange, rootFromLeafHashes } from "./compact-range.js";
export { emptyRoot, HASH_SIZE, leafHash, nodeHash } from "./hash.js";
export { bytesEqual, fromHex, toHex } from "./hex.js";
export { MemoryTree } from "./memory-tree.js";
export {
  consistencyProof,
  inclusionProof,
  rootAt,
  subtreeConsistencyProof,
  subtreeHash,
  subtreeInclusionProof,
} from "./proofs.js";
export {
  consistencyRanges,
  inclusionRanges,
  type LeafRange,
  rangeNodeIds,
  subtreeConsistencyRanges,
} from "./ranges.js";
export type { MaybePromise, NodeId, StoredNode, TreeReader } from "./reader.js";
export type { RootResult, VerifyFailure, VerifyFailureCode, VerifyResult } from "./result.js";
export { verifyConsistency } from "./verify-consistency.js";
export { rootFromInclusionProof, verifyInclusion, verifySubtreeInclusion } from "./verify-inclusion.js";
export { verifySubtreeConsistency } from "./verify-subtree-consistency.js";
