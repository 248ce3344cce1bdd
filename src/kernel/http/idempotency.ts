import { createHmac } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../clock.js";
import { open, seal } from "../crypto/secret-box.js";
import { type AnyDb, typed } from "../db/database.js";
import { badRequest, conflict } from "../errors.js";

/**
 * `Idempotency-Key` for POSTs (DESIGN "Invariants"): the first answer to a key is stored and
 * replayed for any retry with the same input; the same key with a different input is 409
 * `idempotency_key_reused`. Keys are scoped to the caller, so two participants cannot collide.
 *
 * Stored answers are sealed (AES-GCM under the idempotency subkey, bound to scope and key): an
 * answer may carry a secret shown once, such as a new API key. Routes whose answers must never
 * be replayed (login, refresh) opt out with `config: { idempotency: false }`.
 *
 * The key row is claimed (state `pending`) before the handler runs, so a concurrent retry gets
 * 409 `idempotency_in_progress` instead of doing the work twice. 5xx answers are not stored: the
 * request changed nothing and may be retried. A claim left behind by a crash expires after
 * STALE_MS and can then be taken over.
 */
interface IdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  state: "pending" | "done";
  status_code: number | null;
  content_type: string | null;
  response_body: string | null;
  created_at: string;
}
type Tables = { idempotency_keys: IdempotencyTable };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const STALE_MS = 60_000;

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** false: the route ignores Idempotency-Key (its answers are fresh credentials) */
    idempotency?: boolean;
  }
}

export function installIdempotency(app: FastifyInstance, db: AnyDb, clock: Clock, hashKey: Buffer): void {
  const table = () => typed<Tables>(db);
  app.decorateRequest("idempotency", null);

  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    if (
      request.method !== "POST" ||
      header === undefined ||
      request.routeOptions.config?.idempotency === false
    )
      return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_PATTERN.test(key)) {
      throw badRequest(
        "invalid_idempotency_key",
        "Idempotency-Key must be 1–200 visible ASCII characters",
        "Idempotency-Key",
      );
    }
    const scope = scopeOf(request);
    const requestHash = hashRequest(hashKey, request);
    const existing = await table()
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("scope", "=", scope)
      .where("key", "=", key)
      .executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== requestHash) {
        throw conflict(
          "idempotency_key_reused",
          "this Idempotency-Key was used with a different request",
          "Idempotency-Key",
        );
      }
      if (existing.state === "done") {
        return reply
          .code(existing.status_code ?? 200)
          .header("idempotent-replayed", "true")
          .type(existing.content_type ?? "application/json")
          .send(
            existing.response_body
              ? open(hashKey, existing.response_body, `${scope} ${key}`).toString("utf8")
              : "",
          );
      }
      const age = clock.now().getTime() - new Date(existing.created_at).getTime();
      if (age < STALE_MS)
        throw conflict(
          "idempotency_in_progress",
          "a request with this Idempotency-Key is still running",
          "Idempotency-Key",
        );
      await table()
        .deleteFrom("idempotency_keys")
        .where("scope", "=", scope)
        .where("key", "=", key)
        .execute();
    }
    try {
      await table()
        .insertInto("idempotency_keys")
        .values({
          scope,
          key,
          request_hash: requestHash,
          state: "pending",
          status_code: null,
          content_type: null,
          response_body: null,
          created_at: clock.now().toISOString(),
        })
        .execute();
    } catch {
      throw conflict(
        "idempotency_in_progress",
        "a request with this Idempotency-Key is still running",
        "Idempotency-Key",
      );
    }
    request.idempotency = { scope, key };
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = table()
      .updateTable("idempotency_keys")
      .where("scope", "=", claim.scope)
      .where("key", "=", claim.key);
    if (reply.statusCode >= 500 || typeof payload !== "string") {
      await table()
        .deleteFrom("idempotency_keys")
        .where("scope", "=", claim.scope)
        .where("key", "=", claim.key)
        .execute();
      return payload;
    }
    await where
      .set({
        state: "done",
        status_code: reply.statusCode,
        content_type: String(reply.getHeader("content-type") ?? "application/json"),
        response_body: seal(hashKey, Buffer.from(payload, "utf8"), `${claim.scope} ${claim.key}`),
      })
      .execute();
    return payload;
  });
}

function scopeOf(request: FastifyRequest): string {
  const p = request.principal;
  if (p) return `${p.participantId}/${p.userId ?? p.apiKeyId}`;
  return `anonymous/${request.ip}`;
}

function hashRequest(hashKey: Buffer, request: FastifyRequest): string {
  const path = request.routeOptions.url ?? request.url;
  return createHmac("sha256", hashKey)
    .update(
      `${request.method} ${path} ${JSON.stringify(request.params ?? {})} ${JSON.stringify(request.body ?? null)}`,
    )
    .digest("hex");
}
