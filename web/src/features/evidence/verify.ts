// Checking an evidence entry without trusting the server: everything here runs in the browser
// (or Node) on WebCrypto alone. RFC 9162 §2.1 Merkle hashing and inclusion proofs, C2SP
// signed-note / tlog-checkpoint parsing, Ed25519 signature checks. No React, no fetching: the
// caller brings the bytes, and every function is deterministic and unit-tested.

/** Bytes backed by a plain ArrayBuffer, which is what WebCrypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lowercase or uppercase hex of whole bytes; null if it is not. */
export function fromHex(hex: string): Bytes | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Standard, padded base64 (RFC 4648 §4), as signed notes use; null if it is not. */
export function fromBase64(text: string): Bytes | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
}

// ---------------------------------------------------------------------------------------------
// WebCrypto

/** WebCrypto is only there in secure contexts (https, localhost); plain http on a LAN has none. */
export class WebCryptoUnavailableError extends Error {
  constructor(readonly reason: "no_subtle" | "no_ed25519") {
    super(reason === "no_subtle" ? "WebCrypto is not available here" : "WebCrypto lacks Ed25519");
    this.name = "WebCryptoUnavailableError";
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new WebCryptoUnavailableError("no_subtle");
  return s;
}

/** RFC 8032 §7.1 test 1 public key: a known-good point to probe Ed25519 support with. */
const PROBE_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

/** Whether this environment can run every check: SHA-256 and Ed25519 in WebCrypto. */
export async function webCryptoSupport(): Promise<"ok" | "no_subtle" | "no_ed25519"> {
  const s = globalThis.crypto?.subtle;
  if (!s) return "no_subtle";
  try {
    await s.importKey("raw", fromHex(PROBE_KEY) as Bytes, { name: "Ed25519" }, false, ["verify"]);
    return "ok";
  } catch {
    return "no_ed25519";
  }
}

export async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  return new Uint8Array(await subtle().digest("SHA-256", concat(...parts)));
}

/** Verifies an Ed25519 signature; false for a wrong signature or an unusable key. */
export async function verifyEd25519(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  let key: CryptoKey;
  try {
    key = await subtle().importKey("raw", concat(publicKey), { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    if (error instanceof DOMException && error.name === "NotSupportedError") {
      throw new WebCryptoUnavailableError("no_ed25519");
    }
    return false;
  }
  try {
    return await subtle().verify({ name: "Ed25519" }, key, concat(signature), concat(message));
  } catch {
    return false;
  }
}

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

// ---------------------------------------------------------------------------------------------
// C2SP signed notes, verifier keys and checkpoints

const SIG_PREFIX = "\u2014 "; // em dash, space
const ALG_ED25519 = 0x01;

export interface VerifierKey {
  name: string;
  /** The key ID the key string states (4 bytes). */
  keyId: Bytes;
  publicKey: Bytes;
}

export type KeyFailure = "key_malformed" | "key_unsupported_algorithm" | "key_bad_length";

/** Parses `name+hexkeyid+base64(0x01 ‖ pubkey)`; the base64 may itself contain "+". */
export function parseVerifierKey(
  vkey: string,
): { ok: true; key: VerifierKey } | { ok: false; reason: KeyFailure } {
  const first = vkey.indexOf("+");
  const second = first < 0 ? -1 : vkey.indexOf("+", first + 1);
  if (first <= 0 || second < 0) return { ok: false, reason: "key_malformed" };
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  const keyId = /^[0-9a-f]{8}$/.test(idHex) ? fromHex(idHex) : null;
  const data = fromBase64(vkey.slice(second + 1));
  if (!keyId || !data || data.length === 0 || /[\s+]/.test(name))
    return { ok: false, reason: "key_malformed" };
  if (data[0] !== ALG_ED25519) return { ok: false, reason: "key_unsupported_algorithm" };
  if (data.length !== 33) return { ok: false, reason: "key_bad_length" };
  return { ok: true, key: { name, keyId, publicKey: data.slice(1) } };
}

/** C2SP key ID: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
export async function ed25519KeyId(name: string, publicKey: Uint8Array): Promise<Bytes> {
  return (await sha256(utf8(`${name}\n`), Uint8Array.of(ALG_ED25519), publicKey)).slice(0, 4);
}

export interface NoteSignature {
  name: string;
  keyId: Bytes;
  /** The signature after the key ID. */
  signature: Bytes;
}

export interface SignedNote {
  /** The signed text: everything before the blank line, including its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Splits a signed note at its last blank line into text and signature lines. */
export function parseSignedNote(note: string): SignedNote | null {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return null;
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith("\n")) return null;
  const signatures: NoteSignature[] = [];
  for (const line of block.slice(0, -1).split("\n")) {
    if (!line.startsWith(SIG_PREFIX)) return null;
    const body = line.slice(SIG_PREFIX.length);
    const space = body.indexOf(" ");
    if (space <= 0) return null;
    const bytes = fromBase64(body.slice(space + 1));
    if (!bytes || bytes.length < 5) return null;
    signatures.push({ name: body.slice(0, space), keyId: bytes.slice(0, 4), signature: bytes.slice(4) });
  }
  return { text, signatures };
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Bytes;
  extensions: string[];
}

/** Parses checkpoint note text: origin, decimal size, base64 root hash, then extension lines. */
export function parseCheckpoint(text: string): Checkpoint | null {
  if (!text.endsWith("\n")) return null;
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split("\n");
  if (!origin || sizeLine === undefined || rootLine === undefined) return null;
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeLine)) return null;
  const size = Number(sizeLine);
  const rootHash = fromBase64(rootLine);
  if (!Number.isSafeInteger(size) || !rootHash || rootHash.length !== 32) return null;
  if (extensions.some((line) => line.length === 0)) return null;
  return { origin, size, rootHash, extensions };
}

export type SignatureFailure = "note_malformed" | "no_signature_for_key" | "signature_invalid";

/**
 * Checks that `note` carries a valid signature by `key` (matched on name and key ID, as C2SP
 * requires; signatures by other keys are ignored).
 */
export async function verifyNoteSignature(
  note: string,
  key: VerifierKey,
): Promise<{ ok: true; note: SignedNote } | { ok: false; reason: SignatureFailure; note?: SignedNote }> {
  const parsed = parseSignedNote(note);
  if (!parsed) return { ok: false, reason: "note_malformed" };
  const candidates = parsed.signatures.filter((s) => s.name === key.name && equalBytes(s.keyId, key.keyId));
  if (candidates.length === 0) return { ok: false, reason: "no_signature_for_key", note: parsed };
  const message = utf8(parsed.text);
  for (const sig of candidates) {
    if (!(await verifyEd25519(key.publicKey, message, sig.signature))) {
      return { ok: false, reason: "signature_invalid", note: parsed };
    }
  }
  return { ok: true, note: parsed };
}

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
