import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { unauthorized } from "../../kernel/errors.js";
import { allow } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { type LoginResult, login, logout, refresh } from "./auth.service.js";
import { loginBody, refreshBody, tokensSchema } from "./identity.schema.js";
import { presentParticipant } from "./participants.service.js";
import { presentUser } from "./users.service.js";

/** The portal keeps the refresh token in an HttpOnly cookie scoped to the auth routes. */
const REFRESH_COOKIE = "yaosu_refresh";
const COOKIE_PATH = "/api/v1/auth";

export const authRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    const answer = (reply: FastifyReply, result: LoginResult) => {
      reply.setCookie(REFRESH_COOKIE, result.refreshToken, {
        httpOnly: true,
        sameSite: "strict",
        secure: "auto",
        path: COOKIE_PATH,
        expires: new Date(result.refreshExpiresAt),
      });
      return {
        ...result,
        user: presentUser(result.user),
        participant: presentParticipant(result.participant),
      };
    };

    app.post(
      "/auth/login",
      {
        config: {
          access: allow.public(),
          // fresh credentials are never replayed from storage
          idempotency: false,
          rateLimit: { max: k.config.loginRateLimitPerMinute, timeWindow: "1 minute" },
        },
        schema: {
          tags: ["auth"],
          summary: "Log in with username and password",
          body: loginBody,
          response: withProblems({ 200: tokensSchema }),
        },
      },
      async (request, reply) =>
        answer(reply, await login(k, request.body.username, request.body.password, request.ip)),
    );

    app.post(
      "/auth/refresh",
      {
        config: { access: allow.public(), idempotency: false },
        schema: {
          tags: ["auth"],
          summary: "Exchange a refresh token (body or cookie) for new tokens",
          body: refreshBody,
          response: withProblems({ 200: tokensSchema }),
        },
      },
      async (request, reply) => {
        const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
        if (!token) throw unauthorized("invalid_refresh_token", "no refresh token in the body or cookie");
        return answer(reply, await refresh(k, token));
      },
    );

    app.post(
      "/auth/logout",
      {
        config: { access: allow.authenticated() },
        schema: { tags: ["auth"], summary: "End this session", response: withProblems({ 204: z.null() }) },
      },
      async (request, reply) => {
        if (request.session) await logout(k, request.session.sessionId);
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        return reply.code(204).send(null);
      },
    );
  };
