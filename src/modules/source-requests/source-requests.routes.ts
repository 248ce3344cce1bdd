import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden } from "../../kernel/errors.js";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { isOverseer, presentSourceRequest, visibleRequest } from "./source-requests.present.js";
import { listSourceRequests } from "./source-requests.repo.js";
import { listQuery, refuseBody, sourceRequestParams, sourceRequestSchema } from "./source-requests.schema.js";
import { readCopy, refuseSourceRequest, withdrawSourceRequest } from "./source-requests.service.js";

/**
 * Copy requests of data sources (PR-5): reading, refusing, withdrawing and downloading the copy.
 * Submitting and fulfilling span modules (the registration, the node) and live in
 * src/flows/source-request.routes.ts. The requester and the holder see their requests; the
 * regulator and the exchange operator see all and alone list the overdue ones.
 */
const tags = ["source-requests"];
const one = withProblems({ 200: sourceRequestSchema });

export const sourceRequestRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/source-requests",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Copy requests the caller made or received; overseers see all, and alone ask overdue=true",
          querystring: listQuery,
          response: withProblems({ 200: z.object({ items: z.array(sourceRequestSchema) }) }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { overdue, status, after, limit } = request.query;
        if (overdue && !isOverseer(p))
          throw forbidden(
            "overseers_only",
            "the overdue list is for the regulator and the exchange operator",
          );
        const now = k.clock.now();
        const rows = await listSourceRequests(k.db, {
          ...(isOverseer(p) ? {} : { party: p.participantId }),
          ...(overdue ? { overdueAt: now.toISOString() } : {}),
          status,
          after,
          limit,
        });
        return { items: rows.map((r) => presentSourceRequest(r, now)) };
      },
    );

    app.get(
      "/source-requests/:id",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "One copy request (requester, holder, overseers)",
          params: sourceRequestParams,
          response: one,
        },
      },
      async (request) =>
        presentSourceRequest(
          await visibleRequest(k.db, principalOf(request), request.params.id),
          k.clock.now(),
        ),
    );

    app.post(
      "/source-requests/:id/refuse",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Refuse a copy request, with a reason (the holder)",
          params: sourceRequestParams,
          body: refuseBody,
          response: one,
        },
      },
      async (request) => {
        const p = principalOf(request);
        const row = await refuseSourceRequest(k, actorOf(p), request.params.id, request.body.reason);
        return presentSourceRequest(row, k.clock.now());
      },
    );

    app.post(
      "/source-requests/:id/withdraw",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Withdraw one's own open request (the requester)",
          params: sourceRequestParams,
          response: one,
        },
      },
      async (request) => {
        const p = principalOf(request);
        return presentSourceRequest(
          await withdrawSourceRequest(k, actorOf(p), request.params.id),
          k.clock.now(),
        );
      },
    );

    app.get(
      "/source-requests/:id/copy",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary:
            "Download the copy (the requester alone): CSV or JSON, only the rows matched by the identifier",
          params: sourceRequestParams,
        },
      },
      async (request, reply) => {
        const copy = await readCopy(k, principalOf(request), request.params.id);
        const type = copy.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        return reply
          .type(type)
          .header("content-disposition", `attachment; filename="${request.params.id}.${copy.format}"`)
          .header("cache-control", "no-store")
          .header("x-content-sha256", copy.sha256 ?? "")
          .send(copy.bytes);
      },
    );
  };
