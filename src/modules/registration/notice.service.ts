import type { AnyDb } from "../../kernel/db/database.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { applyChange } from "./change.service.js";
import { EVENTS, registrationNumber } from "./registration.model.js";
import {
  decideObjectionRow,
  findObjection,
  findRegistration,
  insertObjection,
  listObjections,
  listRegistrations,
  nextSequence,
} from "./registration.repo.js";
import type { ObjectionRow, RegistrationRow } from "./registration.tables.js";
import { participantOf, transition } from "./registration.transition.js";

/**
 * The public notice (公示, PR-3; objections to data, SG-7): during the notice any logged-in
 * participant but the holder may object with reasons and evidence; an exchange reviewer upholds or
 * dismisses each with a reason. Closing is explicit and idempotent: after the deadline with no
 * open and no upheld objection the resource is registered (unique number; the holder's holding
 * right, PR-2, is created in the same transaction by a reaction); an upheld objection rejects it.
 */
async function inNotice(db: AnyDb, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(db, id);
  if (row?.status !== "in_notice")
    throw notFound("notice_not_found", `registration ${id} is not in public notice`);
  return row;
}

export async function fileObjection(
  k: Kernel,
  actor: Actor,
  registrationId: string,
  input: { reasons: string; evidence: string[] },
): Promise<ObjectionRow> {
  const objector = participantOf(actor);
  const reasons = input.reasons?.trim();
  if (!reasons) throw badRequest("reasons_required", "give the reasons of the objection", "reasons");
  return k.transaction(async (trx) => {
    const reg = await inNotice(trx, registrationId);
    if (reg.holder_participant_id === objector)
      throw forbidden("holder_cannot_object", "the holder cannot object to its own registration");
    const now = k.clock.now().toISOString();
    if (reg.notice_ends_at && now >= reg.notice_ends_at)
      throw conflict("notice_period_over", `the notice period ended at ${reg.notice_ends_at}`);
    const row: ObjectionRow = {
      id: k.newId("objection"),
      registration_id: registrationId,
      objector_participant_id: objector,
      reasons,
      evidence: JSON.stringify(input.evidence ?? []),
      status: "open",
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
    };
    await insertObjection(trx, row);
    await k.outbox.emit(trx, {
      type: EVENTS.objectionFiled,
      subjectIds: [registrationId, row.id, objector],
      actor,
      payload: { registrationId, objectionId: row.id, evidenceCount: input.evidence?.length ?? 0 },
    });
    return row;
  });
}

export async function decideObjection(
  k: Kernel,
  actor: Actor,
  objectionId: string,
  decision: "upheld" | "dismissed",
  reason: string,
): Promise<ObjectionRow> {
  const why = reason?.trim();
  if (!why) throw badRequest("reason_required", "a reason is required", "reason");
  return k.transaction(async (trx) => {
    const objection = await findObjection(trx, objectionId);
    if (!objection) throw notFound("objection_not_found", `no objection ${objectionId}`);
    if (objection.status !== "open")
      throw conflict("objection_decided", `the objection is already ${objection.status}`);
    await inNotice(trx, objection.registration_id);
    const changes = {
      status: decision,
      decision_reason: why,
      decided_by: actor.participantId ?? null,
      decided_at: k.clock.now().toISOString(),
    };
    if (!(await decideObjectionRow(trx, objectionId, changes)))
      throw conflict("objection_decided", "the objection was decided meanwhile");
    await k.outbox.emit(trx, {
      type: EVENTS.objectionDecided,
      subjectIds: [objection.registration_id, objectionId],
      actor,
      payload: { registrationId: objection.registration_id, objectionId, decision, reason: why },
    });
    return { ...objection, ...changes };
  });
}

export const objectionsOf = (db: AnyDb, registrationId: string) => listObjections(db, registrationId);

/**
 * Closes the notice of one registration. Idempotent: a registration already closed (registered
 * or rejected after its notice) is returned as it is, without new events.
 */
export async function closeNotice(k: Kernel, actor: Actor, id: string): Promise<RegistrationRow> {
  return k.transaction(async (trx) => {
    const reg = await findRegistration(trx, id);
    if (!reg) throw notFound("registration_not_found", `no registration ${id}`);
    if (reg.notice_starts_at && ["registered", "rejected", "applied"].includes(reg.status)) return reg;
    if (reg.status !== "in_notice")
      throw conflict("not_in_notice", `registration ${id} is ${reg.status}, not in public notice`, "status");
    const objections = await listObjections(trx, id);
    const upheld = objections.filter((o) => o.status === "upheld").map((o) => o.id);
    const now = k.clock.now();
    const at = now.toISOString();
    if (upheld.length > 0) {
      return transition(
        k,
        trx,
        actor,
        reg,
        "reject_after_notice",
        { decided_at: at },
        {
          stage: "public_notice",
          upheldObjectionIds: upheld,
        },
      );
    }
    if (reg.notice_ends_at && at < reg.notice_ends_at)
      throw conflict("notice_period_running", `the notice period runs until ${reg.notice_ends_at}`);
    if (objections.some((o) => o.status === "open"))
      throw conflict("objections_open", "decide every objection before closing the notice");
    // A change registration keeps the resource's number: the resource takes its content instead.
    if (reg.kind === "change") return applyChange(k, trx, actor, reg, at);
    const number = registrationNumber(now.getUTCFullYear(), await nextSequence(trx, now.getUTCFullYear()));
    // The holder's holding right follows in this transaction: a reaction (src/flows/holding-right.ts).
    return transition(
      k,
      trx,
      actor,
      reg,
      "register",
      { registration_number: number, decided_at: at },
      { registrationNumber: number, dismissedObjectionIds: objections.map((o) => o.id) },
    );
  });
}

/** For a scheduler: closes every notice whose period is over; those with open objections wait. */
export async function closeDueNotices(k: Kernel): Promise<{ closed: string[]; waiting: string[] }> {
  const due = await listRegistrations(k.db, {
    statuses: ["in_notice"],
    noticeEndsBefore: k.clock.now().toISOString(),
    limit: 1000,
  });
  const result = { closed: [] as string[], waiting: [] as string[] };
  for (const reg of due) {
    try {
      await closeNotice(k, { system: "registration-notice-closer" }, reg.id);
      result.closed.push(reg.id);
    } catch (error) {
      if ((error as { code?: string }).code !== "objections_open") throw error;
      result.waiting.push(reg.id);
    }
  }
  return result;
}
