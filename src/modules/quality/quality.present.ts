import type { AnyDb } from "../../kernel/db/database.js";
import { notFound } from "../../kernel/errors.js";
import type { Principal } from "../../kernel/http/access.js";
import { ESCALATED_STATUSES, OVERSEER_TYPES } from "./quality.model.js";
import { findFeedback } from "./quality.repo.js";
import type { FeedbackRow } from "./quality.tables.js";

/**
 * Who sees an item: the filer and the holder always; the exchange operator and the regulator once
 * it is escalated to them or the holder is overdue. To anyone else it does not exist (404); the
 * public sees only counts per resource.
 */
export type Viewer = Pick<Principal, "participantId" | "participantType"> | null;

export const isOverseer = (v: Viewer) => !!v && OVERSEER_TYPES.includes(v.participantType);
export const isFiler = (v: Viewer, r: FeedbackRow) => v?.participantId === r.filer_participant_id;
export const isHolder = (v: Viewer, r: FeedbackRow) => v?.participantId === r.holder_participant_id;
export const isOverdue = (r: FeedbackRow, now: Date) =>
  r.status === "open" && now.toISOString() > r.response_deadline_at;

export const canSee = (v: Viewer, r: FeedbackRow, now: Date) =>
  isFiler(v, r) ||
  isHolder(v, r) ||
  (isOverseer(v) && (ESCALATED_STATUSES.includes(r.status) || isOverdue(r, now)));

export async function visibleFeedback(db: AnyDb, v: Viewer, id: string, now: Date): Promise<FeedbackRow> {
  const row = await findFeedback(db, id);
  if (!row || !canSee(v, row, now)) throw notFound("feedback_not_found", `no quality feedback ${id}`);
  return row;
}

export function presentFeedback(r: FeedbackRow, now: Date) {
  return {
    id: r.id,
    registrationId: r.registration_id,
    holderParticipantId: r.holder_participant_id,
    filerParticipantId: r.filer_participant_id,
    kind: r.kind,
    dimension: r.dimension,
    text: r.text,
    evidence: JSON.parse(r.evidence) as string[],
    status: r.status,
    responseDeadlineAt: r.response_deadline_at,
    overdue: isOverdue(r, now),
    response: r.response,
    responseText: r.response_text,
    respondedAt: r.responded_at,
    respondedLate: r.responded_at !== null && r.responded_at > r.response_deadline_at,
    escalatedAt: r.escalated_at,
    decision: r.decision,
    decisionReason: r.decision_reason,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
