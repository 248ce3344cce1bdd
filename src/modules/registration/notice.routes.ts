import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { closeNotice, decideObjection, fileObjection, objectionsOf } from "./notice.service.js";
import { canSeeObjection, presentObjection, presentRegistration, reviewers } from "./registration.present.js";
import { listRegistrations } from "./registration.repo.js";
import {
  objectionBody,
  objectionDecisionBody,
  objectionParams,
  objectionSchema,
  registrationParams,
  registrationSchema,
} from "./registration.schema.js";
import { visibleRegistration } from "./registration.transition.js";

/**
 * Public notice and objections. Objections: any logged-in participant but the holder files them;
 * the holder, the operator, the regulator and the objector read them; exchange reviewers decide
 * them and close notices. (The rights on a registered resource are the rights module's.)
 */
const tags = ["registration"];

export const noticeRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/registrations/:id/objections",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Object to a registration in public notice, with reasons and evidence (not the holder)",
          params: registrationParams,
          body: objectionBody,
          response: withProblems({ 201: objectionSchema }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(principalOf(request));
        const row = await fileObjection(k, actor, request.params.id, request.body);
        return reply.code(201).send(presentObjection(row));
      },
    );

    app.get(
      "/registrations/:id/objections",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Objections to a registration: all for the holder and overseers, one's own for objectors",
          params: registrationParams,
          response: withProblems({ 200: z.object({ items: z.array(objectionSchema) }) }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const reg = await visibleRegistration(k.db, p, request.params.id);
        const rows = await objectionsOf(k.db, reg.id);
        return { items: rows.filter((o) => canSeeObjection(p, reg, o)).map(presentObjection) };
      },
    );

    app.get(
      "/registrations/review-queue",
      {
        config: { access: reviewers },
        schema: {
          tags,
          summary: "Reviewers' queue: submitted and in formal review, then notices whose period is over",
          response: withProblems({ 200: z.object({ items: z.array(registrationSchema) }) }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const review = await listRegistrations(k.db, { statuses: ["submitted", "in_review"], limit: 200 });
        const due = await listRegistrations(k.db, {
          statuses: ["in_notice"],
          noticeEndsBefore: k.clock.now().toISOString(),
          limit: 200,
        });
        return { items: [...review, ...due].map((r) => presentRegistration(r, p)) };
      },
    );

    app.post(
      "/objections/:id/decision",
      {
        config: { access: reviewers },
        schema: {
          tags,
          summary: "Uphold or dismiss an objection, with a reason (reviewers)",
          params: objectionParams,
          body: objectionDecisionBody,
          response: withProblems({ 200: objectionSchema }),
        },
      },
      async (request) => {
        const { decision, reason } = request.body;
        const actor = actorOf(principalOf(request));
        return presentObjection(await decideObjection(k, actor, request.params.id, decision, reason));
      },
    );

    app.post(
      "/registrations/:id/close-notice",
      {
        config: { access: reviewers },
        schema: {
          tags,
          summary:
            "Close the public notice: registered after the period, rejected on an upheld objection (idempotent)",
          params: registrationParams,
          response: withProblems({ 200: registrationSchema }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        return presentRegistration(await closeNotice(k, actorOf(p), request.params.id), p);
      },
    );
  };
