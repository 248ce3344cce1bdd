import { stat } from "node:fs/promises";
import { type CompactVerifyResult, compactVerify, errors, importJWK, type JWK } from "jose";
import { readInput } from "./inputs.js";
import { Invalid, quote, UsageError, type Verdict } from "./outcome.js";

// `yaosu verify certificate FILE --key KEY` (PR-3): checks a registration certificate — a compact
// JWS signed by the exchange's certificate key — offline. FILE holds the JWS itself or the JSON of
// GET /api/v1/certificates/{number}; KEY is a JWK file, the JSON of GET /api/v1/certificates/key,
// or that URL. Nothing read is trusted until the signature has been checked under the key. A JSON
// that states the certificate revoked (its registration was cancelled) is reported invalid even
// though the signature holds: the signature proves what was registered, the status that it ended.

const TYP = "yaosu-registration-certificate+jwt";
const ALG = "EdDSA";

export interface CertificateOptions {
  file: string;
  key: string;
}

interface PublicKeyInput {
  jwk: JWK;
  kid?: string;
}

export async function verifyCertificateFile(options: CertificateOptions): Promise<Verdict> {
  const { jws, ended } = extractJws((await readInput(options.file, "FILE")).toString("utf8"), options.file);
  const key = await loadCertificateKey(options.key);
  const header = decodeHeader(jws);
  if (header.alg !== ALG) throw new Invalid(`alg is ${quote(String(header.alg))}, expected ${ALG}`);
  if (header.typ !== TYP) throw new Invalid(`typ is ${quote(String(header.typ))}, expected ${TYP}`);
  if (key.kid !== undefined && header.kid !== key.kid)
    throw new Invalid(`signed by key ${quote(String(header.kid))}, not by ${quote(key.kid)}`);
  let verified: CompactVerifyResult;
  try {
    const publicKey = await importJWK({ kty: key.jwk.kty, crv: key.jwk.crv, x: key.jwk.x }, ALG);
    verified = await compactVerify(jws, publicKey, { algorithms: [ALG] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new Invalid("bad signature");
    throw new Invalid(`cannot verify: ${(error as Error).message}`);
  }
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(verified.payload));
  } catch {
    throw new Invalid("the signed payload is not JSON");
  }
  const number = payload.sub;
  const name = payload.resourceName;
  const holder = payload.holderParticipantId;
  if (typeof number !== "string" || typeof name !== "string" || typeof holder !== "string")
    throw new Invalid("the signed payload lacks sub, resourceName or holderParticipantId");
  if (payload.registrationNumber !== undefined && payload.registrationNumber !== number)
    throw new Invalid(`sub ${quote(number)} differs from registrationNumber`);
  if (ended) throw new Invalid(`${number} ${ended}`);
  return {
    summary: `${number} ${name} holder ${holder}`,
    details: { number, kid: header.kid, payload },
  };
}

interface CertificateInput {
  jws: string;
  /** when the JSON of GET …/{number} states the certificate revoked or superseded, and why */
  ended?: string;
}

/** The compact JWS in FILE: the text itself, or the "jws" field of the certificate JSON. */
function extractJws(text: string, file: string): CertificateInput {
  const trimmed = text.trim();
  const input: CertificateInput = { jws: trimmed };
  if (trimmed.startsWith("{")) {
    const doc = parseJson(trimmed) as Record<string, unknown> | undefined;
    if (typeof doc?.jws !== "string") throw new Invalid(`${file}: JSON without a "jws" string`);
    input.jws = doc.jws;
    if (doc.status === "revoked")
      input.ended = `was revoked at ${String(doc.revokedAt ?? "?")}: ${String(doc.revocationReason ?? "")}`;
    if (doc.status === "superseded")
      input.ended = `was superseded at ${String(doc.supersededAt ?? "?")} by a newer certificate (change registration or succession)`;
  }
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(input.jws))
    throw new Invalid(`${file}: not a compact JWS`);
  return input;
}

function decodeHeader(jws: string): Record<string, unknown> {
  const header = parseJson(Buffer.from(jws.slice(0, jws.indexOf(".")), "base64url").toString("utf8"));
  if (header === null || typeof header !== "object" || Array.isArray(header))
    throw new Invalid("the protected header is not a JSON object");
  return header as Record<string, unknown>;
}

/** `--key`: a JWK file, the JSON of GET /api/v1/certificates/key (a file or its URL). */
async function loadCertificateKey(value: string): Promise<PublicKeyInput> {
  let text: string;
  if (/^https?:\/\//i.test(value)) {
    let response: Response;
    try {
      response = await fetch(value, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new Invalid(`--key ${value}: cannot fetch: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Invalid(`--key ${value}: HTTP ${response.status}`);
    text = await response.text();
  } else {
    const isFile = await stat(value).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) throw new UsageError(`--key ${value}: no such file, and not an http(s) URL`);
    text = (await readInput(value, "--key")).toString("utf8");
  }
  const doc = parseJson(text.trim()) as { jwk?: unknown; kid?: unknown } | undefined;
  const jwk = (doc && typeof doc.jwk === "object" ? doc.jwk : doc) as JWK | undefined;
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string")
    throw new Invalid("--key: not an Ed25519 JWK (kty OKP, crv Ed25519) nor {jwk, kid}");
  if (jwk.d !== undefined) throw new Invalid("--key: holds a private key; give the public JWK");
  const kid = typeof doc?.kid === "string" ? doc.kid : jwk.kid;
  return { jwk, ...(kid === undefined ? {} : { kid }) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
