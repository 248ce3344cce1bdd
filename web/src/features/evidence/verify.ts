// Checking an evidence entry without trusting the server: everything here runs in the browser
// (or Node) on WebCrypto alone. RFC 9162 §2.1 Merkle hashing and inclusion proofs, C2SP
// signed-note / tlog-checkpoint parsing, Ed25519 signature checks. No React, no fetching: the
// caller brings the bytes, and every function is deterministic and unit-tested.

export * from "./bytes.js";
export * from "./inclusion.js";
export * from "./signed-note.js";
export * from "./webcrypto.js";

import { type Bytes, decoder, equalBytes, fromHex, toHex } from "./bytes.js";
import { leafHash, type ProofFailure, rootFromInclusionProof } from "./inclusion.js";
import {
  type Checkpoint,
  ed25519KeyId,
  type KeyFailure,
  parseCheckpoint,
  parseVerifierKey,
  type SignatureFailure,
  type VerifierKey,
  verifyNoteSignature,
} from "./signed-note.js";

// ---------------------------------------------------------------------------------------------
// The whole check, step by step, for display

export type StepId = "leaf" | "key" | "signature" | "checkpoint" | "proof" | "root";
export type StepStatus = "pass" | "fail" | "skipped";
export type FailureReason =
  | ProofFailure
  | KeyFailure
  | SignatureFailure
  | "leaf_hash_mismatch"
  | "entry_content_mismatch"
  | "key_id_mismatch"
  | "checkpoint_malformed"
  | "origin_mismatch"
  | "root_mismatch"
  | "proof_unavailable";

export type FactLabel =
  | "entryBytes"
  | "computedLeafHash"
  | "claimedLeafHash"
  | "keyName"
  | "statedKeyId"
  | "computedKeyId"
  | "publicKey"
  | "signer"
  | "signedText"
  | "origin"
  | "expectedOrigin"
  | "treeSize"
  | "leafIndex"
  | "proofHash"
  | "computedRoot"
  | "checkpointRoot";

export interface Fact {
  label: FactLabel;
  value: string;
  /** Position, for repeated labels (the proof's hashes). */
  n?: number;
}

export interface VerifyStep {
  id: StepId;
  status: StepStatus;
  reason?: FailureReason;
  facts: Fact[];
}

export interface VerifyReport {
  verdict: "valid" | "invalid";
  steps: VerifyStep[];
  /** The signed checkpoint the entry was checked against, when it could be read. */
  checkpoint?: Checkpoint;
}

export interface VerifyInput {
  /** The entry's position in the log. */
  index: number;
  /** Exactly the entry bytes (GET /entries/{index}/raw). */
  entryBytes: Uint8Array;
  /** Leaf hash the server states for the entry (hex), if shown to the user. */
  claimedLeafHash?: string;
  /** The entry JSON shown to the user: it must be what the bytes say. */
  shownEntry?: unknown;
  /** Inclusion proof hashes (hex) for the checkpoint's tree size; null if the server gave none. */
  proofHashes: readonly string[] | null;
  /** The signed checkpoint note. */
  checkpointNote: string;
  /** The log's C2SP verifier key. */
  verifierKey: string;
  /** The origin the log says it has (GET /evidence/key), if known. */
  expectedOrigin?: string;
}

function decodeJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

/** Structural equality of JSON values (object key order ignored, as JSON does). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * Verifies that an entry is in the log, trusting only the verifier key: the entry bytes hash to
 * a leaf, the proof folds that leaf into a root, and the log's key signed a checkpoint with that
 * root. Every step is reported, so the user can see what was computed and where a check failed.
 */
