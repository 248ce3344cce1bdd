import type { AnyDb } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { EVENTS } from "./registration.model.js";
import { canSee, type Viewer } from "./registration.present.js";
import { findRegistration, reassignHolder } from "./registration.repo.js";

/**
 * What other modules may ask of registrations, through flows: whether a viewer may see one (the
 * rights on it are as visible as it is), and moving the registrations of a participant to its
 * successor (PR-4), inside the succession's transaction, with one event naming what moved.
 */
export async function isRegistrationVisible(db: AnyDb, viewer: Viewer, id: string): Promise<boolean> {
  const row = await findRegistration(db, id);
  return !!row && canSee(viewer, row);
}

/** Moves every registration `from` holds (or only `registrationIds` among them) to `to`. */
export async function moveHolder(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  from: string,
  to: string,
  registrationIds?: readonly string[],
): Promise<string[]> {
  const moved = await reassignHolder(trx, from, to, k.clock.now().toISOString(), registrationIds);
  if (moved.length > 0)
    await k.outbox.emit(trx, {
      type: EVENTS.holderMoved,
      subjectIds: [...moved, from, to],
      actor,
      payload: { registrationIds: moved, fromParticipantId: from, toParticipantId: to },
    });
  return moved;
}
