import {
  bytesEqual,
  fromHex,
  rootFromInclusionProof,
  toHex,
  verifyConsistency,
} from "../../lib/merkle/index.js";
import { consistencyProofJson, inclusionProofJson } from "./inputs.js";
import type { LogClient } from "./log-client.js";
import { Invalid } from "./outcome.js";

// Proofs served by the log, checked against roots the auditor has already recomputed from the
// entries and seen signed. The log builds proofs from its stored interior nodes, not from the
// entries, so these checks are what catches a corrupted or forged node in its database.

export interface SignedHead {
  readonly size: number;
  readonly root: Uint8Array;
}

/** Consistency proof between two signed heads (0 < old.size < new.size). */
export async function checkConsistency(
  client: LogClient,
  older: SignedHead,
  newer: SignedHead,
): Promise<void> {
  const label = `checkpoint size ${newer.size}: consistency proof from size ${older.size}`;
  const proof = await client.json(`/consistency?from=${older.size}&to=${newer.size}`, consistencyProofJson);
  if (proof.from !== older.size || proof.to !== newer.size) {
    throw new Invalid(`${label}: the log answered for sizes ${proof.from} -> ${proof.to}`);
  }
  const result = verifyConsistency(older.size, newer.size, proof.hashes.map(fromHex), older.root, newer.root);
  if (!result.ok) throw new Invalid(`${label}: ${result.reason}`);
  if (!bytesEqual(fromHex(proof.fromRoot), older.root) || !bytesEqual(fromHex(proof.toRoot), newer.root)) {
    throw new Invalid(`${label}: the roots it names are not the signed ones`);
  }
}

/**
 * Inclusion proof of entry `index` in a signed head. The leaf hash comes from the proof unless
 * the auditor recomputed it (`leaf`); either way the proof must lead to the signed root, which
 * binds the leaf to that index.
 */
export async function checkInclusion(
  client: LogClient,
  index: number,
  head: SignedHead,
  leaf?: Uint8Array,
): Promise<void> {
  const label = `checkpoint size ${head.size}: inclusion proof of entry ${index}`;
  const proof = await client.json(`/entries/${index}/proof?treeSize=${head.size}`, inclusionProofJson);
  if (proof.leafIndex !== index || proof.treeSize !== head.size) {
    throw new Invalid(`${label}: the log answered for entry ${proof.leafIndex} in size ${proof.treeSize}`);
  }
  const served = fromHex(proof.leafHash);
  if (leaf && !bytesEqual(leaf, served)) {
    throw new Invalid(
      `${label}: names leaf ${proof.leafHash.toLowerCase()}, but the entry hashes to ${toHex(leaf)}`,
    );
  }
  const computed = rootFromInclusionProof(served, index, head.size, proof.hashes.map(fromHex));
  if (!computed.ok) throw new Invalid(`${label}: ${computed.reason}`);
  if (!bytesEqual(computed.root, head.root)) {
    throw new Invalid(`${label}: leads to root ${toHex(computed.root)}, not the signed ${toHex(head.root)}`);
  }
  if (!bytesEqual(fromHex(proof.rootHash), head.root)) {
    throw new Invalid(`${label}: the root it names is not the signed one`);
  }
}

/**
 * Runs checks concurrently but reports them in the order they were added, so the verdict names
 * the first bad size or index a sequential audit would have met. Tasks never reject: their
 * outcome is kept as a value until it is its turn to be reported.
 */
export class OrderedChecks {
  private readonly queue: Promise<unknown>[] = [];
  private failed = false;

  constructor(private readonly concurrency: number) {}

  /** Whether a failure has already been reported (so it is the earliest one). */
  get hasFailed(): boolean {
    return this.failed;
  }

  async add(task: () => Promise<void>): Promise<void> {
    this.queue.push(
      task().then(
        () => null,
        (error: unknown) => error ?? new Error("check failed"),
      ),
    );
    while (this.queue.length >= this.concurrency) await this.settleOldest();
  }

  /** Waits for every check; throws the first failure in order. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const outcome = await this.queue.shift();
    if (outcome === null) return;
    this.failed = true;
    throw outcome;
  }
}
