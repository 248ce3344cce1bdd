/**
 * The three rights (三权分置, PR-2) and how they move (PR-4, PR-3 "transfers are filed"): the
 * resource holding right (数据资源持有权), the processing-and-use right (数据加工使用权) and the
 * product operation right (数据产品经营权) are separate records, each with a holder, a basis, a
 * scope, a term and the right it derives from. Registration of a resource creates the holding
 * right; contracts signed by both parties grant derived rights or transfer a right; a succession
 * (merger, split, dissolution, bankruptcy) moves every right of a participant to its successors.
 */

export const RIGHT_KINDS = ["holding", "processing_use", "product_operation"] as const;
export type RightKind = (typeof RIGHT_KINDS)[number];

/** original (registration) · grant (derived by contract) · authorisation · contract (transfer) · succession */
export const RIGHT_BASES = ["original", "grant", "authorisation", "contract", "succession"] as const;
export type RightBasis = (typeof RIGHT_BASES)[number];

/** active → transferred (by contract or succession) | revoked (its registration was cancelled) */
export const RIGHT_STATUSES = ["active", "transferred", "revoked"] as const;
export type RightStatus = (typeof RIGHT_STATUSES)[number];

/**
 * What a right may be the source of in a grant: a holder grants processing-and-use or product
 * operation; a processor grants the operation of what it makes; an operating right grants nothing
 * further (it can still be transferred as a whole).
 */
export const GRANTABLE: Record<RightKind, readonly RightKind[]> = {
  holding: ["processing_use", "product_operation"],
  processing_use: ["product_operation"],
  product_operation: [],
};

/** grant: a derived right for the counterparty, the source stays; transfer: the right itself moves. */
export const CONTRACT_KINDS = ["grant", "transfer"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** proposed → signed (both signatures; the right moves in the same transaction) | declined | withdrawn */
export const CONTRACT_STATUSES = ["proposed", "signed", "declined", "withdrawn"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const EVENTS = {
  rightCreated: "rights.created",
  rightsRevoked: "rights.revoked",
  rightTransferred: "rights.transferred",
  contractProposed: "rights.contract_proposed",
  contractSigned: "rights.contract_signed",
  contractDeclined: "rights.contract_declined",
  contractWithdrawn: "rights.contract_withdrawn",
} as const;

/** The exchange operator and the regulator oversee every right and contract. */
export const OVERSEER_TYPES = ["exchange_operator", "regulator"];

/** The `type` of a contract document: what a verifier expects to find. */
export const CONTRACT_DOCUMENT_TYPE = "yaosu.rights-contract";
