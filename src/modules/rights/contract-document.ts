import { createRequire } from "node:module";
import { sha256Hex } from "../../kernel/crypto/digest.js";
import type { PublicJwk } from "../../kernel/crypto/ed25519.js";
import type { CONTRACT_DOCUMENT_TYPE, ContractKind, RightKind } from "./rights.model.js";
import type { CirculationVerdict } from "./rights.ports.js";

// canonicalize is CommonJS whose typings claim an ES default export; require it as it is.
const canonicalize = createRequire(import.meta.url)("canonicalize") as (input: unknown) => string | undefined;

/**
 * The contract both parties sign (PR-4): everything that decides what moves, with each party's
 * public key inside the signed bytes, so a copy of the document and its two signatures can be
 * checked offline by anyone (`yaosu verify contract`). Serialised as canonical JSON (RFC 8785):
 * the signed bytes are recomputable from the parsed document.
 */
export interface ContractParty {
  participantId: string;
  publicKeyJwk: PublicJwk;
}

export interface ContractDocument {
  type: typeof CONTRACT_DOCUMENT_TYPE;
  version: 1;
  contractId: string;
  kind: ContractKind;
  /** the holder of the source right, who proposes (grantor or transferor) */
  holder: ContractParty;
  /** who receives the granted or transferred right */
  counterparty: ContractParty;
  sourceRight: { id: string; kind: RightKind; registrationId: string };
  right: { kind: RightKind; scope: string; termStart: string; termEnd: string | null };
  priceFen: number | null;
  /**
   * What the circulation rules (PR-1) required when it was proposed: the parties sign to these
   * conditions and protections. Absent in contracts proposed before the rules were consulted.
   */
  circulation?: Omit<CirculationVerdict, "originClass" | "grade" | "sensitivePersonal">;
  proposedAt: string;
}

export function encodeDocument(document: ContractDocument): { text: string; bytes: Buffer; sha256: string } {
  const text = canonicalize(document);
  if (text === undefined) throw new Error("contract document cannot be canonicalised");
  const bytes = Buffer.from(text, "utf8");
  return { text, bytes, sha256: sha256Hex(bytes) };
}

/** Whether two JWKs are the same key, whatever the order of their members. */
export const sameKey = (a: unknown, b: unknown): boolean =>
  a !== null && a !== undefined && canonicalize(a) === canonicalize(b);
