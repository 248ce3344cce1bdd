import type { Principal } from "../../kernel/http/access.js";
import type { ParticipantRow } from "./identity.tables.js";
import { type Participant, presentParticipant } from "./participants.service.js";

/**
 * What of a participant others may see. The participant itself, the exchange operator and the
 * regulator see everything; anyone else sees the public profile of an admitted participant:
 * type, status, USCC, service kinds and public key — not contacts, and for individuals not
 * even the name (personal information, PR-8).
 */
export const isOverseer = (p: Principal | null) =>
  p?.participantType === "exchange_operator" || p?.participantType === "regulator";

export function canSeeParticipant(viewer: Principal | null, row: ParticipantRow): boolean {
  return (
    viewer?.participantId === row.id ||
    isOverseer(viewer) ||
    row.status === "admitted" ||
    row.status === "suspended"
  );
}

export function participantFor(viewer: Principal | null, row: ParticipantRow): Participant {
  const full = presentParticipant(row);
  if (viewer?.participantId === row.id || isOverseer(viewer)) return full;
  return {
    ...full,
    name: row.type === "individual" ? "—" : full.name,
    residentIdMasked: null,
    contactEmail: null,
    contactPhone: null,
    statusReason: null,
  };
}
