import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { ParticipantStatus, ParticipantType } from "./identity.model.js";
import type { IdentityTables, ParticipantRow } from "./identity.tables.js";

const t = (db: AnyDb) => typed<IdentityTables>(db);

export async function insertParticipant(db: AnyDb, row: ParticipantRow): Promise<void> {
  await t(db).insertInto("participants").values(row).execute();
}

export function findParticipant(db: AnyDb, id: string): Promise<ParticipantRow | undefined> {
  return t(db).selectFrom("participants").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function identifierTaken(
  db: AnyDb,
  column: "uscc" | "resident_id_hash",
  value: string,
): Promise<boolean> {
  const row = await t(db)
    .selectFrom("participants")
    .select("id")
    .where(column, "=", value)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ParticipantFilter {
  status?: ParticipantStatus;
  type?: ParticipantType;
  /** return ids after this one (keyset pagination; ids sort by creation time) */
  after?: string;
  limit: number;
}

export function listParticipants(db: AnyDb, filter: ParticipantFilter): Promise<ParticipantRow[]> {
  let query = t(db).selectFrom("participants").selectAll();
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.type) query = query.where("type", "=", filter.type);
  if (filter.after) query = query.where("id", ">", filter.after);
  return query.orderBy("id").limit(filter.limit).execute();
}

/**
 * Moves a participant between states only if it is still in one of `from`: the WHERE clause is
 * the guard, so two reviewers deciding at once cannot both win.
 */
export async function moveStatus(
  db: AnyDb,
  id: string,
  from: ParticipantStatus[],
  change: { status: ParticipantStatus; reason: string | null; at: string; admittedAt?: string },
): Promise<boolean> {
  const result = await t(db)
    .updateTable("participants")
    .set({
      status: change.status,
      status_reason: change.reason,
      updated_at: change.at,
      ...(change.admittedAt ? { admitted_at: change.admittedAt } : {}),
    })
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
