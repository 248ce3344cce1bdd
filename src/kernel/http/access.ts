import type { FastifyInstance, FastifyRequest } from "fastify";
import { forbidden, unauthorized } from "../errors.js";

/**
 * Who may call a route is declared on the route (`config.access`), never decided by ifs
 * scattered through handlers. A route under /api/ without a declaration refuses to register,
 * so forgetting to decide is a start-up failure, not a hole. (SG-12, CT-6.)
 *
 * A request passes when ANY rule of `anyOf` matches. An API key may call only routes that
 * declare a `scope` the key holds; for a key the scope stands in for the user roles a rule asks
 * (a key has no user). A logged-in user's session is not limited by scopes, only by rules.
 */
export interface Principal {
  participantId: string;
  participantType: string;
  userId: string | null;
  apiKeyId: string | null;
  roles: string[];
  /** null for a user session; the granted scopes for an API key */
  scopes: string[] | null;
}

export type Rule =
  | { public: true }
  /** any logged-in principal (and, if given, a user with one of these roles) */
  | { authenticated: true; roles?: string[] }
  /** the principal's participant has one of these types (and, if given, the user one of these roles) */
  | { participantTypes: string[]; roles?: string[] }
  /** the route parameter `param` names the principal's own participant (and, if given, the user has one of these roles) */
  | { selfParam: string; roles?: string[] };

export interface Access {
  anyOf: Rule[];
  scope?: string;
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const allow = {
  public: (): Access => ({ anyOf: [{ public: true }] }),
  authenticated: (scope?: string, roles?: string[]): Access => ({
    anyOf: [{ authenticated: true, roles }],
    scope,
  }),
  participantTypes: (
    participantTypes: string[],
    options: { roles?: string[]; scope?: string } = {},
  ): Access => ({
    anyOf: [{ participantTypes, roles: options.roles }],
    scope: options.scope,
  }),
  anyOf: (rules: Rule[], scope?: string): Access => ({ anyOf: rules, scope }),
};

export function ruleMatches(
  rule: Rule,
  principal: Principal | null,
  params: Record<string, unknown>,
): boolean {
  if ("public" in rule) return true;
  if (!principal) return false;
  const hasRole =
    !rule.roles || principal.scopes !== null || rule.roles.some((role) => principal.roles.includes(role));
  if ("authenticated" in rule) return hasRole;
  if ("selfParam" in rule) return params[rule.selfParam] === principal.participantId && hasRole;
  return rule.participantTypes.includes(principal.participantType) && hasRole;
}

export function describeAccess(access: Access): string {
  const parts = access.anyOf.map((rule) => {
    if ("public" in rule) return "anyone (no login)";
    const roles = rule.roles ? ` with role ${rule.roles.join(" or ")}` : "";
    if ("authenticated" in rule) return `any logged-in user${roles}`;
    if ("selfParam" in rule) return `users of the participant named by {${rule.selfParam}}${roles}`;
    return `users of ${rule.participantTypes.join(" or ")}${roles}`;
  });
  const keys = access.scope ? ` API keys need scope \`${access.scope}\`.` : " Not callable with an API key.";
  return `Who may call: ${parts.join("; or ")}.${isPublicAccess(access) ? "" : keys}`;
}

const isPublicAccess = (access: Access) => access.anyOf.some((rule) => "public" in rule);

export function installAccessControl(app: FastifyInstance, authenticate: Authenticator): void {
  app.decorateRequest("principal", null);
  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (!access) {
      if (route.url.startsWith("/api/"))
        throw new Error(`route ${route.method} ${route.url} declares no access rule`);
      return;
    }
    const isPublic = isPublicAccess(access);
    const note = describeAccess(access);
    route.schema = {
      ...route.schema,
      description: route.schema?.description ? `${route.schema.description}\n\n${note}` : note,
      ...(isPublic ? {} : { security: [{ bearer: [] }, { apiKey: [] }] }),
    };
  });
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const isPublic = isPublicAccess(access);
    // Public routes still learn who is calling when credentials are sent (e.g. to show more).
    request.principal = await authenticate(request).catch((error) => {
      if (isPublic) return null;
      throw error;
    });
    const params = (request.params ?? {}) as Record<string, unknown>;
    if (isPublic) return;
    const principal = request.principal;
    if (!principal) throw unauthorized("unauthenticated", "log in or send an API key to call this route");
    if (principal.scopes && !(access.scope && principal.scopes.includes(access.scope))) {
      throw forbidden(
        "scope_missing",
        access.scope
          ? `this API key lacks the scope ${access.scope}`
          : "this route is for logged-in users, not API keys",
      );
    }
    if (!access.anyOf.some((rule) => ruleMatches(rule, principal, params))) {
      throw forbidden("forbidden", "you may not call this route");
    }
  });
}

/** The principal of a route that declared a non-public rule (the hook guarantees it is set). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal)
    throw unauthorized("unauthenticated", "log in or send an API key to call this route");
  return request.principal;
}

/** Who did it, as recorded in events. */
export const actorOf = (p: Principal) => ({
  participantId: p.participantId,
  ...(p.userId ? { userId: p.userId } : {}),
  ...(p.apiKeyId ? { apiKeyId: p.apiKeyId } : {}),
});
