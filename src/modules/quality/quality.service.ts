import { sha256Hex } from "../../kernel/crypto/digest.js";
import type { AnyDb } from "../../kernel/db/database.js";
import { conflict, forbidden } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import {
  DAY_MS,
  type FeedbackDecision,
  type FeedbackKind,
  type FeedbackResponse,
  type FeedbackTransition,
  FILED_EVENT,
  type QualityDimension,
  TRANSITIONS,
} from "./quality.model.js";
import { isFiler, isHolder, isOverdue, visibleFeedback } from "./quality.present.js";
import { insertFeedback, updateFeedback } from "./quality.repo.js";
import type { FeedbackRow } from "./quality.tables.js";

/**
 * The rules of the quality loop (SG-7). Every change is one transaction with its outbox event;
 * events carry ids, kinds and SHA-256 of the free text (the text itself may name people).
 */
const participantOf = (actor: Actor): string => {
  if (!actor.participantId) throw forbidden("forbidden", "only a participant may do this");
  return actor.participantId;
};

export interface NewFeedback {
  registrationId: string;
  /** the registration's holder, as the filing flow read it */
  holderParticipantId: string;
  kind: FeedbackKind;
  dimension?: QualityDimension | undefined;
  text: string;
  evidence: string[];
}

export async function fileFeedback(k: Kernel, actor: Actor, input: NewFeedback): Promise<FeedbackRow> {
  const filer = participantOf(actor);
  if (filer === input.holderParticipantId)
    throw forbidden("holder_cannot_file", "the holder cannot file feedback on its own resource");
  const now = k.clock.now();
  const at = now.toISOString();
  const row: FeedbackRow = {
    id: k.newId("qualityFeedback"),
    registration_id: input.registrationId,
    holder_participant_id: input.holderParticipantId,
    filer_participant_id: filer,
    kind: input.kind,
    dimension: input.kind === "quality" ? (input.dimension ?? "other") : null,
    text: input.text,
    evidence: JSON.stringify(input.evidence),
    status: "open",
    response_deadline_at: new Date(now.getTime() + k.config.qualityResponseDays * DAY_MS).toISOString(),
    response: null,
    response_text: null,
    responded_at: null,
    escalated_at: null,
    decision: null,
    decision_reason: null,
    decided_by: null,
    closed_at: null,
    created_at: at,
    updated_at: at,
  };
  return k.transaction(async (trx) => {
    await insertFeedback(trx, row);
    await k.outbox.emit(trx, {
      type: FILED_EVENT,
      subjectIds: [row.id, row.registration_id, filer, row.holder_participant_id],
      actor,
      payload: {
        feedbackId: row.id,
        registrationId: row.registration_id,
        kind: row.kind,
        dimension: row.dimension,
        textSha256: sha256Hex(row.text),
        evidenceCount: input.evidence.length,
        responseDeadlineAt: row.response_deadline_at,
      },
    });
    return row;
  });
}

async function move(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  row: FeedbackRow,
  name: FeedbackTransition,
  changes: Partial<FeedbackRow>,
  payload: Record<string, unknown> = {},
): Promise<FeedbackRow> {
  const rule = TRANSITIONS[name];
  if (!(rule.from as readonly string[]).includes(row.status))
    throw conflict("invalid_transition", `cannot ${name} feedback that is ${row.status}`, "status");
  const set = { ...changes, status: rule.to, updated_at: k.clock.now().toISOString() };
  if (!(await updateFeedback(trx, row.id, rule.from, set)))
    throw conflict("invalid_transition", "the feedback changed meanwhile; reload and try again", "status");
  await k.outbox.emit(trx, {
    type: rule.event,
    subjectIds: [row.id, row.registration_id, row.filer_participant_id, row.holder_participant_id],
    actor,
    payload: { feedbackId: row.id, from: row.status, to: rule.to, ...payload },
  });
  return { ...row, ...set };
}

const viewerOf = (actor: Actor, participantType = "") => ({
  participantId: participantOf(actor),
  participantType,
});

/** The holder accepts (with the planned fix) or disputes (with reasons); late answers are still taken. */
export async function respond(k: Kernel, actor: Actor, id: string, response: FeedbackResponse, text: string) {
  return k.transaction(async (trx) => {
    const now = k.clock.now();
    const viewer = viewerOf(actor);
    const row = await visibleFeedback(trx, viewer, id, now);
    if (!isHolder(viewer, row)) throw forbidden("not_holder", "only the resource's holder responds");
    const changes = { response, response_text: text, responded_at: now.toISOString() };
    return move(k, trx, actor, row, "respond", changes, {
      response,
      textSha256: sha256Hex(text),
      late: now.toISOString() > row.response_deadline_at,
    });
  });
}

/** The filer is satisfied (any time before escalation). */
export async function resolve(k: Kernel, actor: Actor, id: string) {
  return k.transaction(async (trx) => {
    const now = k.clock.now();
    const viewer = viewerOf(actor);
    const row = await visibleFeedback(trx, viewer, id, now);
    if (!isFiler(viewer, row)) throw forbidden("not_filer", "only the filer closes its feedback");
    return move(k, trx, actor, row, "resolve", { closed_at: now.toISOString() });
  });
}

/** The filer escalates after the holder responded, or when the holder let the deadline pass. */
export async function escalate(k: Kernel, actor: Actor, id: string) {
  return k.transaction(async (trx) => {
    const now = k.clock.now();
    const viewer = viewerOf(actor);
    const row = await visibleFeedback(trx, viewer, id, now);
    if (!isFiler(viewer, row)) throw forbidden("not_filer", "only the filer escalates its feedback");
    if (row.status === "open" && !isOverdue(row, now))
      throw conflict(
        "awaiting_response",
        `the holder has until ${row.response_deadline_at} to respond; escalate after that`,
        "status",
      );
    return move(
      k,
      trx,
      actor,
      row,
      "escalate",
      { escalated_at: now.toISOString() },
      {
        holderOverdue: row.status === "open",
      },
    );
  });
}

/** The exchange operator or the regulator closes an escalation with a decision and a reason. */
export async function decide(
  k: Kernel,
  actor: Actor & { participantType: string },
  id: string,
  decision: FeedbackDecision,
  reason: string,
) {
  const { participantType, ...who } = actor;
  return k.transaction(async (trx) => {
    const now = k.clock.now();
    const row = await visibleFeedback(trx, viewerOf(who, participantType), id, now);
    const changes = {
      decision,
      decision_reason: reason,
      decided_by: participantOf(who),
      closed_at: now.toISOString(),
    };
    return move(k, trx, who, row, "decide", changes, { decision, reasonSha256: sha256Hex(reason) });
  });
}
