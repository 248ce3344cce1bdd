import { decodeBase64, encodeBase64 } from "./base64.js";
import type { NoteSigner, NoteVerifier } from "./keys.js";
import { decodeUtf8, encodeUtf8, hasOnlyNoteChars, isValidKeyName } from "./text.js";

// c2sp.org/signed-note: text ending in "\n", a blank line, then lines
//   "— <key name> base64(uint32 BE key ID ‖ signature)\n"
// The text is separated from the signatures by the LAST blank line, so text may contain blank
// lines while the signature block cannot.

const SIG_PREFIX = "\u2014 "; // em dash, space
/** Go's sumdb/note limit; the spec requires accepting at least 16. */
export const DEFAULT_MAX_SIGNATURES = 100;

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** Signature bytes after the key ID. */
  readonly signature: Uint8Array;
  /** The base64 field exactly as it appeared on the line. */
  readonly base64: string;
}

export interface ParsedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export type NoteFailureCode = "malformed" | "too-many-signatures" | "bad-signature" | "no-known-signature";
export type NoteFailure = { readonly ok: false; readonly code: NoteFailureCode; readonly reason: string };
export type ParseNoteResult = ({ readonly ok: true } & ParsedNote) | NoteFailure;

function malformed(reason: string): NoteFailure {
  return { ok: false, code: "malformed", reason };
}

function parseSignatureLine(line: string): NoteSignature | string {
  if (!line.startsWith(SIG_PREFIX)) return "signature line does not start with an em dash and a space";
  const body = line.slice(SIG_PREFIX.length);
  const space = body.indexOf(" ");
  if (space < 0) return "signature line has no signature";
  const [name, b64] = [body.slice(0, space), body.slice(space + 1)];
  if (!isValidKeyName(name)) return "signature line has an invalid key name";
  const bytes = decodeBase64(b64);
  if (!bytes || bytes.length < 5) return "signature is not base64 of a key ID and a signature";
  const keyId = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
  return { name, keyId, signature: bytes.slice(4), base64: b64 };
}

/** Splits a note into text and signature lines without verifying anything. */
export function parseNote(
  note: string | Uint8Array,
  maxSignatures = DEFAULT_MAX_SIGNATURES,
): ParseNoteResult {
  const msg = typeof note === "string" ? note : decodeUtf8(note);
  if (msg === null) return malformed("note is not valid UTF-8");
  if (!hasOnlyNoteChars(msg)) return malformed("note contains control characters or unpaired surrogates");
  const split = msg.lastIndexOf("\n\n");
  if (split < 0) return malformed("note has no blank line before the signatures");
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith("\n"))
    return malformed("signature block is empty or unterminated");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > maxSignatures) {
    return {
      ok: false,
      code: "too-many-signatures",
      reason: `note has more than ${maxSignatures} signatures`,
    };
  }
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    if (typeof sig === "string") return malformed(sig);
    signatures.push(sig);
  }
  return { ok: true, text, signatures };
}

export function formatSignatureLine(name: string, keyId: number, signature: Uint8Array): string {
  if (!isValidKeyName(name)) throw new TypeError(`invalid key name ${JSON.stringify(name)}`);
  if (!Number.isInteger(keyId) || keyId < 0 || keyId > 0xffffffff)
    throw new RangeError("key ID must be a uint32");
  const bytes = new Uint8Array(4 + signature.length);
  Buffer.from(bytes.buffer).writeUInt32BE(keyId, 0);
  bytes.set(signature, 4);
  return `${SIG_PREFIX}${name} ${encodeBase64(bytes)}\n`;
}

/** Signs `text` (which must end in a newline) with every signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!text.endsWith("\n")) throw new TypeError("note text must end with a newline");
  if (!hasOnlyNoteChars(text))
    throw new TypeError("note text contains control characters or unpaired surrogates");
  if (signers.length === 0) throw new TypeError("a note needs at least one signer");
  const bytes = encodeUtf8(text);
  const lines = signers.map((s) => formatSignatureLine(s.name, s.keyId, s.sign(bytes)));
  return `${text}\n${lines.join("")}`;
}

export type OpenNoteResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** Signatures by the given verifiers, each verified; duplicates dropped. */
      readonly verified: readonly NoteSignature[];
      /** Signatures by keys not in the list (ignored, as the spec requires). */
      readonly unverified: readonly NoteSignature[];
    }
  | (NoteFailure & { readonly signatures?: readonly NoteSignature[] });

/**
 * Opens a signed note. A signature is attributed to a verifier only when both name and key ID
 * match; every such signature must verify (one failure rejects the note), and at least one must
 * be present. The text must not be trusted unless this returns ok.
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  options: { maxSignatures?: number } = {},
): OpenNoteResult {
  const parsed = parseNote(note, options.maxSignatures ?? DEFAULT_MAX_SIGNATURES);
  if (!parsed.ok) return parsed;
  const known = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) {
    const key = `${v.name}\n${v.keyId}`;
    known.set(key, [...(known.get(key) ?? []), v]);
  }
  const text = encodeUtf8(parsed.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of parsed.signatures) {
    const line = `${sig.name} ${sig.base64}`;
    const candidates = known.get(`${sig.name}\n${sig.keyId}`);
    if (!candidates) {
      if (!seen.has(line)) unverified.push(sig);
    } else {
      // Colliding (name, key ID) pairs are possible but astronomically rare; accept the line
      // if any configured key with that identity verifies it.
      if (!candidates.some((v) => v.verify(text, sig.signature))) {
        const reason = `signature by ${sig.name}+${sig.keyId.toString(16).padStart(8, "0")} does not verify`;
        return { ok: false, code: "bad-signature", reason, signatures: parsed.signatures };
      }
      if (!seen.has(line)) verified.push(sig);
    }
    seen.add(line);
  }
  if (verified.length === 0) {
    const reason = "no signature from a known key";
    return { ok: false, code: "no-known-signature", reason, signatures: parsed.signatures };
  }
  return { ok: true, text: parsed.text, verified, unverified };
}
