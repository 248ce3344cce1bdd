import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { changesOf, fileChange } from "./change.service.js";
import { canSee, presentRegistration } from "./registration.present.js";
import { changeBody, registrationParams, registrationSchema } from "./registration.schema.js";
import { visibleRegistration } from "./registration.transition.js";

/**
 * Change registrations (变更登记, PR-3). The holder files a change of a registered resource; the
 * change is then a registration like any other (edit while draft, submit, review, notice,
 * objections — the same routes) until it is applied. Anyone may list the changes they may see.
 */
const tags = ["registration"];

export const changeRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/registrations/:id/changes",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "File a change registration (变更登记) of a registered resource (holder only)",
          description:
            "Creates a draft of kind `change`: the resource's content with the given changes. Submit it like any draft; once its public notice closes cleanly the resource takes the new content, keeps its number and its version goes up by one (its certificate is superseded).",
          params: registrationParams,
          body: changeBody,
          response: withProblems({ 201: registrationSchema }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const row = await fileChange(k, actorOf(p), request.params.id, request.body);
        return reply.code(201).send(presentRegistration(row, p));
      },
    );

    app.get(
      "/registrations/:id/changes",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "The change registrations of a resource that the caller may see, oldest first",
          params: registrationParams,
          response: withProblems({ 200: z.object({ items: z.array(registrationSchema) }) }),
        },
      },
      async (request) => {
        const viewer = request.principal;
        await visibleRegistration(k.db, viewer, request.params.id);
        const rows = await changesOf(k.db, request.params.id);
        return { items: rows.filter((r) => canSee(viewer, r)).map((r) => presentRegistration(r, viewer)) };
      },
    );
  };
