import { hashPassword } from "../../kernel/crypto/password.js";
import type { AnyDb } from "../../kernel/db/database.js";
import { AppError, badRequest, conflict } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { TRANSITIONS, type Transition } from "./identity.model.js";
import type { ParticipantRow, UserRow } from "./identity.tables.js";
import { moveStatus } from "./participants.repo.js";
import { createParticipant, getParticipant, type NewParticipant } from "./participants.service.js";
import { revokeUserSessions } from "./sessions.repo.js";
import { listUsers } from "./users.repo.js";
import { createUser } from "./users.service.js";

/**
 * Admission and exit of market participants (SG-12): anyone may apply; the exchange operator
 * admits or rejects with a reason; an admitted participant can be suspended, reinstated, or
 * exit. Only admitted participants can act (enforced at authentication).
 */
export interface AdmissionApplication extends NewParticipant {
  admin: { username: string; password: string; displayName?: string | undefined };
}

export async function applyForAdmission(
  k: Kernel,
  application: AdmissionApplication,
): Promise<{ participant: ParticipantRow; user: UserRow }> {
  if (application.type === "exchange_operator") {
    throw badRequest(
      "type_not_applicable",
      "the exchange operator is set up by the operator itself, not by application",
      "type",
    );
  }
  const passwordHash = await hashPassword(application.admin.password);
  return k.transaction(async (trx) => {
    const participant = await createParticipant(k, trx, application, "pending", null);
    const user = await createUserAs("admin.username", () =>
      createUser(
        k,
        trx,
        {
          participantId: participant.id,
          username: application.admin.username,
          passwordHash,
          displayName: application.admin.displayName,
          roles: ["admin"],
        },
        { participantId: participant.id },
      ),
    );
    return { participant, user };
  });
}

/** Names the field as the applicant's form knows it ("admin.username"), not the user record's. */
async function createUserAs<T>(field: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof AppError && error.field === "username")
      throw new AppError(error.status, error.code, error.message, field);
    throw error;
  }
}

/** Reasons are required for everything but admission, and recorded in the status and the evidence. */
export async function transitionParticipant(
  k: Kernel,
  actor: Actor,
  participantId: string,
  transition: Transition,
  reason: string | null,
): Promise<ParticipantRow> {
  return k.transaction((trx) => transitionParticipantIn(k, trx, actor, participantId, transition, reason));
}

/** The same, inside a caller's transaction (a succession exits the predecessor with its other moves). */
export async function transitionParticipantIn(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  participantId: string,
  transition: Transition,
  reason: string | null,
): Promise<ParticipantRow> {
  const rule = TRANSITIONS[transition];
  if (!rule) throw badRequest("unknown_transition", `unknown transition ${transition}`);
  if (transition !== "admit" && !reason?.trim())
    throw badRequest("reason_required", "a reason is required", "reason");
  const before = await getParticipant(trx, participantId);
  const at = k.clock.now().toISOString();
  const moved = await moveStatus(trx, participantId, rule.from, {
    status: rule.to,
    reason: reason?.trim() || null,
    at,
    ...(transition === "admit" ? { admittedAt: at } : {}),
  });
  if (!moved) {
    throw conflict("invalid_state", `cannot ${transition} a participant that is ${before.status}`, "status");
  }
  if (rule.to === "suspended" || rule.to === "exited") {
    // A suspended or departed participant's sessions end now, not when their tokens expire.
    for (const user of await listUsers(trx, participantId)) await revokeUserSessions(trx, user.id, at);
  }
  await k.outbox.emit(trx, {
    type: rule.event,
    subjectIds: [participantId],
    actor,
    payload: { participantId, from: before.status, to: rule.to, reason: reason?.trim() || null },
  });
  return getParticipant(trx, participantId);
}
