import { createHash, createPublicKey, verify } from "node:crypto";
import { createRequire } from "node:module";
import { readInput } from "./inputs.js";
import { Invalid, quote, type Verdict } from "./outcome.js";

// `yaosu verify contract FILE` (PR-4): checks a rights contract offline — the JSON of
// GET /api/v1/rights/contracts/{id}. The document's RFC 8785 bytes must hash to documentSha256,
// and both parties' Ed25519 signatures must verify over those bytes under the public JWKs inside
// the document itself (the signed bytes name the keys, so a signature under another key fails).

// canonicalize is CommonJS whose typings claim an ES default export; require it as it is.
const canonicalize = createRequire(import.meta.url)("canonicalize") as (input: unknown) => string | undefined;

const DOCUMENT_TYPE = "yaosu.rights-contract";
const ROLES = ["holder", "counterparty"] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function parse(text: string, file: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Invalid(`${file}: not JSON`);
  }
  if (!isObject(value)) throw new Invalid(`${file}: not a JSON object`);
  return value;
}

function checkSignature(role: (typeof ROLES)[number], document: Json, signatures: Json, bytes: Buffer): void {
  const party = document[role];
  if (!isObject(party) || typeof party.participantId !== "string" || !isObject(party.publicKeyJwk))
    throw new Invalid(`the document names no ${role}`);
  const jwk = party.publicKeyJwk;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || jwk.d !== undefined)
    throw new Invalid(`the ${role}'s key is not a public Ed25519 JWK`);
  const signed = signatures[role];
  if (!isObject(signed) || typeof signed.signature !== "string")
    throw new Invalid(`not signed by the ${role} (${quote(party.participantId)})`);
  if (signed.participantId !== undefined && signed.participantId !== party.participantId)
    throw new Invalid(
      `the ${role} signature is by ${quote(String(signed.participantId))}, not the document's ${role}`,
    );
  if (signed.publicKeyJwk !== undefined && canonicalize(signed.publicKeyJwk) !== canonicalize(jwk))
    throw new Invalid(`the ${role} signature names another key than the document`);
  let ok: boolean;
  try {
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
    ok = verify(null, bytes, key, Buffer.from(signed.signature, "base64url"));
  } catch (error) {
    throw new Invalid(`cannot check the ${role} signature: ${(error as Error).message}`);
  }
  if (!ok) throw new Invalid(`bad ${role} signature`);
}

export async function verifyContractFile(options: { file: string }): Promise<Verdict> {
  const answer = parse((await readInput(options.file, "FILE")).toString("utf8"), options.file);
  const document = answer.document;
  if (!isObject(document)) throw new Invalid(`${options.file}: no "document" object`);
  if (document.type !== DOCUMENT_TYPE)
    throw new Invalid(`document type is ${quote(String(document.type))}, expected ${DOCUMENT_TYPE}`);
  const text = canonicalize(document);
  if (text === undefined) throw new Invalid("the document cannot be canonicalised");
  const bytes = Buffer.from(text, "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (typeof answer.documentSha256 !== "string") throw new Invalid(`${options.file}: no "documentSha256"`);
  if (answer.documentSha256.toLowerCase() !== sha256)
    throw new Invalid(`the document hashes to ${sha256}, not the stated ${quote(answer.documentSha256, 64)}`);
  const signatures = isObject(answer.signatures) ? answer.signatures : {};
  for (const role of ROLES) checkSignature(role, document, signatures, bytes);
  const holder = (document.holder as Json).participantId as string;
  const counterparty = (document.counterparty as Json).participantId as string;
  return {
    summary: `${String(document.contractId)} ${String(document.kind)} ${holder} -> ${counterparty} sha256 ${sha256}`,
    details: {
      contractId: document.contractId,
      kind: document.kind,
      holder,
      counterparty,
      documentSha256: sha256,
    },
  };
}
