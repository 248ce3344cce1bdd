import type { AnyDb } from "../../kernel/db/database.js";
import { badRequest, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { DAY_MS, DEFAULT_NOTICE_DAYS, EVENTS } from "./registration.model.js";
import { findRegistration } from "./registration.repo.js";
import type { RegistrationRow } from "./registration.tables.js";
import { holderOwned, transition } from "./registration.transition.js";
export async function cancel(k: Kernel, actor: Actor, id: string, reason: string): Promise<RegistrationRow> {
  const why = reason?.trim();
  if (!why) throw badRequest("reason_required", "a reason is required", "reason");
  return k.transaction(async (trx) => {
    const row = await holderOwned(trx, actor, id);
    // Its rights and certificate end with it: reactions to registration.cancelled (src/flows/).
    return transition(k, trx, actor, row, "cancel", { cancel_reason: why }, { reason: why });
  });
}

/**
 * The exchange's formal review (形式审查) and what follows it. Who may review is declared at the
 * edge (exchange-operator reviewers); here: a reason is required, passing opens the public notice
 * for `noticeDays` by the injected clock, rejecting ends the registration.
 */
export interface RegistrationOptions {
  /** length of the public notice (公示期) in days; default YAOSU_REGISTRATION_NOTICE_DAYS (10) */
  noticeDays?: number;
}

async function reviewable(db: AnyDb, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(db, id);
  if (!row || row.status === "draft")
    throw notFound("registration_not_found", `no registration ${id} to review`);
  return row;
}

export async function startReview(k: Kernel, actor: Actor, id: string): Promise<RegistrationRow> {
  return k.transaction(async (trx) => {
    const row = await reviewable(trx, id);
    return transition(k, trx, actor, row, "start_review", { reviewed_by: actor.participantId ?? null });
  });
}

export async function review(
  k: Kernel,
  actor: Actor,
  id: string,
  decision: "pass" | "reject",
  reason: string,
  options: RegistrationOptions = {},
): Promise<RegistrationRow> {
  const why = reason?.trim();
  if (!why) throw badRequest("reason_required", "a reason is required", "reason");
  const days = options.noticeDays ?? DEFAULT_NOTICE_DAYS;
  return k.transaction(async (trx) => {
    const row = await reviewable(trx, id);
    const now = k.clock.now();
    const common = { review_reason: why, reviewed_by: actor.participantId ?? null };
    if (decision === "reject") {
      return transition(
        k,
        trx,
        actor,
        row,
        "reject_review",
        { ...common, decided_at: now.toISOString() },
        {
          stage: "formal_review",
          reason: why,
        },
      );
    }
    const endsAt = new Date(now.getTime() + days * DAY_MS).toISOString();
    const after = await transition(
      k,
      trx,
      actor,
      row,
      "pass_review",
      { ...common, notice_starts_at: now.toISOString(), notice_ends_at: endsAt },
      { reason: why },
    );
    await k.outbox.emit(trx, {
      type: EVENTS.noticeStarted,
      subjectIds: [id, row.holder_participant_id],
      actor,
      payload: { registrationId: id, startsAt: now.toISOString(), endsAt, days },
    });
    return after;
  });
}
