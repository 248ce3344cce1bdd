import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { conflict, notFound } from "../kernel/errors.js";
import { actorOf, allow, principalOf } from "../kernel/http/access.js";
import { withProblems } from "../kernel/http/problem.schema.js";
import type { Kernel } from "../kernel/kernel.js";
import { feedbackSchema, fileBody, fileFeedback, presentFeedback } from "../modules/quality/index.js";
// The registration module exports no reader yet; the flow reads the row through its repository.
import { findRegistration, OVERSEER_TYPES, PUBLIC_STATUSES } from "../modules/registration/index.js";

/**
 * Filing quality feedback or an objection (SG-7) spans two modules: the registration says who
 * holds the resource (who must respond) and whether it is registered at all.
 */
export const qualityFeedbackFlowRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/quality-feedback",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags: ["quality"],
          summary:
            "File quality feedback (with a dimension) or an objection to the data on a registered resource",
          body: fileBody,
          response: withProblems({ 201: feedbackSchema }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const body = request.body;
        const reg = await findRegistration(k.db, body.registrationId);
        const visible =
          reg &&
          (PUBLIC_STATUSES.includes(reg.status) ||
            reg.holder_participant_id === p.participantId ||
            OVERSEER_TYPES.includes(p.participantType));
        if (!reg || !visible)
          throw notFound(
            "registration_not_found",
            `no registration ${body.registrationId}`,
            "registrationId",
          );
        if (reg.status !== "registered")
          throw conflict(
            "registration_not_registered",
            `feedback is filed on registered resources; this one is ${reg.status} (object during the notice instead)`,
            "registrationId",
          );
        const row = await fileFeedback(k, actorOf(p), {
          registrationId: reg.id,
          holderParticipantId: reg.holder_participant_id,
          kind: body.kind,
          dimension: body.kind === "quality" ? body.dimension : undefined,
          text: body.text,
          evidence: body.evidence,
        });
        return reply.code(201).send(presentFeedback(row, k.clock.now()));
      },
    );
  };
