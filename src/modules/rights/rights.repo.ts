import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { RightStatus } from "./rights.model.js";
import type { RightRow, RightsTables } from "./rights.tables.js";

/** All SQL on rights, as functions of (db, …). Status changes are guarded UPDATEs: a race has one winner. */
const t = (db: AnyDb) => typed<RightsTables>(db);

export async function insertRight(db: AnyDb, row: RightRow): Promise<void> {
  await t(db).insertInto("rights").values(row).execute();
}

export function findRight(db: AnyDb, id: string): Promise<RightRow | undefined> {
  return t(db).selectFrom("rights").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listRights(
  db: AnyDb,
  f: { resource?: string; holder?: string; status?: RightStatus; after?: string; limit: number },
): Promise<RightRow[]> {
  let q = t(db).selectFrom("rights").selectAll();
  if (f.resource) q = q.where("resource_registration_id", "=", f.resource);
  if (f.holder) q = q.where("holder_participant_id", "=", f.holder);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.after) q = q.where("id", ">", f.after);
  return q.orderBy("id").limit(f.limit).execute();
}

/** Every active right of a holder, oldest first (a succession moves them all). */
export function activeRightsOf(db: AnyDb, holder: string): Promise<RightRow[]> {
  return t(db)
    .selectFrom("rights")
    .selectAll()
    .where("holder_participant_id", "=", holder)
    .where("status", "=", "active")
    .orderBy("id")
    .execute();
}

/** Active → `to`, only while active; false when someone else moved it first. */
export async function endActiveRight(
  db: AnyDb,
  id: string,
  to: Exclude<RightStatus, "active">,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("rights")
    .set({ status: to })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Locks an active right for the rest of the transaction (a no-op UPDATE): a grant racing a transfer
 * of its source waits for it on PostgreSQL and then sees it is no longer active.
 */
export async function lockActiveRight(db: AnyDb, id: string): Promise<boolean> {
  const result = await t(db)
    .updateTable("rights")
    .set((eb) => ({ status: eb.ref("status") }))
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeActiveRightsOn(db: AnyDb, registrationId: string): Promise<string[]> {
  const rows = await t(db)
    .updateTable("rights")
    .set({ status: "revoked" })
    .where("resource_registration_id", "=", registrationId)
    .where("status", "=", "active")
    .returning("id")
    .execute();
  return rows.map((r) => r.id).sort();
}
