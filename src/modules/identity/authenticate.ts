import type { FastifyRequest } from "fastify";
import type { Authenticator } from "../../kernel/http/access.js";
import type { Kernel } from "../../kernel/kernel.js";
import { principalFromApiKey } from "./api-keys.service.js";
import { principalFromAccessToken } from "./auth.service.js";

declare module "fastify" {
  interface FastifyRequest {
    sessionId: string | null;
  }
}

/**
 * Reads credentials from a request: `Authorization: Bearer <access token>`, or an API key as
 * `Authorization: Bearer ysk_…` / `X-Api-Key: ysk_…`. No credentials → anonymous (null).
 */
export function identityAuthenticator(k: Kernel): Authenticator {
  return async (request: FastifyRequest) => {
    const apiKeyHeader = request.headers["x-api-key"];
    if (typeof apiKeyHeader === "string" && apiKeyHeader) return principalFromApiKey(k, apiKeyHeader);
    const authorization = request.headers.authorization;
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return null;
    const token = match[1];
    if (token.startsWith("ysk_")) return principalFromApiKey(k, token);
    const { sessionId, ...principal } = await principalFromAccessToken(k, token);
    request.sessionId = sessionId;
    return principal;
  };
}
