// Shapes of the exchange API (see /api/v1); kept in one place so features agree on them.

export const PARTICIPANT_TYPES = [
  "government_body",
  "public_institution",
  "enterprise",
  "individual",
  "data_vendor",
  "third_party",
  "exchange_operator",
  "regulator",
] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

/** Types a newcomer may apply as: the exchange operator is set up by the exchange itself. */
export const APPLICABLE_TYPES = PARTICIPANT_TYPES.filter((t) => t !== "exchange_operator");

export const SERVICE_KINDS = [
  "notary",
  "auditor",
  "asset_assessor",
  "arbitrator",
  "insurer",
  "custodian",
  "broker",
  "compliance_certifier",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const PARTICIPANT_STATUSES = ["pending", "admitted", "rejected", "suspended", "exited"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const ROLES = ["admin", "reviewer", "member"] as const;
export type Role = (typeof ROLES)[number];

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
