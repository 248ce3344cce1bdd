import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../kernel/errors.js";
import { allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { applyForAdmission } from "./admission.service.js";
import { applicationBody, idParam, listQuery, participantSchema, userSchema } from "./identity.schema.js";
import { findParticipant, listParticipants } from "./participants.repo.js";
import { getParticipant, presentParticipant } from "./participants.service.js";
import { presentUser } from "./users.service.js";
import { canSeeParticipant, isOverseer, participantFor } from "./visibility.js";

const idParams = z.strictObject({ id: idParam("ptc") });

export const participantRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/participants",
      {
        config: { access: allow.public() },
        schema: {
          tags: ["participants"],
          summary: "Apply for admission (准入申请) as a market participant",
          description:
            "Organisations give their USCC (GB 32100), individuals their resident ID (GB 11643). The first user becomes the participant's admin. (SG-12)",
          body: applicationBody,
          response: withProblems({ 201: participantSchema }),
        },
      },
      async (request, reply) => {
        const { participant } = await applyForAdmission(
          k,
          request.body as Parameters<typeof applyForAdmission>[1],
        );
        return reply.code(201).send(presentParticipant(participant));
      },
    );

    app.get(
      "/participants/me",
      {
        config: { access: allow.authenticated("participants:read") },
        schema: {
          tags: ["participants"],
          summary: "Who am I: my participant and user",
          response: withProblems({
            200: z.object({ participant: participantSchema, user: userSchema.nullable() }),
          }),
        },
      },
      async (request) => {
        // A session's rows were read while authenticating; only API keys need another query.
        if (request.session) {
          return {
            participant: presentParticipant(request.session.participant),
            user: presentUser(request.session.user),
          };
        }
        const participant = await getParticipant(k.db, principalOf(request).participantId);
        return { participant: presentParticipant(participant), user: null };
      },
    );

    app.get(
      "/participants",
      {
        config: { access: allow.authenticated("participants:read") },
        schema: {
          tags: ["participants"],
          summary: "Directory of participants",
          description:
            "The operator and the regulator see every participant in any status; others see admitted participants' public profiles.",
          querystring: listQuery,
          response: withProblems({
            200: z.object({ items: z.array(participantSchema), next: z.string().nullable() }),
          }),
        },
      },
      async (request) => {
        const viewer = principalOf(request);
        const query = request.query;
        const status = isOverseer(viewer) ? query.status : "admitted";
        if (!isOverseer(viewer) && query.status && query.status !== "admitted")
          return { items: [], next: null };
        const rows = await listParticipants(k.db, { ...query, status });
        return {
          items: rows.map((row) => participantFor(viewer, row)),
          next: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
        };
      },
    );

    app.get(
      "/participants/:id",
      {
        config: { access: allow.public() },
        schema: {
          tags: ["participants"],
          summary: "A participant's profile, with its published Ed25519 public key",
          params: idParams,
          response: withProblems({ 200: participantSchema }),
        },
      },
      async (request) => {
        const row = await findParticipant(k.db, request.params.id);
        if (!row || !canSeeParticipant(request.principal, row))
          throw notFound("participant_not_found", `no participant ${request.params.id}`, "id");
        return participantFor(request.principal, row);
      },
    );
  };
