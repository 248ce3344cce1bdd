import type { ContractKind, ContractStatus, RightBasis, RightKind, RightStatus } from "./rights.model.js";

/** Rows as stored: times ISO-8601 UTC text, JSON as text, money in fen. Other modules' records by id. */
export interface RightRow {
  id: string;
  kind: RightKind;
  holder_participant_id: string;
  /** the registration (registration module) of the resource the right is on */
  resource_registration_id: string;
  basis: RightBasis;
  scope: string;
  term_start: string;
  term_end: string | null;
  parent_right_id: string | null;
  status: RightStatus;
  created_at: string;
}

/** A grant or transfer contract between the holder of a right (proposer) and a counterparty. */
export interface RightsContractRow {
  id: string;
  kind: ContractKind;
  status: ContractStatus;
  proposer_participant_id: string;
  counterparty_participant_id: string;
  source_right_id: string;
  resource_registration_id: string;
  right_kind: RightKind;
  scope: string;
  term_start: string;
  term_end: string | null;
  price_fen: number | null;
  /** the contract document, canonical JSON (RFC 8785), exactly the bytes both parties signed */
  document: string;
  document_sha256: string;
  proposer_public_jwk: string;
  proposer_signature: string;
  counterparty_public_jwk: string | null;
  counterparty_signature: string | null;
  /** the right the contract created (grant) or moved to the counterparty (transfer) */
  resulting_right_id: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
}

export interface RightsTables {
  rights: RightRow;
  rights_contracts: RightsContractRow;
}
