import {
  bytesEqual,
  fromHex,
  leafHash,
  rootFromInclusionProof,
  toHex,
  verifyConsistency,
} from "../../lib/merkle/index.js";
import {
  consistencyProofJson,
  inclusionProofJson,
  loadKey,
  openSigned,
  readInput,
  readJsonFile,
} from "./inputs.js";
import { Invalid, type Verdict } from "./outcome.js";

// The offline checks: everything needed is in files, nothing is fetched. A proof's own claims
// (its leafHash, rootHash, fromRoot, toRoot) are never taken on trust: leaves are recomputed from
// the entry bytes and roots come from the signed checkpoints.

export interface CheckpointOptions {
  checkpoint: string;
  key: string;
  origin?: string;
}

export async function verifyCheckpointFile(options: CheckpointOptions): Promise<Verdict> {
  const key = await loadKey(options.key);
  const cp = openSigned(
    await readInput(options.checkpoint, "--checkpoint"),
    key,
    options.origin,
    "checkpoint",
  );
  const root = toHex(cp.rootHash);
  return {
    summary: `${cp.origin} size ${cp.size} root ${root}`,
    details: { origin: cp.origin, size: cp.size, root },
  };
}

export interface InclusionOptions extends CheckpointOptions {
  proof: string;
  entry: string;
}

export async function verifyInclusionFiles(options: InclusionOptions): Promise<Verdict> {
  const key = await loadKey(options.key);
  const cp = openSigned(
    await readInput(options.checkpoint, "--checkpoint"),
    key,
    options.origin,
    "checkpoint",
  );
  const proof = await readJsonFile(options.proof, "--proof", inclusionProofJson);
  const entry = await readInput(options.entry, "--entry");
  const leaf = leafHash(entry);
  if (!bytesEqual(leaf, fromHex(proof.leafHash))) {
    throw new Invalid(
      `the entry bytes hash to leaf ${toHex(leaf)} but the proof is for leaf ${proof.leafHash.toLowerCase()}`,
    );
  }
  if (proof.treeSize !== cp.size) {
    throw new Invalid(`the proof is for tree size ${proof.treeSize} but the checkpoint has size ${cp.size}`);
  }
  const computed = rootFromInclusionProof(leaf, proof.leafIndex, proof.treeSize, proof.hashes.map(fromHex));
  if (!computed.ok) throw new Invalid(`inclusion proof for entry ${proof.leafIndex}: ${computed.reason}`);
  if (!bytesEqual(computed.root, cp.rootHash)) {
    throw new Invalid(
      `inclusion proof for entry ${proof.leafIndex} leads to root ${toHex(computed.root)}, not the checkpoint's ${toHex(cp.rootHash)}`,
    );
  }
  if (!bytesEqual(fromHex(proof.rootHash), cp.rootHash)) {
    throw new Invalid(`the proof's rootHash field ${proof.rootHash} is not the checkpoint's root`);
  }
  const root = toHex(cp.rootHash);
  return {
    summary: `entry ${proof.leafIndex} (leaf ${toHex(leaf)}) is in ${cp.origin} size ${cp.size} root ${root}`,
    details: { origin: cp.origin, size: cp.size, root, index: proof.leafIndex, leafHash: toHex(leaf) },
  };
}

export interface ConsistencyOptions {
  old: string;
  new: string;
  key: string;
  proof: string;
  origin?: string;
}

export async function verifyConsistencyFiles(options: ConsistencyOptions): Promise<Verdict> {
  const key = await loadKey(options.key);
  const older = openSigned(await readInput(options.old, "--old"), key, options.origin, "old checkpoint");
  const newer = openSigned(await readInput(options.new, "--new"), key, options.origin, "new checkpoint");
  const proof = await readJsonFile(options.proof, "--proof", consistencyProofJson);
  if (older.origin !== newer.origin) {
    throw new Invalid(`the checkpoints are of different logs (${older.origin} and ${newer.origin})`);
  }
  if (proof.from !== older.size || proof.to !== newer.size) {
    throw new Invalid(
      `the proof is for sizes ${proof.from} -> ${proof.to} but the checkpoints have sizes ${older.size} -> ${newer.size}`,
    );
  }
  const result = verifyConsistency(
    older.size,
    newer.size,
    proof.hashes.map(fromHex),
    older.rootHash,
    newer.rootHash,
  );
  if (!result.ok) throw new Invalid(`consistency proof ${older.size} -> ${newer.size}: ${result.reason}`);
  if (
    !bytesEqual(fromHex(proof.fromRoot), older.rootHash) ||
    !bytesEqual(fromHex(proof.toRoot), newer.rootHash)
  ) {
    throw new Invalid("the proof's fromRoot/toRoot fields are not the checkpoints' roots");
  }
  const root = toHex(newer.rootHash);
  return {
    summary: `${newer.origin} size ${older.size} -> ${newer.size} is consistent, root ${root}`,
    details: {
      origin: newer.origin,
      from: older.size,
      to: newer.size,
      fromRoot: toHex(older.rootHash),
      root,
    },
  };
}
