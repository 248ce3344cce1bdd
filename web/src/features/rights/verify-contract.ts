// In-browser check of a rights contract (PR-4), the same as `yaosu verify contract FILE`
// (src/cli/verify/contract.ts): the document's RFC 8785 bytes hash to the stated SHA-256, and each
// party's Ed25519 signature verifies over those bytes under the public key named INSIDE the signed
// document. Trusts nothing else the server says. WebCrypto comes from the evidence feature.
import { fromBase64, toHex, utf8 } from "../evidence/bytes.js";
import { sha256, verifyEd25519 } from "../evidence/webcrypto.js";
import { canonicalJson } from "./canonical.js";
import { CONTRACT_DOCUMENT_TYPE } from "./model.js";

export const PARTIES = ["holder", "counterparty"] as const;
export type Party = (typeof PARTIES)[number];

/** valid · invalid (bad signature) · missing (not signed yet) · key_mismatch (the signature names
 * another key than the document) · party_mismatch (by someone else) · malformed (no usable key) */
export type SignatureStatus =
  | "valid"
  | "invalid"
  | "missing"
  | "key_mismatch"
  | "party_mismatch"
  | "malformed";

export interface PartyCheck {
  participantId: string | null;
  /** the Ed25519 public key (JWK x, base64url) the document names */
  publicKeyX: string | null;
  status: SignatureStatus;
}

export interface ContractVerification {
  typeOk: boolean;
  canonical: string;
  computedSha256: string;
  statedSha256: string;
  hashMatches: boolean;
  holder: PartyCheck;
  counterparty: PartyCheck;
  /** everything holds: right type, hash and both signatures */
  valid: boolean;
}

/** What is checked: the JSON of GET /api/v1/rights/contracts/{id} (only these members are read). */
export interface SignedContract {
  document: Record<string, unknown>;
  documentSha256: string;
  signatures: Partial<
    Record<Party, { participantId?: string; publicKeyJwk?: unknown; signature: string } | null>
  >;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** base64url (RFC 4648 §5, unpadded) → bytes; null if it is not. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const standard = text.replaceAll("-", "+").replaceAll("_", "/");
  return fromBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
}

function publicX(jwk: unknown): string | null {
  if (!isObject(jwk) || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") return null;
  return "d" in jwk ? null : jwk.x;
}

async function checkParty(role: Party, contract: SignedContract, bytes: Uint8Array): Promise<PartyCheck> {
  const party = contract.document[role];
  const participantId =
    isObject(party) && typeof party.participantId === "string" ? party.participantId : null;
  const x = isObject(party) ? publicX(party.publicKeyJwk) : null;
  const check = (status: SignatureStatus): PartyCheck => ({ participantId, publicKeyX: x, status });
  const signed = contract.signatures[role];
  if (!signed) return check("missing");
  if (participantId === null || x === null) return check("malformed");
  if (signed.participantId !== undefined && signed.participantId !== participantId)
    return check("party_mismatch");
  if (
    signed.publicKeyJwk !== undefined &&
    canonicalJson(signed.publicKeyJwk) !== canonicalJson((party as Json).publicKeyJwk)
  )
    return check("key_mismatch");
  const key = fromBase64Url(x);
  const signature = fromBase64Url(signed.signature);
  if (key?.length !== 32) return check("malformed");
  if (!signature) return check("invalid");
  return check((await verifyEd25519(key, bytes, signature)) ? "valid" : "invalid");
}

/** Checks everything; throws WebCryptoUnavailableError where the browser cannot do Ed25519. */
export async function verifyContract(contract: SignedContract): Promise<ContractVerification> {
  const canonical = canonicalJson(contract.document);
  const bytes = utf8(canonical);
  const computedSha256 = toHex(await sha256(bytes));
  const statedSha256 = contract.documentSha256;
  const holder = await checkParty("holder", contract, bytes);
  const counterparty = await checkParty("counterparty", contract, bytes);
  const typeOk = contract.document.type === CONTRACT_DOCUMENT_TYPE;
  const hashMatches = computedSha256 === statedSha256.toLowerCase();
  return {
    typeOk,
    canonical,
    computedSha256,
    statedSha256,
    hashMatches,
    holder,
    counterparty,
    valid: typeOk && hashMatches && holder.status === "valid" && counterparty.status === "valid",
  };
}

/** The file `yaosu verify contract FILE` reads: the contract answer as the API gave it. */
export function contractFile(contract: SignedContract & { id: string }): { name: string; text: string } {
  return { name: `${contract.id}.json`, text: `${JSON.stringify(contract, null, 2)}\n` };
}