export async function verifyEntry(input: VerifyInput): Promise<VerifyReport> {
  const steps: VerifyStep[] = [];

  // 1. Leaf hash of the exact bytes.
  const leaf = await leafHash(input.entryBytes);
  const leafFacts: Fact[] = [
    { label: "entryBytes", value: String(input.entryBytes.length) },
    { label: "computedLeafHash", value: toHex(leaf) },
  ];
  let leafStep: VerifyStep = { id: "leaf", status: "pass", facts: leafFacts };
  if (input.claimedLeafHash !== undefined) {
    leafFacts.push({ label: "claimedLeafHash", value: input.claimedLeafHash });
    if (input.claimedLeafHash.toLowerCase() !== toHex(leaf)) {
      leafStep = { ...leafStep, status: "fail", reason: "leaf_hash_mismatch" };
    }
  }
  if (leafStep.status === "pass" && input.shownEntry !== undefined) {
    const decoded = decodeJson(input.entryBytes);
    if (!decoded.ok || !jsonEqual(decoded.value, input.shownEntry)) {
      leafStep = { ...leafStep, status: "fail", reason: "entry_content_mismatch" };
    }
  }
  steps.push(leafStep);

  // 2. The verifier key and its key ID.
  const parsedKey = parseVerifierKey(input.verifierKey);
  let key: VerifierKey | null = null;
  if (!parsedKey.ok) {
    steps.push({ id: "key", status: "fail", reason: parsedKey.reason, facts: [] });
  } else {
    const k = parsedKey.key;
    const computedId = await ed25519KeyId(k.name, k.publicKey);
    const ok = equalBytes(computedId, k.keyId);
    steps.push({
      id: "key",
      status: ok ? "pass" : "fail",
      ...(ok ? {} : { reason: "key_id_mismatch" as const }),
      facts: [
        { label: "keyName", value: k.name },
        { label: "statedKeyId", value: toHex(k.keyId) },
        { label: "computedKeyId", value: toHex(computedId) },
        { label: "publicKey", value: toHex(k.publicKey) },
      ],
    });
    if (ok) key = k;
  }

  // 3. The checkpoint's signature by that key.
  let signedText: string | null = null;
  if (!key) {
    steps.push({ id: "signature", status: "skipped", facts: [] });
  } else {
    const sig = await verifyNoteSignature(input.checkpointNote, key);
    const facts: Fact[] = [{ label: "signer", value: `${key.name} ${toHex(key.keyId)}` }];
    if (sig.note) facts.push({ label: "signedText", value: sig.note.text });
    if (sig.ok) {
      signedText = sig.note.text;
      steps.push({ id: "signature", status: "pass", facts });
    } else {
      steps.push({ id: "signature", status: "fail", reason: sig.reason, facts });
    }
  }

  // 4. What the signed checkpoint says.
  let checkpoint: Checkpoint | null = null;
  if (signedText === null) {
    steps.push({ id: "checkpoint", status: "skipped", facts: [] });
  } else {
    checkpoint = parseCheckpoint(signedText);
    if (!checkpoint) {
      steps.push({ id: "checkpoint", status: "fail", reason: "checkpoint_malformed", facts: [] });
    } else {
      const facts: Fact[] = [
        { label: "origin", value: checkpoint.origin },
        { label: "treeSize", value: String(checkpoint.size) },
        { label: "checkpointRoot", value: toHex(checkpoint.rootHash) },
      ];
      // A log's checkpoints carry its origin, which is also its key's name.
      const expected = input.expectedOrigin ?? key?.name;
      if (input.expectedOrigin !== undefined)
        facts.push({ label: "expectedOrigin", value: input.expectedOrigin });
      const ok = checkpoint.origin === expected && checkpoint.origin === key?.name;
      steps.push({
        id: "checkpoint",
        status: ok ? "pass" : "fail",
        ...(ok ? {} : { reason: "origin_mismatch" as const }),
        facts,
      });
    }
  }

  // 5. Fold the inclusion proof, for the signed tree size (not whatever size the server names).
  let root: Bytes | null = null;
  if (!checkpoint) {
    steps.push({ id: "proof", status: "skipped", facts: [] });
  } else {
    const facts: Fact[] = [
      { label: "leafIndex", value: String(input.index) },
      { label: "treeSize", value: String(checkpoint.size) },
    ];
    if (input.proofHashes === null) {
      steps.push({ id: "proof", status: "fail", reason: "proof_unavailable", facts });
    } else {
      facts.push(...input.proofHashes.map((value, n): Fact => ({ label: "proofHash", value, n: n + 1 })));
      const hashes = input.proofHashes.map((h) => fromHex(h) ?? new Uint8Array(0));
      const folded = await rootFromInclusionProof(input.index, checkpoint.size, leaf, hashes);
      if (folded.ok) {
        root = folded.root;
        facts.push({ label: "computedRoot", value: toHex(root) });
        steps.push({ id: "proof", status: "pass", facts });
      } else {
        steps.push({ id: "proof", status: "fail", reason: folded.reason, facts });
      }
    }
  }

  // 6. The computed root must be the signed one.
  if (!checkpoint || !root) {
    steps.push({ id: "root", status: "skipped", facts: [] });
  } else {
    const ok = equalBytes(root, checkpoint.rootHash);
    steps.push({
      id: "root",
      status: ok ? "pass" : "fail",
      ...(ok ? {} : { reason: "root_mismatch" as const }),
      facts: [
        { label: "computedRoot", value: toHex(root) },
        { label: "checkpointRoot", value: toHex(checkpoint.rootHash) },
      ],
    });
  }

  return {
    verdict: steps.every((s) => s.status === "pass") ? "valid" : "invalid",
    steps,
    ...(checkpoint ? { checkpoint } : {}),
  };
}
