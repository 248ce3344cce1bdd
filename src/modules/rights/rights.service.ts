import type { AnyDb } from "../../kernel/db/database.js";
import { conflict } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { EVENTS, type RightBasis } from "./rights.model.js";
import { activeRightsOf, endActiveRight, insertRight, revokeActiveRightsOn } from "./rights.repo.js";
import type { RightRow } from "./rights.tables.js";

/**
 * Rights as records (PR-2) and their moves (PR-4), each with its event in the caller's transaction.
 * These take a `trx`: they run inside a registration's close (via a reaction), a contract's
 * signature or a succession, never on their own.
 */

/** The holder's holding right (数据资源持有权, basis original) on a newly registered resource (PR-2, PR-3). */
export async function createHoldingRight(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  input: { registrationId: string; holderParticipantId: string; registrationNumber: string },
): Promise<RightRow> {
  const at = k.clock.now().toISOString();
  const right: RightRow = {
    id: k.newId("right"),
    kind: "holding",
    holder_participant_id: input.holderParticipantId,
    resource_registration_id: input.registrationId,
    basis: "original",
    scope: `holding of the registered resource ${input.registrationNumber}`,
    term_start: at,
    term_end: null,
    parent_right_id: null,
    status: "active",
    created_at: at,
  };
  await insertRight(trx, right);
  await emitCreated(k, trx, actor, right);
  return right;
}

export async function emitCreated(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  right: RightRow,
): Promise<void> {
  await k.outbox.emit(trx, {
    type: EVENTS.rightCreated,
    subjectIds: [right.id, right.resource_registration_id, right.holder_participant_id],
    actor,
    payload: {
      rightId: right.id,
      kind: right.kind,
      basis: right.basis,
      registrationId: right.resource_registration_id,
      holderParticipantId: right.holder_participant_id,
      parentRightId: right.parent_right_id,
    },
  });
}

/** A cancelled registration takes its rights with it: every active right on it is revoked. */
export async function revokeRightsOn(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  registrationId: string,
  reason: string,
): Promise<string[]> {
  const revoked = await revokeActiveRightsOn(trx, registrationId);
  if (revoked.length > 0)
    await k.outbox.emit(trx, {
      type: EVENTS.rightsRevoked,
      subjectIds: [registrationId, ...revoked],
      actor,
      payload: { registrationId, rightIds: revoked, reason },
    });
  return revoked;
}

/**
 * Moves an active right to a new holder: the old record becomes `transferred` (guarded — of two
 * racing moves only one wins, the other is a 409), a new record with the same kind, scope and term
 * names the new holder, with `basis` and the old one as parent. Filed as `rights.transferred`
 * (流转备案, PR-3).
 */
export async function moveRight(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  right: RightRow,
  to: string,
  basis: Extract<RightBasis, "contract" | "succession">,
  cause: { contractId?: string; successionId?: string },
): Promise<RightRow> {
  if (!(await endActiveRight(trx, right.id, "transferred")))
    throw conflict("right_not_active", `right ${right.id} is no longer active`, "rightId");
  const at = k.clock.now().toISOString();
  const moved: RightRow = {
    ...right,
    id: k.newId("right"),
    holder_participant_id: to,
    basis,
    parent_right_id: right.id,
    status: "active",
    created_at: at,
  };
  await insertRight(trx, moved);
  await k.outbox.emit(trx, {
    type: EVENTS.rightTransferred,
    subjectIds: [right.id, moved.id, right.resource_registration_id, right.holder_participant_id, to],
    actor,
    payload: {
      fromRightId: right.id,
      toRightId: moved.id,
      kind: right.kind,
      registrationId: right.resource_registration_id,
      fromParticipantId: right.holder_participant_id,
      toParticipantId: to,
      basis,
      ...cause,
    },
  });
  return moved;
}

/** A predecessor's active rights, for a succession to allocate. */
export const activeRightsHeldBy = (db: AnyDb, participantId: string) => activeRightsOf(db, participantId);
