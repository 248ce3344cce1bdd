import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { changeRoutes } from "./change.routes.js";
import { cancel, type RegistrationOptions, review, startReview } from "./lifecycle.service.js";
import { noticeRoutes } from "./notice.routes.js";
import { reclassify } from "./reclassify.service.js";
import { PUBLIC_STATUSES } from "./registration.model.js";
import { isOverseer, presentRegistration, reviewers } from "./registration.present.js";
import { listRegistrations } from "./registration.repo.js";
import {
  createBody,
  listQuery,
  reasonBody,
  reclassifyBody,
  registrationParams,
  registrationSchema,
  reviewBody,
  updateBody,
} from "./registration.schema.js";
import { createDraft, submit, updateDraft } from "./registration.service.js";
import { visibleRegistration } from "./registration.transition.js";

/**
 * Registrations (PR-3, PD-3). Drafts and registrations under review are seen by the holder, the
 * exchange operator and the regulator only; the public registry (in notice, registered, cancelled)
 * is readable by anyone without the contact details. Holders draft, edit, submit and cancel their
 * own; exchange-operator reviewers do the formal review.
 */
const one = withProblems({ 200: registrationSchema });
const page = withProblems({ 200: z.object({ items: z.array(registrationSchema) }) });
const tags = ["registration"];

export const registrationRoutes =
  (
    k: Kernel,
    options: RegistrationOptions = { noticeDays: k.config.registrationNoticeDays },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/registrations",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Draft a resource registration (确权登记); the caller's participant is the holder",
          body: createBody,
          response: withProblems({ 201: registrationSchema }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const row = await createDraft(k, actorOf(p), request.body);
        return reply.code(201).send(presentRegistration(row, p));
      },
    );

    app.get(
      "/registrations",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary:
            "The public registry (in notice, registered, cancelled), plus the caller's own registrations",
          description:
            "Anyone sees registrations in public notice and registered or cancelled ones; holders also see their own drafts; the operator and the regulator see all.",
          querystring: listQuery,
          response: page,
        },
      },
      async (request) => {
        const viewer = request.principal;
        const { status, holder, after, limit } = request.query;
        const filter = { holder, after, limit };
        let rows: Awaited<ReturnType<typeof listRegistrations>>;
        if (isOverseer(viewer)) {
          rows = await listRegistrations(k.db, { ...filter, ...(status ? { statuses: [status] } : {}) });
        } else if (!status) {
          const own = viewer ? { orHolder: viewer.participantId } : {};
          rows = await listRegistrations(k.db, { ...filter, statuses: PUBLIC_STATUSES, ...own });
        } else if (PUBLIC_STATUSES.includes(status)) {
          rows = await listRegistrations(k.db, { ...filter, statuses: [status] });
        } else {
          // a non-public status: the caller's own only
          rows = viewer
            ? await listRegistrations(k.db, { ...filter, statuses: [status], holder: viewer.participantId })
            : [];
          if (holder && viewer && holder !== viewer.participantId) rows = [];
        }
        return { items: rows.map((r) => presentRegistration(r, viewer)) };
      },
    );

    app.get(
      "/registrations/:id",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "One registration, if the caller may see it",
          params: registrationParams,
          response: one,
        },
      },
      async (request) =>
        presentRegistration(
          await visibleRegistration(k.db, request.principal, request.params.id),
          request.principal,
        ),
    );

    app.patch(
      "/registrations/:id",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Edit a draft (holder only)",
          params: registrationParams,
          body: updateBody,
          response: one,
        },
      },
      async (request) => {
        const p = principalOf(request);
        return presentRegistration(await updateDraft(k, actorOf(p), request.params.id, request.body), p);
      },
    );

    const action = (
      path: string,
      summary: string,
      access: typeof reviewers,
      run: (
        actor: ReturnType<typeof actorOf>,
        id: string,
        body: never,
      ) => Promise<Parameters<typeof presentRegistration>[0]>,
      body?: z.ZodType,
    ) =>
      app.post(
        `/registrations/:id/${path}`,
        {
          config: { access },
          schema: { tags, summary, params: registrationParams, ...(body ? { body } : {}), response: one },
        },
        async (request) => {
          const p = principalOf(request);
          return presentRegistration(await run(actorOf(p), request.params.id, request.body as never), p);
        },
      );

    action(
      "submit",
      "Submit a complete draft for formal review (holder only)",
      allow.authenticated(),
      (actor, id) => submit(k, actor, id),
    );
    action(
      "start-review",
      "Take a submitted registration into formal review (reviewers)",
      reviewers,
      (actor, id) => startReview(k, actor, id),
    );
    action(
      "review",
      "Formal review: pass (opens the public notice) or reject, with a reason (reviewers)",
      reviewers,
      (actor, id, body: z.infer<typeof reviewBody>) =>
        review(k, actor, id, body.decision, body.reason, options),
      reviewBody,
    );
    action(
      "classification",
      "Override the holder's class, grade and sensitive flag during formal review, with a reason (reviewers, PR-1)",
      reviewers,
      (actor, id, body: z.infer<typeof reclassifyBody>) => reclassify(k, actor, id, body),
      reclassifyBody,
    );
    action(
      "cancel",
      "Cancellation registration (注销登记) of a registered resource, with a reason (holder only)",
      allow.authenticated(),
      (actor, id, body: z.infer<typeof reasonBody>) => cancel(k, actor, id, body.reason),
      reasonBody,
    );

    await app.register(noticeRoutes(k));
    await app.register(changeRoutes(k));
  };
