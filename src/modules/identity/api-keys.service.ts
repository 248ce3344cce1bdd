import { randomToken, sha256Hex } from "../../kernel/crypto/digest.js";
import { forbidden, notFound, unauthorized } from "../../kernel/errors.js";
import type { Principal } from "../../kernel/http/access.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { findApiKeyPrincipal, insertApiKey, revokeApiKey } from "./api-keys.repo.js";
import type { ApiKeyRow } from "./identity.tables.js";

/**
 * API keys let a participant's systems call the exchange without a person logging in.
 * A key is `ysk_<43 random chars>` shown once; only its SHA-256 is stored (the key has 256 bits of
 * entropy, so a fast hash is safe and keeps per-request checks cheap). Keys carry scopes and can
 * be revoked.
 */
export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export const presentApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as string[],
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

export async function issueApiKey(
  k: Kernel,
  actor: Actor & { participantId: string },
  input: { name: string; scopes: string[] },
): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = `ysk_${randomToken(32)}`;
  const row: ApiKeyRow = {
    id: k.newId("apiKey"),
    participant_id: actor.participantId,
    name: input.name.trim(),
    key_hash: sha256Hex(secret),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_by: actor.userId ?? null,
    created_at: k.clock.now().toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await k.transaction(async (trx) => {
    await insertApiKey(trx, row);
    await k.outbox.emit(trx, {
      type: "identity.api_key_issued",
      subjectIds: [row.id, row.participant_id],
      actor,
      payload: { apiKeyId: row.id, participantId: row.participant_id, scopes: input.scopes },
    });
  });
  return { apiKey: presentApiKey(row), secret };
}

export async function revokeKey(
  k: Kernel,
  actor: Actor & { participantId: string },
  id: string,
): Promise<void> {
  await k.transaction(async (trx) => {
    if (!(await revokeApiKey(trx, actor.participantId, id, k.clock.now().toISOString()))) {
      throw notFound("api_key_not_found", "no live API key with this id belongs to you", "id");
    }
    await k.outbox.emit(trx, {
      type: "identity.api_key_revoked",
      subjectIds: [id, actor.participantId],
      actor,
      payload: { apiKeyId: id },
    });
  });
}

export async function principalFromApiKey(k: Kernel, secret: string): Promise<Principal> {
  const row = await findApiKeyPrincipal(k.db, sha256Hex(secret));
  if (!row || row.revoked_at) throw unauthorized("invalid_api_key", "the API key is unknown or revoked");
  if (row.participant_status !== "admitted")
    throw forbidden("participant_not_active", "this participant can no longer act");
  return {
    participantId: row.participant_id,
    participantType: row.participant_type,
    userId: null,
    apiKeyId: row.key_id,
    roles: [],
    scopes: JSON.parse(row.scopes) as string[],
  };
}
