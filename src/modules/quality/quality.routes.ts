import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden } from "../../kernel/errors.js";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { ESCALATED_STATUSES, OVERSEER_TYPES } from "./quality.model.js";
import { isOverseer, presentFeedback, visibleFeedback } from "./quality.present.js";
import { countFeedback, listFeedback } from "./quality.repo.js";
import {
  decisionBody,
  feedbackParams,
  feedbackSchema,
  listQuery,
  responseBody,
  summaryQuery,
  summarySchema,
} from "./quality.schema.js";
import { decide, escalate, resolve, respond } from "./quality.service.js";

/**
 * The quality loop (SG-7) after filing (filing reads the registration: src/flows/quality-feedback.routes.ts).
 * Parties read and move their items; overseers see escalations and overdue items, decide
 * escalations and alone list the overdue ones; anyone reads the counts per resource.
 */
const tags = ["quality"];
const one = withProblems({ 200: feedbackSchema });

export const qualityRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/quality-feedback/summary",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "Counts of quality feedback and objections on one resource (for its catalog page)",
          querystring: summaryQuery,
          response: withProblems({ 200: summarySchema }),
        },
      },
      async (request) => {
        const { registration } = request.query;
        const { counts, overdue } = await countFeedback(k.db, registration, k.clock.now().toISOString());
        const n = (s: keyof typeof counts) => counts[s] ?? 0;
        const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
        return {
          registrationId: registration,
          open: n("open"),
          responded: n("responded"),
          resolved: n("resolved"),
          escalated: n("escalated"),
          decided: n("decided"),
          overdue,
          total,
        };
      },
    );

    app.get(
      "/quality-feedback",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Feedback the caller filed or received; overseers: escalations, and overdue=true",
          querystring: listQuery,
          response: withProblems({ 200: z.object({ items: z.array(feedbackSchema) }) }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { overdue, status, registration, after, limit } = request.query;
        const overseer = isOverseer(p);
        if (overdue && !overseer)
          throw forbidden(
            "overseers_only",
            "the overdue list is for the regulator and the exchange operator",
          );
        const now = k.clock.now();
        const rows = await listFeedback(k.db, {
          party: p.participantId,
          ...(overseer && !overdue ? { orStatuses: ESCALATED_STATUSES } : {}),
          // the overdue list is the overseers' own view, not limited to their parties
          ...(overdue ? { party: undefined, overdueAt: now.toISOString() } : {}),
          status,
          registration,
          after,
          limit,
        });
        return { items: rows.map((r) => presentFeedback(r, now)) };
      },
    );

    app.get(
      "/quality-feedback/:id",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "One item (filer, holder; overseers once escalated or overdue)",
          params: feedbackParams,
          response: one,
        },
      },
      async (request) => {
        const now = k.clock.now();
        return presentFeedback(
          await visibleFeedback(k.db, principalOf(request), request.params.id, now),
          now,
        );
      },
    );

    app.post(
      "/quality-feedback/:id/response",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "The holder's response: accept with a planned fix, or dispute with reasons",
          params: feedbackParams,
          body: responseBody,
          response: one,
        },
      },
      async (request) => {
        const body = request.body;
        const words = body.response === "accept" ? body.plannedFix : body.reasons;
        const row = await respond(k, actorOf(principalOf(request)), request.params.id, body.response, words);
        return presentFeedback(row, k.clock.now());
      },
    );

    for (const [path, summary, run] of [
      ["resolve", "Close as resolved (the filer)", resolve],
      [
        "escalate",
        "Escalate to the exchange operator and the regulator (the filer; after a response or the deadline)",
        escalate,
      ],
    ] as const)
      app.post(
        `/quality-feedback/:id/${path}`,
        {
          config: { access: allow.authenticated() },
          schema: { tags, summary, params: feedbackParams, response: one },
        },
        async (request) =>
          presentFeedback(await run(k, actorOf(principalOf(request)), request.params.id), k.clock.now()),
      );

    app.post(
      "/quality-feedback/:id/decision",
      {
        config: { access: allow.participantTypes(OVERSEER_TYPES) },
        schema: {
          tags,
          summary: "Close an escalation with a decision and a reason (exchange operator or regulator)",
          params: feedbackParams,
          body: decisionBody,
          response: one,
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { decision, reason } = request.body;
        const row = await decide(
          k,
          { ...actorOf(p), participantType: p.participantType },
          request.params.id,
          decision,
          reason,
        );
        return presentFeedback(row, k.clock.now());
      },
    );
  };
