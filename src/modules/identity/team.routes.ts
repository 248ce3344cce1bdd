import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { hashPassword } from "../../kernel/crypto/password.js";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { listApiKeys } from "./api-keys.repo.js";
import { issueApiKey, presentApiKey, revokeKey } from "./api-keys.service.js";
import { apiKeySchema, idParam, newApiKeyBody, newUserBody, userSchema } from "./identity.schema.js";
import { listUsers } from "./users.repo.js";
import { createUser, presentUser } from "./users.service.js";

/**
 * A participant's own users and API keys; only its admins (logged-in people, never an API key)
 * change them, so a leaked key cannot mint more keys or users.
 */
const admins = allow.authenticated(undefined, ["admin"]);

export const teamRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/participants/me/users",
      {
        config: { access: allow.authenticated("participants:read") },
        schema: {
          tags: ["team"],
          summary: "My participant's users",
          response: withProblems({ 200: z.object({ items: z.array(userSchema) }) }),
        },
      },
      async (request) => ({
        items: (await listUsers(k.db, principalOf(request).participantId)).map(presentUser),
      }),
    );

    app.post(
      "/participants/me/users",
      {
        config: { access: admins },
        schema: {
          tags: ["team"],
          summary: "Add a user to my participant (admins only)",
          body: newUserBody,
          response: withProblems({ 201: userSchema }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const passwordHash = await hashPassword(request.body.password);
        const row = await k.transaction((trx) =>
          createUser(
            k,
            trx,
            { ...request.body, participantId: principal.participantId, passwordHash },
            actorOf(principal),
          ),
        );
        return reply.code(201).send(presentUser(row));
      },
    );

    app.get(
      "/participants/me/api-keys",
      {
        config: { access: allow.authenticated("participants:read") },
        schema: {
          tags: ["team"],
          summary: "My participant's API keys (never the secrets)",
          response: withProblems({ 200: z.object({ items: z.array(apiKeySchema) }) }),
        },
      },
      async (request) => ({
        items: (await listApiKeys(k.db, principalOf(request).participantId)).map(presentApiKey),
      }),
    );

    app.post(
      "/participants/me/api-keys",
      {
        config: { access: admins },
        schema: {
          tags: ["team"],
          summary: "Issue an API key (admins only); the secret is shown once",
          body: newApiKeyBody,
          response: withProblems({ 201: z.object({ apiKey: apiKeySchema, secret: z.string() }) }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply.code(201).send(await issueApiKey(k, actorOf(principal), request.body));
      },
    );

    app.post(
      "/participants/me/api-keys/:id/revoke",
      {
        config: { access: admins },
        schema: {
          tags: ["team"],
          summary: "Revoke one of my API keys (admins only)",
          params: z.strictObject({ id: idParam("key") }),
          response: withProblems({ 204: z.null() }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        await revokeKey(k, actorOf(principal), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
