import { type Bytes, equalBytes, fromBase64, fromHex, utf8 } from "./bytes.js";
import { sha256, verifyEd25519 } from "./webcrypto.js";

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
