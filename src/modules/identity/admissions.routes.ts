import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { transitionParticipant } from "./admission.service.js";
import { admissionsQuery, admitBody, idParam, participantSchema, reasonBody } from "./identity.schema.js";
import { listParticipants } from "./participants.repo.js";
import { presentParticipant } from "./participants.service.js";

/** The exchange operator's admission queue (准入审核), SG-12. */
const reviewers = allow.participantTypes(["exchange_operator"], {
  roles: ["admin", "reviewer"],
  scope: "admissions:review",
});
const idParams = z.strictObject({ id: idParam("ptc") });

export const admissionRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/admissions",
      {
        config: { access: reviewers },
        schema: {
          tags: ["admissions"],
          summary: "Applications by status (pending by default), oldest first",
          querystring: admissionsQuery,
          response: withProblems({ 200: z.object({ items: z.array(participantSchema) }) }),
        },
      },
      async (request) => {
        const rows = await listParticipants(k.db, { status: request.query.status, limit: 500 });
        return { items: rows.map(presentParticipant) };
      },
    );

    app.post(
      "/admissions/:id/admit",
      {
        config: { access: reviewers },
        schema: {
          tags: ["admissions"],
          summary: "Admit an applicant (准入)",
          params: idParams,
          body: admitBody,
          response: withProblems({ 200: participantSchema }),
        },
      },
      async (request) => {
        const row = await transitionParticipant(
          k,
          actorOf(principalOf(request)),
          request.params.id,
          "admit",
          request.body?.note ?? null,
        );
        return presentParticipant(row);
      },
    );

    app.post(
      "/admissions/:id/reject",
      {
        config: { access: reviewers },
        schema: {
          tags: ["admissions"],
          summary: "Reject an applicant, with a reason",
          params: idParams,
          body: reasonBody,
          response: withProblems({ 200: participantSchema }),
        },
      },
      async (request) => {
        const row = await transitionParticipant(
          k,
          actorOf(principalOf(request)),
          request.params.id,
          "reject",
          request.body.reason,
        );
        return presentParticipant(row);
      },
    );
  };
