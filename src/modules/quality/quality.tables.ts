import type {
  FeedbackDecision,
  FeedbackKind,
  FeedbackResponse,
  FeedbackStatus,
  QualityDimension,
} from "./quality.model.js";

/** Rows as stored: evidence references as JSON text, times ISO-8601 UTC text. */
export interface FeedbackRow {
  id: string;
  registration_id: string;
  holder_participant_id: string;
  filer_participant_id: string;
  kind: FeedbackKind;
  /** null for objections */
  dimension: QualityDimension | null;
  text: string;
  evidence: string;
  status: FeedbackStatus;
  response_deadline_at: string;
  response: FeedbackResponse | null;
  /** the planned fix (accept) or the reasons (dispute) */
  response_text: string | null;
  responded_at: string | null;
  escalated_at: string | null;
  decision: FeedbackDecision | null;
  decision_reason: string | null;
  decided_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface QualityTables {
  quality_feedback: FeedbackRow;
}
