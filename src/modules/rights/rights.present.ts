import type { PublicJwk } from "../../kernel/crypto/ed25519.js";
import type { RightRow, RightsContractRow } from "./rights.tables.js";

/** Rows → API answers. */
export const presentRight = (r: RightRow) => ({
  id: r.id,
  kind: r.kind,
  holderParticipantId: r.holder_participant_id,
  resourceRegistrationId: r.resource_registration_id,
  basis: r.basis,
  scope: r.scope,
  termStart: r.term_start,
  termEnd: r.term_end,
  parentRightId: r.parent_right_id,
  status: r.status,
  createdAt: r.created_at,
});

const signature = (participantId: string, jwk: string | null, value: string | null) =>
  jwk === null || value === null
    ? null
    : { participantId, publicKeyJwk: JSON.parse(jwk) as PublicJwk, signature: value };

/**
 * A contract with everything needed to check it offline: the signed document (canonical JSON,
 * RFC 8785, parsed), its SHA-256, and each party's Ed25519 signature (base64url) with its public JWK.
 */
export const presentContract = (c: RightsContractRow) => ({
  id: c.id,
  kind: c.kind,
  status: c.status,
  proposerParticipantId: c.proposer_participant_id,
  counterpartyParticipantId: c.counterparty_participant_id,
  sourceRightId: c.source_right_id,
  resourceRegistrationId: c.resource_registration_id,
  rightKind: c.right_kind,
  scope: c.scope,
  termStart: c.term_start,
  termEnd: c.term_end,
  priceFen: c.price_fen === null ? null : Number(c.price_fen),
  resultingRightId: c.resulting_right_id,
  reason: c.reason,
  document: JSON.parse(c.document) as Record<string, unknown>,
  documentSha256: c.document_sha256,
  signatures: {
    holder: signature(c.proposer_participant_id, c.proposer_public_jwk, c.proposer_signature),
    counterparty: signature(
      c.counterparty_participant_id,
      c.counterparty_public_jwk,
      c.counterparty_signature,
    ),
  },
  createdAt: c.created_at,
  decidedAt: c.decided_at,
});
