import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../kernel/http/access.js";
import { withProblems } from "../kernel/http/problem.schema.js";
import { text } from "../kernel/http/text.js";
import type { Kernel } from "../kernel/kernel.js";
import { completeSuccession } from "./succession.js";
import { SUCCESSION_EVENTS } from "./succession-movers.js";

/**
 * `POST /participants/{id}/succession` (PR-4): the exchange operator records a merger, split,
 * dissolution or bankruptcy; the predecessor's rights, registrations and other obligations move to
 * its successors and it exits, in one transaction with one summary event.
 */
const operatorStaff = allow.participantTypes(["exchange_operator"], { roles: ["admin", "reviewer"] });
const id = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);

const successionBody = z.strictObject({
  event: z.enum(SUCCESSION_EVENTS),
  successors: z
    .array(id("ptc"))
    .min(1)
    .max(20)
    .describe("admitted participants; the first takes what is not allocated"),
  allocation: z
    .record(id("rgt"), id("ptc"))
    .optional()
    .describe("split only: right id → successor; other rights (and their registrations) go to the first"),
  reason: text(1, 2000),
});

const successionSchema = z
  .object({
    successionId: z.string(),
    event: z.enum(SUCCESSION_EVENTS),
    predecessorParticipantId: z.string(),
    successorParticipantIds: z.array(z.string()),
    moved: z.record(z.string(), z.array(z.unknown())).describe("what each obligation mover moved"),
    completedAt: z.string(),
  })
  .meta({ id: "Succession" });

export const successionRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/participants/:id/succession",
      {
        config: { access: operatorStaff },
        schema: {
          tags: ["rights"],
          summary:
            "Record a merger, split, dissolution or bankruptcy: everything moves to the successors (operator)",
          params: z.strictObject({ id: id("ptc") }),
          body: successionBody,
          response: withProblems({ 200: successionSchema }),
        },
      },
      async (request) =>
        completeSuccession(k, actorOf(principalOf(request)), request.params.id, request.body),
    );
  };
