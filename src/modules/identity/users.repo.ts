import { type AnyDb, compiledOnce, typed } from "../../kernel/db/database.js";
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

/**
 * Everything needed to authorise a request carrying an access token — and to answer "who am I"
 * — in one indexed query: the session with its user and participant.
 */
export interface SessionPrincipal {
  sessionId: string;
  revokedAt: string | null;
  accessExpiresAt: string;
  user: UserRow;
  participant: ParticipantRow;
}

const USER_COLUMNS = [
  "id",
  "participant_id",
  "username",
  "display_name",
  "password_hash",
  "roles",
  "status",
  "created_at",
] as const;
const PARTICIPANT_COLUMNS = [
  "id",
  "type",
  "name",
  "status",
  "uscc",
  "resident_id_hash",
  "resident_id_masked",
  "region",
  "contact_email",
  "contact_phone",
  "service_kinds",
  "public_key_jwk",
  "private_key_sealed",
  "status_reason",
  "created_at",
  "updated_at",
  "admitted_at",
] as const;

const selectSessionPrincipal = compiledOnce(
  (db: AnyDb, accessTokenHash: string) =>
    t(db)
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .innerJoin("participants", "participants.id", "users.participant_id")
      .select([
        "sessions.id as s_id",
        "sessions.revoked_at as s_revoked_at",
        "sessions.access_expires_at as s_access_expires_at",
      ])
      .select(USER_COLUMNS.map((c) => `users.${c} as u_${c}` as const))
      .select(PARTICIPANT_COLUMNS.map((c) => `participants.${c} as p_${c}` as const))
      .where("sessions.access_token_hash", "=", accessTokenHash),
  [""],
);

export async function findSessionPrincipal(
  db: AnyDb,
  accessTokenHash: string,
): Promise<SessionPrincipal | undefined> {
  const [row] = (await selectSessionPrincipal(db, accessTokenHash)) as Record<string, unknown>[];
  if (!row) return undefined;
  const pick = (prefix: string, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [c, row[`${prefix}${c}`]]));
  return {
    sessionId: row.s_id as string,
    revokedAt: row.s_revoked_at as string | null,
    accessExpiresAt: row.s_access_expires_at as string,
    user: pick("u_", USER_COLUMNS) as unknown as UserRow,
    participant: pick("p_", PARTICIPANT_COLUMNS) as unknown as ParticipantRow,
  };
}
