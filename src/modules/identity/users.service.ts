import type { AnyDb } from "../../kernel/db/database.js";
import { conflict } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import type { Role } from "./identity.model.js";
import type { UserRow } from "./identity.tables.js";
import { findUserByUsername, insertUser } from "./users.repo.js";

export interface NewUser {
  participantId: string;
  username: string;
  /** hashed before the transaction opens: scrypt is slow on purpose and must not hold a connection */
  passwordHash: string;
  displayName?: string | undefined;
  roles: Role[];
}

export interface User {
  id: string;
  username: string;
  displayName: string | null;
  roles: Role[];
  participantId: string;
  status: UserRow["status"];
  createdAt: string;
}

export const presentUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: JSON.parse(row.roles) as Role[],
  participantId: row.participant_id,
  status: row.status,
  createdAt: row.created_at,
});

/** Usernames are global (they are the login name) and compared case-insensitively. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

export async function createUser(
  k: Kernel,
  trx: AnyDb,
  input: NewUser,
  actor: Actor | null,
): Promise<UserRow> {
  const username = normaliseUsername(input.username);
  if (await findUserByUsername(trx, username))
    throw conflict("username_taken", "this username is taken", "username");
  const row: UserRow = {
    id: k.newId("user"),
    participant_id: input.participantId,
    username,
    display_name: input.displayName?.trim() || null,
    password_hash: input.passwordHash,
    roles: JSON.stringify([...new Set(input.roles)]),
    status: "active",
    created_at: k.clock.now().toISOString(),
  };
  await insertUser(trx, row);
  await k.outbox.emit(trx, {
    type: "identity.user_created",
    subjectIds: [row.id, row.participant_id],
    actor,
    payload: { userId: row.id, participantId: row.participant_id, roles: JSON.parse(row.roles) },
  });
  return row;
}
