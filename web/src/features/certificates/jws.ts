// Checking a registration certificate without trusting the server: a compact JWS (RFC 7515)
// signed with Ed25519 (RFC 8037 "EdDSA"), verified by WebCrypto in the browser or in Node. No
// React, no fetching: the caller brings the JWS and the key, every step is deterministic.
import {
  CERTIFICATE_ALG,
  CERTIFICATE_TYP,
  type CertificatePayload,
} from "../../../../src/modules/certificates/certificate.model.js";
import { type Bytes, decoder, fromBase64, toBase64, utf8 } from "../evidence/bytes.js";
import { sha256, verifyEd25519 } from "../evidence/webcrypto.js";

export type { CertificatePayload };

export interface Ed25519Jwk {
  kty: string;
  crv: string;
  x: string;
  kid?: string;
}

export interface JwsHeader {
  alg?: unknown;
  kid?: unknown;
  typ?: unknown;
}

export type CertificateFailure =
  | "malformed"
  | "unsupported_alg"
  | "wrong_type"
  | "bad_key"
  | "key_mismatch"
  | "bad_signature"
  | "payload_malformed"
  | "number_mismatch";

export interface CertificateCheck {
  valid: boolean;
  failure?: CertificateFailure;
  header?: JwsHeader;
  /** The claims as decoded; trustworthy only when `valid`. */
  payload?: CertificatePayload;
  /** RFC 7638 thumbprint of the key the check used. */
  keyThumbprint?: string;
}

/** base64url without padding (RFC 7515 §2); null for anything else. */
export function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const std = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(std + "=".repeat((4 - (std.length % 4)) % 4));
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function json(bytes: Bytes | null): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The three parts of a compact JWS, decoded; null if it is not one. */
export function parseCompactJws(jws: string) {
  const parts = jws.trim().split(".");
  if (parts.length !== 3) return null;
  const [h = "", p = "", s = ""] = parts;
  const header = json(fromBase64Url(h));
  const payloadBytes = fromBase64Url(p);
  const signature = fromBase64Url(s);
  if (!isObject(header) || !payloadBytes || !signature) return null;
  return { header: header as JwsHeader, payloadBytes, signature, signingInput: utf8(`${h}.${p}`) };
}

/** RFC 7638 thumbprint of an OKP key: SHA-256 over {"crv","kty","x"} in that order, base64url. */
export async function jwkThumbprint(jwk: Ed25519Jwk): Promise<string> {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return toBase64Url(await sha256(utf8(canonical)));
}

/** A key as pasted: a JWK, or the exchange's key answer `{ kid, jwk }`; null if neither. */
export function parseKey(text: string): Ed25519Jwk | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const jwk = isObject(value) && isObject(value.jwk) ? value.jwk : value;
  if (
    !isObject(jwk) ||
    typeof jwk.kty !== "string" ||
    typeof jwk.crv !== "string" ||
    typeof jwk.x !== "string"
  )
    return null;
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(typeof jwk.kid === "string" ? { kid: jwk.kid } : {}) };
}

const CLAIMS = ["registrationNumber", "registrationId", "resourceName", "holderParticipantId", "holderName"];

function asPayload(value: unknown): CertificatePayload | undefined {
  if (!isObject(value)) return undefined;
  if (!CLAIMS.every((c) => typeof value[c] === "string")) return undefined;
  if (typeof value.registeredAt !== "string") return undefined;
  return value as unknown as CertificatePayload;
}

/**
 * Verifies a certificate against an Ed25519 key. Checks, in order: the JWS shape, alg EdDSA, the
 * certificate type, the key (OKP/Ed25519, 32 bytes; its thumbprint must equal the header's kid),
 * the signature, the claims, and — if given — that it certifies `expectedNumber`.
 * Throws WebCryptoUnavailableError where the environment cannot check Ed25519 at all.
 */
export async function verifyCertificate(
  jws: string,
  jwk: Ed25519Jwk,
  expectedNumber?: string,
): Promise<CertificateCheck> {
  const parsed = parseCompactJws(jws);
  if (!parsed) return { valid: false, failure: "malformed" };
  const { header } = parsed;
  const payload = asPayload(json(parsed.payloadBytes));
  const base = { header, ...(payload ? { payload } : {}) };
  if (header.alg !== CERTIFICATE_ALG) return { ...base, valid: false, failure: "unsupported_alg" };
  if (header.typ !== CERTIFICATE_TYP) return { ...base, valid: false, failure: "wrong_type" };
  const raw = fromBase64Url(jwk.x);
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || raw?.length !== 32)
    return { ...base, valid: false, failure: "bad_key" };
  const keyThumbprint = await jwkThumbprint(jwk);
  const withKey = { ...base, keyThumbprint };
  if (typeof header.kid === "string" && header.kid !== keyThumbprint)
    return { ...withKey, valid: false, failure: "key_mismatch" };
  if (!(await verifyEd25519(raw, parsed.signingInput, parsed.signature)))
    return { ...withKey, valid: false, failure: "bad_signature" };
  if (!payload) return { ...withKey, valid: false, failure: "payload_malformed" };
  if (expectedNumber !== undefined && payload.registrationNumber !== expectedNumber)
    return { ...withKey, valid: false, failure: "number_mismatch" };
  return { ...withKey, valid: true };
}
