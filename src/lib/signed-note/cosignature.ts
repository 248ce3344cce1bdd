import {
  ED25519_SIGNATURE_SIZE,
  ed25519Sign,
  ed25519Verify,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
} from "./ed25519.js";
import { computeKeyId, type NoteSigner, type NoteVerifier, SIG_TYPE_COSIGNATURE_V1 } from "./keys.js";
import { encodeUtf8, isValidKeyName } from "./text.js";

// c2sp.org/tlog-cosignature, Ed25519 flavour (signature type 0x04): a witness states that, at
// `timestamp`, this checkpoint was the largest consistent one it had seen for the log. The
// signature is timestamp (u64 BE) ‖ Ed25519 over
//   "cosignature/v1\ntime <timestamp>\n" ‖ checkpoint note text.
// The signed message does not commit to the cosigner's name, hence the distinct key ID type.

const TIMESTAMP_SIZE = 8;
export const COSIGNATURE_V1_SIZE = TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE;

export interface Cosignature {
  /** POSIX seconds. Kept as a number: values beyond 2^53 are refused rather than rounded. */
  readonly timestamp: number;
  readonly signature: Uint8Array;
}

/** Splits a cosignature (the bytes after the 4-byte key ID), or null if it is not well formed. */
export function parseCosignature(bytes: Uint8Array): Cosignature | null {
  if (bytes.length !== COSIGNATURE_V1_SIZE) return null;
  const ts = Buffer.from(bytes.buffer, bytes.byteOffset, TIMESTAMP_SIZE).readBigUInt64BE(0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { timestamp: Number(ts), signature: bytes.slice(TIMESTAMP_SIZE) };
}

export function cosignatureMessage(text: Uint8Array, timestamp: number): Uint8Array {
  const header = encodeUtf8(`cosignature/v1\ntime ${timestamp}\n`);
  const out = new Uint8Array(header.length + text.length);
  out.set(header);
  out.set(text, header.length);
  return out;
}

export function cosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = publicKeyFromRaw(publicKey);
  const keyId = computeKeyId(name, SIG_TYPE_COSIGNATURE_V1, publicKey);
  return {
    name,
    keyId,
    verify(text, bytes) {
      const cosig = parseCosignature(bytes);
      return cosig !== null && ed25519Verify(key, cosignatureMessage(text, cosig.timestamp), cosig.signature);
    },
  };
}

/** A cosigner (what a witness runs); `now` returns POSIX seconds and is injectable for tests. */
export function cosigner(
  name: string,
  seed: Uint8Array,
  now: () => number = () => Math.floor(Date.now() / 1000),
): NoteSigner & { readonly publicKey: Uint8Array } {
  if (!isValidKeyName(name)) throw new TypeError(`invalid key name ${JSON.stringify(name)}`);
  const key = privateKeyFromSeed(seed);
  const publicKey = rawPublicKey(key);
  return {
    name,
    keyId: computeKeyId(name, SIG_TYPE_COSIGNATURE_V1, publicKey),
    publicKey,
    sign(text) {
      const timestamp = now();
      if (!Number.isSafeInteger(timestamp) || timestamp < 0)
        throw new RangeError("timestamp must be a POSIX second");
      const out = new Uint8Array(COSIGNATURE_V1_SIZE);
      Buffer.from(out.buffer).writeBigUInt64BE(BigInt(timestamp), 0);
      out.set(ed25519Sign(key, cosignatureMessage(text, timestamp)), TIMESTAMP_SIZE);
      return out;
    },
  };
}
