// Shapes of the exchange API (see /api/v1); kept in one place so features agree on them.

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

import type {
  ParticipantStatus,
  ParticipantType,
  Role,
  ServiceKind,
} from "../../../src/modules/identity/identity.model.js";

export interface PublicKeyJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

export interface Participant {
  id: string;
  type: ParticipantType;
  name: string;
  status: ParticipantStatus;
  uscc: string | null;
  residentIdMasked: string | null;
  region: string | null;
  contactEmail: string | null;
  serviceKinds: ServiceKind[];
  publicKeyJwk: PublicKeyJwk;
  statusReason: string | null;
  createdAt: string;
  admittedAt: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string | null;
  roles: Role[];
  participantId: string;
}

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
