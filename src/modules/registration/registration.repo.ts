import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { RegistrationStatus } from "./registration.model.js";
import type { ObjectionRow, RegistrationRow, RegistrationTables } from "./registration.tables.js";

/** All SQL of the registration module, as functions of (db, …). */
const t = (db: AnyDb) => typed<RegistrationTables>(db);

export async function insertRegistration(db: AnyDb, row: RegistrationRow): Promise<void> {
  await t(db).insertInto("registrations").values(row).execute();
}

export function findRegistration(db: AnyDb, id: string): Promise<RegistrationRow | undefined> {
  return t(db).selectFrom("registrations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Guarded update: applies only while the registration is in one of `from` (the race loser gets false). */
export async function updateRegistration(
  db: AnyDb,
  id: string,
  from: readonly RegistrationStatus[],
  changes: Partial<RegistrationRow>,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("registrations")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface RegistrationFilter {
  statuses?: RegistrationStatus[];
  holder?: string;
  /** rows the viewer may see beyond `statuses`: its own (holder) */
  orHolder?: string;
  noticeEndsBefore?: string;
  after?: string;
  limit: number;
}

export function listRegistrations(db: AnyDb, f: RegistrationFilter): Promise<RegistrationRow[]> {
  let q = t(db).selectFrom("registrations").selectAll();
  const statuses = f.statuses;
  const orHolder = f.orHolder;
  if (statuses && orHolder) {
    q = q.where((eb) => eb.or([eb("status", "in", statuses), eb("holder_participant_id", "=", orHolder)]));
  } else if (statuses) {
    q = q.where("status", "in", statuses);
  }
  if (f.holder) q = q.where("holder_participant_id", "=", f.holder);
  if (f.noticeEndsBefore) q = q.where("notice_ends_at", "<=", f.noticeEndsBefore);
  if (f.after) q = q.where("id", ">", f.after);
  return q.orderBy("id").limit(f.limit).execute();
}

/** The next number of `year`'s sequence, atomically (the row lock serialises concurrent closers). */
export async function nextSequence(db: AnyDb, year: number): Promise<number> {
  await t(db)
    .insertInto("registration_sequences")
    .values({ year, last: 0 })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
  const row = await t(db)
    .updateTable("registration_sequences")
    .set((eb) => ({ last: eb("last", "+", 1) }))
    .where("year", "=", year)
    .returning("last")
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertObjection(db: AnyDb, row: ObjectionRow): Promise<void> {
  await t(db).insertInto("registration_objections").values(row).execute();
}

export function findObjection(db: AnyDb, id: string): Promise<ObjectionRow | undefined> {
  return t(db).selectFrom("registration_objections").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listObjections(db: AnyDb, registrationId: string): Promise<ObjectionRow[]> {
  return t(db)
    .selectFrom("registration_objections")
    .selectAll()
    .where("registration_id", "=", registrationId)
    .orderBy("id")
    .execute();
}

export async function decideObjectionRow(
  db: AnyDb,
  id: string,
  changes: Pick<ObjectionRow, "status" | "decision_reason" | "decided_by" | "decided_at">,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("registration_objections")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves registrations of `from` (all, or those listed) to `to`; the ids moved. */
export async function reassignHolder(
  db: AnyDb,
  from: string,
  to: string,
  at: string,
  ids?: readonly string[],
): Promise<string[]> {
  if (ids && ids.length === 0) return [];
  let q = t(db)
    .updateTable("registrations")
    .set({ holder_participant_id: to, updated_at: at })
    .where("holder_participant_id", "=", from);
  if (ids) q = q.where("id", "in", [...ids]);
  const rows = await q.returning("id").execute();
  return rows.map((r) => r.id).sort();
}
