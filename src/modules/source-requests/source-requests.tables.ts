import type { CopyFormat, IdentifierKind, SourceRequestStatus } from "./source-requests.model.js";

/**
 * Rows as stored; times ISO-8601 UTC text. The identifier is never stored in clear: a keyed hash
 * (HMAC, `pii-hash` subkey) and a mask, and the value itself only sealed (AES-256-GCM, bound to the
 * request id) until the request closes, when `identifier_sealed` is wiped. The copy is sealed too.
 */
export interface SourceRequestRow {
  id: string;
  registration_id: string;
  holder_participant_id: string;
  requester_participant_id: string;
  identifier_kind: IdentifierKind;
  identifier_hash: string;
  identifier_masked: string;
  /** 0/1: the exchange checked the identifier against the requester's admitted identity */
  identifier_verified: number;
  /** null once the request is closed */
  identifier_sealed: string | null;
  note: string | null;
  status: SourceRequestStatus;
  deadline_at: string;
  refusal_reason: string | null;
  answered_by: string | null;
  answered_at: string | null;
  copy_format: CopyFormat | null;
  copy_rows: number | null;
  copy_bytes: number | null;
  copy_sha256: string | null;
  copy_sealed: string | null;
  created_at: string;
  updated_at: string;
}

export interface SourceRequestTables {
  source_requests: SourceRequestRow;
}
