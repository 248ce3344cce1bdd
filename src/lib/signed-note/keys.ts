import { createHash } from "node:crypto";
import { decodeBase64, encodeBase64 } from "./base64.js";
import {
  ED25519_KEY_SIZE,
  ed25519Sign,
  ed25519Verify,
  newSeed,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
} from "./ed25519.js";
import { encodeUtf8, isValidKeyName } from "./text.js";

// Signer/verifier keys in the golang.org/x/mod/sumdb/note text formats used by C2SP:
//   vkey: <name>+<hex key ID>+base64(type ‖ public key)
//   skey: PRIVATE+KEY+<name>+<hex key ID>+base64(type ‖ 32-byte Ed25519 seed)
// key ID = SHA-256(name ‖ "\n" ‖ type ‖ public key)[:4] as a big-endian uint32.

export const SIG_TYPE_ED25519 = 0x01;
export const SIG_TYPE_COSIGNATURE_V1 = 0x04;

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** Signature bytes over the note text (without the 4-byte key ID prefix). */
  sign(text: Uint8Array): Uint8Array;
}

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

export type KeyParseResult<T> =
  | { readonly ok: true; readonly key: T }
  | { readonly ok: false; readonly reason: string };

export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = createHash("sha256")
    .update(encodeUtf8(`${name}\n`))
    .update(Uint8Array.of(type))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, "0");
}

export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new TypeError(`invalid key name ${JSON.stringify(name)}`);
  const material = encodeBase64(Uint8Array.of(type, ...publicKey));
  return `${name}+${keyIdHex(computeKeyId(name, type, publicKey))}+${material}`;
}

/** Splits off the text before the first "+": base64 may itself contain "+", so only the leading parts are split. */
function chop(s: string): [string, string] | null {
  const i = s.indexOf("+");
  return i < 0 ? null : [s.slice(0, i), s.slice(i + 1)];
}

const HEX8 = /^[0-9a-f]{8}$/;

/** Parses a vkey of an Ed25519-based type (0x01 note signatures, 0x04 cosignatures). */
export function parseVerifierKey(vkey: string): KeyParseResult<VerifierKey> {
  const first = chop(vkey);
  const second = first && chop(first[1]);
  if (!first || !second) return { ok: false, reason: "vkey must have three +-separated parts" };
  const [name, [hex, b64]] = [first[0], second];
  if (!isValidKeyName(name)) return { ok: false, reason: "invalid key name" };
  if (!HEX8.test(hex)) return { ok: false, reason: "key ID must be 8 lowercase hex digits" };
  const material = decodeBase64(b64);
  if (!material || material.length === 0) return { ok: false, reason: "key material is not valid base64" };
  const type = material[0] as number;
  const publicKey = material.subarray(1);
  if (type !== SIG_TYPE_ED25519 && type !== SIG_TYPE_COSIGNATURE_V1) {
    return { ok: false, reason: `unsupported signature type 0x${type.toString(16).padStart(2, "0")}` };
  }
  if (publicKey.length !== ED25519_KEY_SIZE)
    return { ok: false, reason: "Ed25519 public key must be 32 bytes" };
  const keyId = Number.parseInt(hex, 16);
  if (computeKeyId(name, type, publicKey) !== keyId)
    return { ok: false, reason: "key ID does not match the key" };
  return { ok: true, key: { name, keyId, type, publicKey } };
}

/** A verifier for plain Ed25519 note signatures (type 0x01). */
export function ed25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = publicKeyFromRaw(publicKey);
  const keyId = computeKeyId(name, SIG_TYPE_ED25519, publicKey);
  return { name, keyId, verify: (text, signature) => ed25519Verify(key, text, signature) };
}

export interface SignerKey {
  readonly name: string;
  readonly keyId: number;
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** Parses a type-0x01 skey, recomputing the public key and checking the key ID against it. */
export function parseSignerKey(skey: string): KeyParseResult<SignerKey> {
  const parts: string[] = [];
  let rest = skey;
  for (let i = 0; i < 4; i++) {
    const cut = chop(rest);
    if (!cut) return { ok: false, reason: "skey must have five +-separated parts" };
    parts.push(cut[0]);
    rest = cut[1];
  }
  const [p1, p2, name, hex] = parts as [string, string, string, string];
  if (p1 !== "PRIVATE" || p2 !== "KEY") return { ok: false, reason: "skey must start with PRIVATE+KEY+" };
  if (!isValidKeyName(name)) return { ok: false, reason: "invalid key name" };
  if (!HEX8.test(hex)) return { ok: false, reason: "key ID must be 8 lowercase hex digits" };
  const material = decodeBase64(rest);
  if (!material || material.length !== 1 + ED25519_KEY_SIZE || material[0] !== SIG_TYPE_ED25519) {
    return { ok: false, reason: "key material must be base64 of 0x01 and a 32-byte Ed25519 seed" };
  }
  const seed = material.slice(1);
  const publicKey = rawPublicKey(privateKeyFromSeed(seed));
  const keyId = computeKeyId(name, SIG_TYPE_ED25519, publicKey);
  if (keyId !== Number.parseInt(hex, 16)) return { ok: false, reason: "key ID does not match the key" };
  return { ok: true, key: { name, keyId, seed, publicKey } };
}

export function ed25519Signer(
  name: string,
  seed: Uint8Array,
): NoteSigner & { readonly publicKey: Uint8Array } {
  if (!isValidKeyName(name)) throw new TypeError(`invalid key name ${JSON.stringify(name)}`);
  const key = privateKeyFromSeed(seed);
  const publicKey = rawPublicKey(key);
  const keyId = computeKeyId(name, SIG_TYPE_ED25519, publicKey);
  return { name, keyId, publicKey, sign: (text) => ed25519Sign(key, text) };
}

/** Signer from an skey string; throws on a malformed key (keys are configuration, not input). */
export function newSigner(skey: string): NoteSigner {
  const parsed = parseSignerKey(skey);
  if (!parsed.ok) throw new TypeError(`invalid signer key: ${parsed.reason}`);
  return ed25519Signer(parsed.key.name, parsed.key.seed);
}

/** A fresh Ed25519 key pair as { skey, vkey } strings (golang sumdb/note GenerateKey). */
export function generateSignerKey(name: string): { skey: string; vkey: string } {
  if (!isValidKeyName(name)) throw new TypeError(`invalid key name ${JSON.stringify(name)}`);
  const seed = newSeed();
  const publicKey = rawPublicKey(privateKeyFromSeed(seed));
  const vkey = formatVerifierKey(name, SIG_TYPE_ED25519, publicKey);
  const id = keyIdHex(computeKeyId(name, SIG_TYPE_ED25519, publicKey));
  return {
    skey: `PRIVATE+KEY+${name}+${id}+${encodeBase64(Uint8Array.of(SIG_TYPE_ED25519, ...seed))}`,
    vkey,
  };
}
