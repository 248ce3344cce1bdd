import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { IdentityTables, ParticipantRow, UserRow } from "./identity.tables.js";

const t = (db: AnyDb) => typed<IdentityTables>(db);

export async function insertUser(db: AnyDb, row: UserRow): Promise<void> {
  await t(db).insertInto("users").values(row).execute();
}

export function findUserByUsername(db: AnyDb, username: string): Promise<UserRow | undefined> {
  return t(db).selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findUser(db: AnyDb, id: string): Promise<UserRow | undefined> {
  return t(db).selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: AnyDb, participantId: string): Promise<UserRow[]> {
  return t(db)
    .selectFrom("users")
    .selectAll()
    .where("participant_id", "=", participantId)
    .orderBy("id")
    .execute();
}

/** Everything needed to authorise one request carrying an access token, in one round trip. */
export interface SessionPrincipalRow {
  user_id: string;
  user_status: UserRow["status"];
  roles: string;
  participant_id: string;
  participant_type: ParticipantRow["type"];
  participant_status: ParticipantRow["status"];
  session_revoked_at: string | null;
  session_expires_at: string;
}

export function findSessionPrincipal(
  db: AnyDb,
  userId: string,
  sessionId: string,
): Promise<SessionPrincipalRow | undefined> {
  return t(db)
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .innerJoin("participants", "participants.id", "users.participant_id")
    .select([
      "users.id as user_id",
      "users.status as user_status",
      "users.roles as roles",
      "participants.id as participant_id",
      "participants.type as participant_type",
      "participants.status as participant_status",
      "sessions.revoked_at as session_revoked_at",
      "sessions.expires_at as session_expires_at",
    ])
    .where("sessions.id", "=", sessionId)
    .where("users.id", "=", userId)
    .executeTakeFirst();
}
