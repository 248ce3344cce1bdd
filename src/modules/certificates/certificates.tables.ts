/** The certificates module's own storage. */
export interface CertificateKeyRow {
  /** the exchange's log origin: one certificate key per exchange */
  origin: string;
  kid: string;
  /** the public JWK (RFC 8037), JSON text */
  public_jwk: string;
  /** the PKCS#8 private key, sealed under the master key */
  private_key_sealed: string;
  created_at: string;
}

export interface CertificateRow {
  /** the registration number the certificate attests */
  number: string;
  registration_id: string;
  /** the compact JWS, exactly as served every time */
  jws: string;
  issued_at: string;
}

/** Why and when a certificate stopped attesting a registration (it was cancelled). */
export interface CertificateRevocationRow {
  number: string;
  registration_id: string;
  reason: string;
  revoked_at: string;
}

/** A certificate of an earlier version of a registration, replaced after a change registration. */
export interface SupersededCertificateRow {
  number: string;
  version: number;
  registration_id: string;
  jws: string;
  issued_at: string;
  superseded_at: string;
}

/**
 * Read-only views of other modules' tables: only the columns a certificate states. Modules do not
 * import each other, so the shapes are declared here; nothing in this module writes to them.
 */
export interface RegistrationView {
  id: string;
  status: string;
  registration_number: string | null;
  holder_participant_id: string;
  name: string;
  origin_class: string;
  grade: string;
  notice_starts_at: string | null;
  notice_ends_at: string | null;
  decided_at: string | null;
  /** 1 when registered, +1 for every applied change registration */
  version: number;
}

export interface ParticipantView {
  id: string;
  name: string;
}

export interface CertificateTables {
  certificate_keys: CertificateKeyRow;
  certificates: CertificateRow;
  certificate_revocations: CertificateRevocationRow;
  superseded_certificates: SupersededCertificateRow;
  registrations: RegistrationView;
  participants: ParticipantView;
}
