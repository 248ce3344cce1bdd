import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { IdentityTables, SessionRow } from "./identity.tables.js";

const t = (db: AnyDb) => typed<IdentityTables>(db);

export async function insertSession(db: AnyDb, row: SessionRow): Promise<void> {
  await t(db).insertInto("sessions").values(row).execute();
}

export function findSessionByTokenHash(db: AnyDb, tokenHash: string): Promise<SessionRow | undefined> {
  return t(db).selectFrom("sessions").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Revokes a live session; returns false if it was already revoked (a replayed refresh token). */
export async function revokeSession(db: AnyDb, id: string, at: string): Promise<boolean> {
  const result = await t(db)
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeUserSessions(db: AnyDb, userId: string, at: string): Promise<void> {
  await t(db)
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
