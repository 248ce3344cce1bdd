import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { ApiKeyRow, IdentityTables, ParticipantRow } from "./identity.tables.js";

const t = (db: AnyDb) => typed<IdentityTables>(db);

export async function insertApiKey(db: AnyDb, row: ApiKeyRow): Promise<void> {
  await t(db).insertInto("api_keys").values(row).execute();
}

export function listApiKeys(db: AnyDb, participantId: string): Promise<ApiKeyRow[]> {
  return t(db)
    .selectFrom("api_keys")
    .selectAll()
    .where("participant_id", "=", participantId)
    .orderBy("id")
    .execute();
}

export async function revokeApiKey(
  db: AnyDb,
  participantId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("api_keys")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("participant_id", "=", participantId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findApiKeyPrincipal(db: AnyDb, keyHash: string) {
  return t(db)
    .selectFrom("api_keys")
    .innerJoin("participants", "participants.id", "api_keys.participant_id")
    .select([
      "api_keys.id as key_id",
      "api_keys.scopes as scopes",
      "api_keys.revoked_at as revoked_at",
      "participants.id as participant_id",
      "participants.type as participant_type",
      "participants.status as participant_status",
    ])
    .where("api_keys.key_hash", "=", keyHash)
    .executeTakeFirst() as Promise<
    | {
        key_id: string;
        scopes: string;
        revoked_at: string | null;
        participant_id: string;
        participant_type: ParticipantRow["type"];
        participant_status: ParticipantRow["status"];
      }
    | undefined
  >;
}
