import { type AnyDb, typed } from "../../kernel/db/database.js";
import { badRequest, conflict } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { CONTENT_COLUMNS, EVENTS, OPEN_CHANGE_STATUSES } from "./registration.model.js";
import { findRegistration, insertRegistration, updateRegistration } from "./registration.repo.js";
import type { DraftInput } from "./registration.schema.js";
import { checkConsistent, columns } from "./registration.service.js";
import type { RegistrationRow, RegistrationTables } from "./registration.tables.js";
import { holderOwned, transition } from "./registration.transition.js";

/**
 * Change registration (变更登记, PR-3): the holder of a registered resource files a change — a
 * registration of kind `change` that starts as a copy of the resource with the changes applied,
 * and then goes the same way as any registration (submit → formal review → public notice with
 * objections). When its notice closes cleanly the change is `applied`: the resource keeps its
 * number and holding right, takes the changed content and its version goes up by one; the old
 * certificate is superseded (certificates react to `registration.changed`). One open change per
 * resource at a time.
 */
export async function fileChange(
  k: Kernel,
  actor: Actor,
  registrationId: string,
  input: DraftInput & { reason: string },
): Promise<RegistrationRow> {
  const { reason, ...changes } = input;
  const why = reason?.trim();
  if (!why) throw badRequest("reason_required", "say why the registration changes", "reason");
  return k.transaction(async (trx) => {
    const original = await holderOwned(trx, actor, registrationId);
    if (original.status !== "registered")
      throw conflict("not_registered", "only a registered resource can be changed", "status");
    const pending = await openChangeOf(trx, registrationId);
    if (pending)
      throw conflict("change_pending", `change ${pending.id} of this resource is still ${pending.status}`);
    const at = k.clock.now().toISOString();
    const content = Object.fromEntries(CONTENT_COLUMNS.map((c) => [c, original[c]]));
    const row = {
      ...content,
      id: k.newId("registration"),
      kind: "change",
      amends_registration_id: registrationId,
      change_reason: why,
      version: original.version + 1,
      status: "draft",
      registration_number: null,
      holder_participant_id: original.holder_participant_id,
      review_reason: null,
      reviewed_by: null,
      reclassification_reason: null,
      reclassified_by: null,
      notice_starts_at: null,
      notice_ends_at: null,
      decided_at: null,
      cancel_reason: null,
      created_at: at,
      updated_at: at,
      ...columns(changes),
    } as RegistrationRow;
    checkConsistent(row);
    await insertRegistration(trx, row);
    await k.outbox.emit(trx, {
      type: EVENTS.changeFiled,
      subjectIds: [row.id, registrationId, row.holder_participant_id],
      actor,
      payload: { registrationId: row.id, amends: registrationId, changed: Object.keys(changes).sort() },
    });
    return row;
  });
}

/** The change of `registrationId` still under way, if any. */
export const openChangeOf = (db: AnyDb, registrationId: string) =>
  typed<RegistrationTables>(db)
    .selectFrom("registrations")
    .selectAll()
    .where("amends_registration_id", "=", registrationId)
    .where("status", "in", [...OPEN_CHANGE_STATUSES])
    .executeTakeFirst();

/** Every change filed against a resource, oldest first. */
export const changesOf = (db: AnyDb, registrationId: string) =>
  typed<RegistrationTables>(db)
    .selectFrom("registrations")
    .selectAll()
    .where("amends_registration_id", "=", registrationId)
    .orderBy("id")
    .execute();

/**
 * Applies a change whose notice closed cleanly (called by closeNotice in its transaction): the
 * change becomes `applied`, the resource takes its content and the next version.
 */
export async function applyChange(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  change: RegistrationRow,
  at: string,
): Promise<RegistrationRow> {
  const originalId = change.amends_registration_id as string;
  const original = await findRegistration(trx, originalId);
  if (original?.status !== "registered")
    throw conflict("not_registered", `the resource ${originalId} is no longer registered`, "status");
  const applied = await transition(k, trx, actor, change, "apply_change", { decided_at: at });
  const content = Object.fromEntries(CONTENT_COLUMNS.map((c) => [c, change[c]])) as Partial<RegistrationRow>;
  const set = { ...content, version: change.version, updated_at: at };
  if (!(await updateRegistration(trx, originalId, ["registered"], set)))
    throw conflict("not_registered", "the resource changed meanwhile; reload and try again", "status");
  await k.outbox.emit(trx, {
    type: EVENTS.changed,
    subjectIds: [originalId, change.id, original.holder_participant_id],
    actor,
    payload: {
      registrationId: originalId,
      registrationNumber: original.registration_number,
      changeId: change.id,
      version: change.version,
      reason: change.change_reason,
    },
  });
  return applied;
}
