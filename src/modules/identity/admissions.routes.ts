import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Access, actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { transitionParticipant } from "./admission.service.js";
import type { Transition } from "./identity.model.js";
import { admissionsQuery, admitBody, idParam, participantSchema, reasonBody } from "./identity.schema.js";
import { listParticipants } from "./participants.repo.js";
import { presentParticipant } from "./participants.service.js";

/**
 * Admission and exit (准入/退出, SG-12): the operator's queue, and every move of a participant
 * between states, each a POST with its reason recorded in the status and the evidence.
 */
const reviewers = allow.participantTypes(["exchange_operator"], {
  roles: ["admin", "reviewer"],
  scope: "admissions:review",
});
const operatorOrOwnAdmin = allow.anyOf([
  { participantTypes: ["exchange_operator"], roles: ["admin", "reviewer"] },
  { selfParam: "id", roles: ["admin"] },
]);
const idParams = z.strictObject({ id: idParam("ptc") });

const TRANSITION_ROUTES: {
  path: string;
  transition: Transition;
  access: Access;
  body: z.ZodType;
  summary: string;
}[] = [
  {
    path: "/admissions/:id/admit",
    transition: "admit",
    access: reviewers,
    body: admitBody,
    summary: "Admit an applicant (准入)",
  },
  {
    path: "/admissions/:id/reject",
    transition: "reject",
    access: reviewers,
    body: reasonBody,
    summary: "Reject an applicant, with a reason",
  },
  {
    path: "/participants/:id/suspend",
    transition: "suspend",
    access: reviewers,
    body: reasonBody,
    summary: "Suspend a participant (暂停), with a reason",
  },
  {
    path: "/participants/:id/reinstate",
    transition: "reinstate",
    access: reviewers,
    body: reasonBody,
    summary: "Lift a suspension, with a reason",
  },
  {
    path: "/participants/:id/exit",
    transition: "exit",
    access: operatorOrOwnAdmin,
    body: reasonBody,
    summary: "Exit the market (退出): by the operator, or by the participant's own admin",
  },
];

/** The reason of a transition: `reason`, or the optional admission `note`. */
const reasonOf = (body: unknown) => {
  const { reason, note } = (body ?? {}) as { reason?: string; note?: string };
  return reason ?? note ?? null;
};

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

    for (const route of TRANSITION_ROUTES) {
      app.post(
        route.path,
        {
          config: { access: route.access },
          schema: {
            tags: ["admissions"],
            summary: route.summary,
            params: idParams,
            body: route.body,
            response: withProblems({ 200: participantSchema }),
          },
        },
        async (request) => {
          const actor = actorOf(principalOf(request));
          const row = await transitionParticipant(
            k,
            actor,
            request.params.id,
            route.transition,
            reasonOf(request.body),
          );
          return presentParticipant(row);
        },
      );
    }
  };
