// The quality loop's vocabulary and shapes, taken from the server (pure constants and type-only
// imports: no server code is bundled), so the portal and the API cannot disagree.
import type { z } from "zod";
import type {
  decisionBody,
  feedbackSchema,
  fileBody,
  responseBody,
  summarySchema,
} from "../../../../src/modules/quality/quality.schema.js";

export {
  DECISIONS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  type FeedbackKind,
  type FeedbackStatus,
  QUALITY_DIMENSIONS,
  type QualityDimension,
  RESPONSES,
} from "../../../../src/modules/quality/quality.model.js";

export type Feedback = z.infer<typeof feedbackSchema>;
export type QualitySummary = z.infer<typeof summarySchema>;
export type FileBody = z.input<typeof fileBody>;
export type ResponseBody = z.infer<typeof responseBody>;
export type DecisionBody = z.infer<typeof decisionBody>;

/** Registration ids as the API spells them (reg_ + ULID). */
export const REGISTRATION_ID = /^reg_[0-9A-HJKMNP-TV-Z]{26}$/;

/** Evidence references typed one per line: trimmed, blanks dropped, at most 20 (the API's limit). */
export const evidenceLines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20);
