import type { AnyDb } from "../kernel/db/database.js";
import { badRequest, conflict, isAppError } from "../kernel/errors.js";
import type { Kernel } from "../kernel/kernel.js";
import type { Actor } from "../kernel/outbox.js";
import { getParticipant, transitionParticipantIn } from "../modules/identity/index.js";
import { activeRightsHeldBy } from "../modules/rights/index.js";
import {
  type ObligationMover,
  obligationMovers,
  type SuccessionContext,
  type SuccessionEvent,
} from "./succession-movers.js";

/**
 * Succession (PR-4): when a participant merges, splits, dissolves or goes bankrupt, its rights and
 * obligations move to its successors in ONE evidenced operation — every obligation mover (see
 * succession-movers.ts), then the predecessor's exit, then one `succession.completed` event listing
 * what moved, all in one transaction: a failure anywhere changes nothing.
 */
export interface SuccessionInput {
  event: SuccessionEvent;
  successors: string[];
  /** split: right id → successor; rights not listed go to the first successor */
  allocation?: Record<string, string> | undefined;
  reason: string;
}

export interface SuccessionResult {
  successionId: string;
  event: SuccessionEvent;
  predecessorParticipantId: string;
  successorParticipantIds: string[];
  moved: Record<string, unknown[]>;
  completedAt: string;
}

function checkShape(predecessorId: string, input: SuccessionInput): string {
  const reason = input.reason?.trim();
  if (!reason) throw badRequest("reason_required", "a reason is required", "reason");
  const { successors, event } = input;
  if (successors.length === 0)
    throw badRequest("successors_required", "name at least one successor", "successors");
  if (new Set(successors).size !== successors.length)
    throw badRequest("successors_repeated", "each successor once", "successors");
  if (successors.includes(predecessorId))
    throw badRequest("successor_is_predecessor", "a participant cannot succeed itself", "successors");
  if (event === "merger" && successors.length !== 1)
    throw badRequest("merger_one_successor", "a merger has exactly one successor", "successors");
  if (event === "split" && successors.length < 2)
    throw badRequest("split_two_successors", "a split has at least two successors", "successors");
  if (event !== "split" && Object.keys(input.allocation ?? {}).length > 0)
    throw badRequest(
      "allocation_only_for_split",
      "only a split allocates rights among successors",
      "allocation",
    );
  return reason;
}

async function participant(trx: AnyDb, id: string, field: string) {
  return getParticipant(trx, id).catch((error: unknown) => {
    if (isAppError(error) && error.status === 404)
      throw badRequest("participant_not_found", `no participant ${id}`, field);
    throw error;
  });
}

async function checkParties(trx: AnyDb, predecessorId: string, input: SuccessionInput): Promise<void> {
  const predecessor = await getParticipant(trx, predecessorId);
  if (predecessor.status !== "admitted" && predecessor.status !== "suspended")
    throw conflict("predecessor_not_active", `the predecessor is ${predecessor.status}`, "status");
  for (const [i, id] of input.successors.entries()) {
    const successor = await participant(trx, id, `successors.${i}`);
    if (successor.status !== "admitted")
      throw conflict("successor_not_admitted", `successor ${id} is ${successor.status}`, `successors.${i}`);
  }
  const held = new Set((await activeRightsHeldBy(trx, predecessorId)).map((r) => r.id));
  for (const [rightId, to] of Object.entries(input.allocation ?? {})) {
    if (!held.has(rightId))
      throw badRequest(
        "allocation_unknown_right",
        `${rightId} is not an active right of the predecessor`,
        `allocation.${rightId}`,
      );
    if (!input.successors.includes(to))
      throw badRequest(
        "allocation_not_successor",
        `${to} is not one of the successors`,
        `allocation.${rightId}`,
      );
  }
}

export async function completeSuccession(
  k: Kernel,
  actor: Actor,
  predecessorId: string,
  input: SuccessionInput,
  movers: readonly ObligationMover[] = obligationMovers,
): Promise<SuccessionResult> {
  const reason = checkShape(predecessorId, input);
  return k.transaction(async (trx) => {
    await checkParties(trx, predecessorId, input);
    const ctx: SuccessionContext = {
      successionId: k.newId("succession"),
      event: input.event,
      predecessorId,
      successors: input.successors,
      reason,
      actor,
      allocation: new Map(Object.entries(input.allocation ?? {})),
      moved: {},
    };
    for (const mover of movers) ctx.moved[mover.name] = await mover.move(k, trx, ctx);
    await transitionParticipantIn(k, trx, actor, predecessorId, "exit", `${input.event}: ${reason}`);
    const result: SuccessionResult = {
      successionId: ctx.successionId,
      event: input.event,
      predecessorParticipantId: predecessorId,
      successorParticipantIds: [...input.successors],
      moved: ctx.moved,
      completedAt: k.clock.now().toISOString(),
    };
    await k.outbox.emit(trx, {
      type: "succession.completed",
      subjectIds: [ctx.successionId, predecessorId, ...input.successors],
      actor,
      payload: { ...result, reason },
    });
    return result;
  });
}
