import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Authenticator } from "../../kernel/http/access.js";
import type { Kernel } from "../../kernel/kernel.js";
import { principalFromApiKey } from "./api-keys.service.js";
import { principalFromAccessToken, type SessionIdentity } from "./auth.service.js";

declare module "fastify" {
  interface FastifyRequest {
    /** set for requests authenticated by a session: the rows the principal was read from */
    session: SessionIdentity | null;
  }
}

/**
 * Reads credentials from a request: `Authorization: Bearer <access token>`, or an API key as
 * `Authorization: Bearer ysk_…` / `X-Api-Key: ysk_…`. No credentials → anonymous (null).
 */
export function identityAuthenticator(app: FastifyInstance, k: Kernel): Authenticator {
  app.decorateRequest("session", null);
  return async (request: FastifyRequest) => {
    const apiKeyHeader = request.headers["x-api-key"];
    if (typeof apiKeyHeader === "string" && apiKeyHeader) return principalFromApiKey(k, apiKeyHeader);
    const authorization = request.headers.authorization;
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return null;
    const token = match[1];
    if (token.startsWith("ysk_")) return principalFromApiKey(k, token);
    request.session = await principalFromAccessToken(k, token);
    return request.session.principal;
  };
}
