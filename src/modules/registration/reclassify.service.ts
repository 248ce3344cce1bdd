import { badRequest, conflict, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { EVENTS, type GRADES, type ORIGIN_CLASSES } from "./registration.model.js";
import { findRegistration, updateRegistration } from "./registration.repo.js";
import { checkConsistent } from "./registration.service.js";
import type { RegistrationRow } from "./registration.tables.js";

/**
 * Classification and grading under review (PR-1): the scan proposes, the holder confirms in its
 * draft, and an exchange reviewer may override class, grade and the sensitive-personal flag with
 * a reason while the registration is submitted or in formal review — before anyone relies on it.
 * The override and its reason stay on the registration and in the evidence log.
 */
export interface Reclassification {
  originClass: (typeof ORIGIN_CLASSES)[number];
  grade: (typeof GRADES)[number];
  sensitivePersonal: boolean;
  reason: string;
}

const REVIEWABLE = ["submitted", "in_review"] as const;

export async function reclassify(
  k: Kernel,
  actor: Actor,
  id: string,
  input: Reclassification,
): Promise<RegistrationRow> {
  const why = input.reason?.trim();
  if (!why) throw badRequest("reason_required", "say why the classification changes", "reason");
  return k.transaction(async (trx) => {
    const row = await findRegistration(trx, id);
    if (!row || row.status === "draft")
      throw notFound("registration_not_found", `no registration ${id} to review`);
    if (!(REVIEWABLE as readonly string[]).includes(row.status))
      throw conflict("not_under_review", `a ${row.status} registration cannot be reclassified`, "status");
    const changes = {
      origin_class: input.originClass,
      grade: input.grade,
      sensitive_personal: input.sensitivePersonal ? 1 : 0,
      reclassification_reason: why,
      reclassified_by: actor.participantId ?? null,
      updated_at: k.clock.now().toISOString(),
    };
    const after = { ...row, ...changes };
    checkConsistent(after);
    if (!(await updateRegistration(trx, id, REVIEWABLE, changes)))
      throw conflict("not_under_review", "the registration left review meanwhile; reload", "status");
    await k.outbox.emit(trx, {
      type: EVENTS.reclassified,
      subjectIds: [id, row.holder_participant_id],
      actor,
      payload: {
        registrationId: id,
        holderParticipantId: row.holder_participant_id,
        from: {
          originClass: row.origin_class,
          grade: row.grade,
          sensitivePersonal: row.sensitive_personal === 1,
        },
        to: {
          originClass: input.originClass,
          grade: input.grade,
          sensitivePersonal: input.sensitivePersonal,
        },
        reason: why,
      },
    });
    return after;
  });
}
