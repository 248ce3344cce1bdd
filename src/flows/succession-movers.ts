import type { AnyDb } from "../kernel/db/database.js";
import type { Kernel } from "../kernel/kernel.js";
import type { Actor } from "../kernel/outbox.js";
import { reassignOpenFeedback } from "../modules/quality/index.js";
import { moveHolder } from "../modules/registration/index.js";
import { activeRightsHeldBy, moveRight, withdrawProposedOf } from "../modules/rights/index.js";
import { reassignOpenRequests } from "../modules/source-requests/index.js";

/**
 * What a succession moves (PR-4 "rights and obligations move together to the successor"). Each
 * obligation mover takes one kind of record of the predecessor to its successors inside the
 * succession's transaction and returns what it moved; the list is the extension point — a module
 * with obligations of its own (data-source requests, quality feedback…) adds its mover here.
 */
export const SUCCESSION_EVENTS = ["merger", "split", "dissolution", "bankruptcy"] as const;
export type SuccessionEvent = (typeof SUCCESSION_EVENTS)[number];

export interface SuccessionContext {
  successionId: string;
  event: SuccessionEvent;
  predecessorId: string;
  /** admitted, distinct, not the predecessor; the first takes whatever is not allocated */
  successors: readonly string[];
  reason: string;
  actor: Actor;
  /** split allocation: right id → successor */
  allocation: ReadonlyMap<string, string>;
  /** what the movers before this one moved, by mover name */
  moved: Record<string, unknown[]>;
}

export interface ObligationMover {
  /** the key of its list in `succession.completed` */
  name: string;
  move(k: Kernel, trx: AnyDb, ctx: SuccessionContext): Promise<unknown[]>;
}

export interface MovedRight {
  fromRightId: string;
  toRightId: string;
  registrationId: string;
  kind: string;
  successorParticipantId: string;
}

/** Every active right → a new right of its successor (basis succession, parent the old one). */
export const rightsMover: ObligationMover = {
  name: "rights",
  async move(k, trx, ctx) {
    const moved: MovedRight[] = [];
    for (const right of await activeRightsHeldBy(trx, ctx.predecessorId)) {
      const to = ctx.allocation.get(right.id) ?? (ctx.successors[0] as string);
      const next = await moveRight(k, trx, ctx.actor, right, to, "succession", {
        successionId: ctx.successionId,
      });
      moved.push({
        fromRightId: right.id,
        toRightId: next.id,
        registrationId: right.resource_registration_id,
        kind: right.kind,
        successorParticipantId: to,
      });
    }
    return moved;
  },
};

/** Registrations follow their holding right; the rest (drafts, cancelled…) go to the first successor. */
export const registrationsMover: ObligationMover = {
  name: "registrations",
  async move(k, trx, ctx) {
    const rights = (ctx.moved.rights ?? []) as MovedRight[];
    const moved: { registrationId: string; successorParticipantId: string }[] = [];
    for (const successor of ctx.successors.slice(1)) {
      const ids = rights
        .filter((r) => r.kind === "holding" && r.successorParticipantId === successor)
        .map((r) => r.registrationId);
      for (const id of await moveHolder(k, trx, ctx.actor, ctx.predecessorId, successor, ids))
        moved.push({ registrationId: id, successorParticipantId: successor });
    }
    const first = ctx.successors[0] as string;
    for (const id of await moveHolder(k, trx, ctx.actor, ctx.predecessorId, first))
      moved.push({ registrationId: id, successorParticipantId: first });
    return moved;
  },
};

/** Offers the predecessor made or received lapse: its proposed rights contracts are withdrawn. */
export const rightsContractsMover: ObligationMover = {
  name: "rightsContractsWithdrawn",
  move: (k, trx, ctx) =>
    withdrawProposedOf(k, trx, ctx.actor, ctx.predecessorId, `succession ${ctx.successionId} (${ctx.event})`),
};

/** Per successor, the registrations it received (what the registrations mover moved). */
function receivedBy(ctx: SuccessionContext): Map<string, string[]> {
  const received = new Map<string, string[]>();
  for (const m of (ctx.moved.registrations ?? []) as {
    registrationId: string;
    successorParticipantId: string;
  }[])
    received.set(m.successorParticipantId, [
      ...(received.get(m.successorParticipantId) ?? []),
      m.registrationId,
    ]);
  return received;
}

/** Copy requests awaiting the predecessor's answer follow their resource to its successor (PR-5). */
export const sourceRequestsMover: ObligationMover = {
  name: "sourceRequests",
  async move(k, trx, ctx) {
    const moved: string[] = [];
    for (const [successor, ids] of receivedBy(ctx))
      moved.push(...(await reassignOpenRequests(k, trx, ctx.actor, ctx.predecessorId, successor, ids)));
    return moved;
  },
};

/** Quality feedback still open follows its resource to its successor (SG-7). */
export const qualityFeedbackMover: ObligationMover = {
  name: "qualityFeedback",
  async move(k, trx, ctx) {
    const moved: string[] = [];
    for (const [successor, ids] of receivedBy(ctx))
      moved.push(...(await reassignOpenFeedback(k, trx, ctx.actor, ctx.predecessorId, successor, ids)));
    return moved;
  },
};

/** In order: later movers may read what earlier ones moved (`ctx.moved`). */
export const obligationMovers: ObligationMover[] = [
  rightsMover,
  registrationsMover,
  rightsContractsMover,
  sourceRequestsMover,
  qualityFeedbackMover,
];
