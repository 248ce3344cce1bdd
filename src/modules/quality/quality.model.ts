/**
 * The data-quality loop on registered resources (SG-7, 数据质量可反馈、数据异议可处置). Any logged-in
 * participant but the holder files quality feedback (with a dimension) or an objection to the data
 * itself; the holder must respond within a deadline — accept with a planned fix, or dispute with
 * reasons; the filer then closes it or escalates it to the exchange operator and the regulator, who
 * close it with a decision and a reason.
 *
 *   open ──respond (holder)──▶ responded ──resolve (filer)──▶ resolved
 *     │                            └─────escalate (filer)──▶ escalated ──decide (overseer)──▶ decided
 *     ├─resolve (filer)──▶ resolved
 *     └─escalate (filer, once the holder is overdue)──▶ escalated
 */

export const FEEDBACK_KINDS = ["quality", "objection"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const QUALITY_DIMENSIONS = ["completeness", "accuracy", "timeliness", "consistency", "other"] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const FEEDBACK_STATUSES = ["open", "responded", "resolved", "escalated", "decided"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const RESPONSES = ["accept", "dispute"] as const;
export type FeedbackResponse = (typeof RESPONSES)[number];

export const DECISIONS = ["upheld", "dismissed"] as const;
export type FeedbackDecision = (typeof DECISIONS)[number];

export const TRANSITIONS = {
  respond: { from: ["open"], to: "responded", event: "quality.feedback_responded" },
  resolve: { from: ["open", "responded"], to: "resolved", event: "quality.feedback_resolved" },
  escalate: { from: ["open", "responded"], to: "escalated", event: "quality.feedback_escalated" },
  decide: { from: ["escalated"], to: "decided", event: "quality.feedback_decided" },
} as const satisfies Record<string, { from: readonly FeedbackStatus[]; to: FeedbackStatus; event: string }>;
export type FeedbackTransition = keyof typeof TRANSITIONS;

export const FILED_EVENT = "quality.feedback_filed";

export const DEFAULT_QUALITY_RESPONSE_DAYS = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The exchange operator and the regulator handle escalations and watch deadlines. */
export const OVERSEER_TYPES = ["exchange_operator", "regulator"];

/** Statuses the overseers see without being a party: what was escalated to them. */
export const ESCALATED_STATUSES: FeedbackStatus[] = ["escalated", "decided"];
