import type { AnyDb } from "../../kernel/db/database.js";
import { conflict, forbidden, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { type RegistrationTransition, TRANSITIONS } from "./registration.model.js";
import { canSee, type Viewer } from "./registration.present.js";
import { findRegistration, updateRegistration } from "./registration.repo.js";
import type { RegistrationRow } from "./registration.tables.js";

/** Shared steps of the registration services: who is acting, what they may touch, guarded transitions. */
export const participantOf = (actor: Actor): string => {
  if (!actor.participantId) throw forbidden("forbidden", "only a participant may do this");
  return actor.participantId;
};

/** The registration if `viewer` may see it; 404 otherwise, so hidden drafts do not leak. */
export async function visibleRegistration(db: AnyDb, viewer: Viewer, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(db, id);
  if (!row || !canSee(viewer, row)) throw notFound("registration_not_found", `no registration ${id}`);
  return row;
}

export async function holderOwned(db: AnyDb, actor: Actor, id: string): Promise<RegistrationRow> {
  const participantId = participantOf(actor);
  const row = await findRegistration(db, id);
  if (!row) throw notFound("registration_not_found", `no registration ${id}`);
  if (row.holder_participant_id !== participantId) {
    // a draft of someone else does not exist for the caller; a public one is simply not theirs
    if (row.status === "draft" || row.status === "submitted" || row.status === "in_review")
      throw notFound("registration_not_found", `no registration ${id}`);
    throw forbidden("not_holder", "only the holder may do this");
  }
  return row;
}

/** Moves a registration along a named transition, guarded, with its event. */
export async function transition(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  row: RegistrationRow,
  name: RegistrationTransition,
  changes: Partial<RegistrationRow> = {},
  payload: Record<string, unknown> = {},
): Promise<RegistrationRow> {
  const rule = TRANSITIONS[name];
  if (!(rule.from as readonly string[]).includes(row.status))
    throw conflict(
      "invalid_transition",
      `cannot ${name.replace(/_/g, " ")} a registration that is ${row.status}`,
      "status",
    );
  const set = { ...changes, status: rule.to, updated_at: k.clock.now().toISOString() };
  if (!(await updateRegistration(trx, row.id, rule.from, set)))
    throw conflict(
      "invalid_transition",
      "the registration changed meanwhile; reload and try again",
      "status",
    );
  await k.outbox.emit(trx, {
    type: rule.event,
    subjectIds: [row.id, row.holder_participant_id],
    actor,
    payload: {
      registrationId: row.id,
      holderParticipantId: row.holder_participant_id,
      from: row.status,
      to: rule.to,
      ...payload,
    },
  });
  return { ...row, ...set };
}
