import type { ObjectionStatus, RegistrationKind, RegistrationStatus } from "./registration.model.js";

/**
 * Rows as stored. Lists and small structures (fields, keywords, quality, contact, evidence) are
 * JSON text so SQLite and PostgreSQL store them alike; flags are 0/1; times ISO-8601 UTC text.
 */
export interface RegistrationRow {
  id: string;
  status: RegistrationStatus;
  /** initial registration or change registration (变更登记) */
  kind: RegistrationKind;
  /** for a change: the registration it changes */
  amends_registration_id: string | null;
  change_reason: string | null;
  /** of a registered resource: 1, +1 per applied change; of a change: the version it would make */
  version: number;
  /** a reviewer's override of the holder's classification (PR-1), and why */
  reclassification_reason: string | null;
  reclassified_by: string | null;
  registration_number: string | null;
  holder_participant_id: string;
  name: string;
  description: string | null;
  /** for public data: the source unit (数源单位) and its catalog code (目录编码) */
  source_unit: string | null;
  catalog_code: string | null;
  legal_basis: string | null;
  legal_basis_note: string | null;
  collection_method: string | null;
  dataset_id: string | null;
  fields: string;
  volume_rows: number | null;
  volume_bytes: number | null;
  format: string | null;
  update_frequency: string | null;
  time_from: string | null;
  time_to: string | null;
  spatial_coverage: string | null;
  origin_class: string;
  grade: string;
  sensitive_personal: number;
  industry: string | null;
  keywords: string;
  quality: string;
  contact: string;
  review_reason: string | null;
  reviewed_by: string | null;
  notice_starts_at: string | null;
  notice_ends_at: string | null;
  decided_at: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ObjectionRow {
  id: string;
  registration_id: string;
  objector_participant_id: string;
  reasons: string;
  evidence: string;
  status: ObjectionStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** One counter per year: registration numbers are unique across the database. */
export interface RegistrationSequenceRow {
  year: number;
  last: number;
}

export interface RegistrationTables {
  registrations: RegistrationRow;
  registration_objections: ObjectionRow;
  registration_sequences: RegistrationSequenceRow;
}
