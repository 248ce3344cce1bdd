import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../kernel/errors.js";
import { allow } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { contractRoutes } from "./contracts.routes.js";
import { selfOrOverseers } from "./rights.access.js";
import type { RightsPorts } from "./rights.ports.js";
import { presentRight } from "./rights.present.js";
import { findRight, listRights } from "./rights.repo.js";
import { pageQuery, participantParams, rightParams, rightSchema, rightsQuery } from "./rights.schema.js";

/**
 * Reading rights (PR-2, PR-3 "registration states who holds each right"): the rights on a resource
 * in the public registry are public, like the registration itself; a participant's list of rights
 * is for the participant, the operator and the regulator.
 */
const tags = ["rights"];
const page = withProblems({ 200: z.object({ items: z.array(rightSchema) }) });

export const rightsRoutes =
  (k: Kernel, ports: RightsPorts): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(contractRoutes(k, ports));

    app.get(
      "/rights",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "The rights (holding, processing-and-use, product operation) on one registered resource",
          querystring: rightsQuery,
          response: page,
        },
      },
      async (request) => {
        const { resource, after, limit } = request.query;
        if (!(await ports.resourceVisible(k.db, request.principal, resource)))
          throw notFound("registration_not_found", `no registration ${resource}`, "resource");
        return { items: (await listRights(k.db, { resource, after, limit })).map(presentRight) };
      },
    );

    app.get(
      "/rights/:id",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "One right, with its basis and the right it derives from",
          params: rightParams,
          response: withProblems({ 200: rightSchema }),
        },
      },
      async (request) => {
        const row = await findRight(k.db, request.params.id);
        if (!row || !(await ports.resourceVisible(k.db, request.principal, row.resource_registration_id)))
          throw notFound("right_not_found", `no right ${request.params.id}`);
        return presentRight(row);
      },
    );

    app.get(
      "/participants/:id/rights",
      {
        config: { access: selfOrOverseers },
        schema: {
          tags,
          summary: "The rights a participant holds or held",
          params: participantParams,
          querystring: pageQuery,
          response: page,
        },
      },
      async (request) => {
        const { after, limit } = request.query;
        const rows = await listRights(k.db, { holder: request.params.id, after, limit });
        return { items: rows.map(presentRight) };
      },
    );
  };
