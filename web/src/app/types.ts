// Shapes of the exchange API (see /api/v1); kept in one place so features agree on them.

// The answers' shapes are the server's own types (type-only imports: no server code is bundled).
export type { PublicJwk as PublicKeyJwk } from "../../../src/kernel/crypto/ed25519.js";
// The vocabulary of participants is the server's own (pure constants, no server code comes along),
// so the portal's forms and the API can never disagree on a type, kind, status or role.
export {
  APPLICABLE_TYPES,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  type ParticipantStatus,
  type ParticipantType,
  ROLES,
  type Role,
  SERVICE_KINDS,
  type ServiceKind,
} from "../../../src/modules/identity/identity.model.js";

export type { Participant } from "../../../src/modules/identity/participants.service.js";
export type { User } from "../../../src/modules/identity/users.service.js";

import type { Participant } from "../../../src/modules/identity/participants.service.js";
import type { User } from "../../../src/modules/identity/users.service.js";

export interface LoginResponse {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshToken: string;
  user: User;
  participant: Participant;
}

export interface MeResponse {
  participant: Participant;
  user: User;
}

export function isOperator(participant: Participant | null | undefined): boolean {
  return participant?.type === "exchange_operator";
}
