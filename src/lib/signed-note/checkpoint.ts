import { decodeBase64, encodeBase64 } from "./base64.js";
import type { NoteVerifier } from "./keys.js";
import { type NoteSignature, openNote } from "./note.js";
import { hasOnlyNoteChars } from "./text.js";

// c2sp.org/tlog-checkpoint note text:
//   <origin>\n<tree size, decimal, no leading zeros>\n<base64 RFC 6962 root>\n[<extension>\n]*
// Parsing is strict so that one tree head has exactly one textual form that can be signed.

export const ROOT_HASH_SIZE = 32;

export interface Checkpoint {
  readonly origin: string;
  /** Tree size; sizes beyond 2^53 - 1 are refused rather than rounded. */
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

export type CheckpointResult =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly reason: string };

const SIZE_RE = /^(?:0|[1-9][0-9]*)$/;

function invalid(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

export function parseCheckpoint(text: string): CheckpointResult {
  if (!text.endsWith("\n")) return invalid("checkpoint text must end with a newline");
  if (!hasOnlyNoteChars(text)) return invalid("checkpoint contains control characters");
  const lines = text.slice(0, -1).split("\n");
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    return invalid("checkpoint needs origin, size and root hash lines");
  }
  if (origin.length === 0) return invalid("origin is empty");
  if (!SIZE_RE.test(sizeLine)) return invalid("tree size is not a decimal without leading zeros");
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) return invalid("tree size is too large");
  const rootHash = decodeBase64(rootLine);
  if (!rootHash || rootHash.length !== ROOT_HASH_SIZE) return invalid("root hash is not base64 of 32 bytes");
  if (extensions.some((line) => line.length === 0)) return invalid("extension lines must be non-empty");
  return { ok: true, checkpoint: { origin, size, rootHash, extensions } };
}

/** The checkpoint's note text; throws if it could not be parsed back to the same checkpoint. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  const text = [origin, String(size), encodeBase64(rootHash), ...extensions].map((l) => `${l}\n`).join("");
  const check = parseCheckpoint(text);
  if (
    !check.ok ||
    check.checkpoint.extensions.length !== extensions.length ||
    check.checkpoint.origin !== origin
  ) {
    throw new TypeError(`invalid checkpoint: ${check.ok ? "a field contains a newline" : check.reason}`);
  }
  return text;
}

export type OpenCheckpointResult =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      /** Verified signatures by the other verifiers given (e.g. witness cosignatures). */
      readonly cosignatures: readonly NoteSignature[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies a signed checkpoint: it must carry a valid signature by `logVerifier` specifically
 * (a witness signature alone must not vouch for a tree head), parse strictly, and, when given,
 * have the expected origin. Signatures by `cosigners` are verified and returned; other
 * signatures are ignored.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  logVerifier: NoteVerifier,
  options: { origin?: string; cosigners?: readonly NoteVerifier[] } = {},
): OpenCheckpointResult {
  const opened = openNote(note, [logVerifier, ...(options.cosigners ?? [])]);
  if (!opened.ok) return { ok: false, reason: `${opened.code}: ${opened.reason}` };
  const isLog = (s: NoteSignature) => s.name === logVerifier.name && s.keyId === logVerifier.keyId;
  if (!opened.verified.some(isLog)) return { ok: false, reason: "checkpoint is not signed by the log key" };
  const parsed = parseCheckpoint(opened.text);
  if (!parsed.ok) return parsed;
  if (options.origin !== undefined && parsed.checkpoint.origin !== options.origin) {
    return {
      ok: false,
      reason: `origin ${JSON.stringify(parsed.checkpoint.origin)} is not the expected one`,
    };
  }
  return { ok: true, checkpoint: parsed.checkpoint, cosignatures: opened.verified.filter((s) => !isLog(s)) };
}
