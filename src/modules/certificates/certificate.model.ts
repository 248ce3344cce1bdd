/** What a registration certificate is: a compact JWS (RFC 7515) signed by the exchange. */
export const CERTIFICATE_TYP = "yaosu-registration-certificate+jwt";
export const CERTIFICATE_ALG = "EdDSA";

export const EVENTS = {
  issued: "certificates.issued",
  revoked: "certificates.revoked",
  superseded: "certificates.superseded",
} as const;

/**
 * A certificate is valid while its registration stands as certified; a change registration
 * supersedes it (a new one certifies the new version); cancelling the registration revokes it.
 */
export const CERTIFICATE_STATUSES = ["valid", "superseded", "revoked"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Same shape as the registration module's numbers (YS-REG-YYYY-NNNNNN). */
export const CERTIFICATE_NUMBER_PATTERN = /^YS-REG-\d{4}-\d{6,}$/;

/** The signed claims. No personal data: the holder is named by participant id and name only. */
export interface CertificatePayload {
  iss: string;
  sub: string;
  iat: number;
  registrationNumber: string;
  registrationId: string;
  resourceName: string;
  holderParticipantId: string;
  holderName: string;
  originClass: string;
  grade: string;
  registeredAt: string;
  noticeStartsAt: string | null;
  noticeEndsAt: string | null;
  /** the registration's version: 1 when registered, +1 for each applied change registration */
  version: number;
}
