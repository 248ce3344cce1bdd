import type { ParticipantStatus, ParticipantType } from "./identity.model.js";

/** Rows as stored. JSON columns are text so SQLite and PostgreSQL store them the same way. */
export interface ParticipantRow {
  id: string;
  type: ParticipantType;
  name: string;
  status: ParticipantStatus;
  uscc: string | null;
  /** HMAC of the resident ID number — never the number itself (PII minimisation) */
  resident_id_hash: string | null;
  resident_id_masked: string | null;
  region: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  service_kinds: string;
  public_key_jwk: string;
  /** PKCS#8 Ed25519 private key sealed with AES-256-GCM under the master key */
  private_key_sealed: string;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  admitted_at: string | null;
}

export interface UserRow {
  id: string;
  participant_id: string;
  username: string;
  display_name: string | null;
  password_hash: string;
  roles: string;
  status: "active" | "disabled";
  created_at: string;
}

/**
 * A login session. Both tokens are random and stored only as keyed hashes: the access token is
 * short-lived and checked on every request; the refresh token rotates the session.
 */
export interface SessionRow {
  id: string;
  user_id: string;
  access_token_hash: string;
  access_expires_at: string;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface ApiKeyRow {
  id: string;
  participant_id: string;
  name: string;
  key_hash: string;
  scopes: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface IdentityTables {
  participants: ParticipantRow;
  users: UserRow;
  sessions: SessionRow;
  api_keys: ApiKeyRow;
}
