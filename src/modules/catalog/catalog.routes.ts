import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { allow } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { FACET_NAMES } from "./catalog.model.js";
import { presentItem } from "./catalog.present.js";
import { countRegistered, listRegistered } from "./catalog.repo.js";
import { dcatQuery, searchAnswer, searchQuery } from "./catalog.schema.js";
import { search } from "./catalog.service.js";
import { dcatCatalog } from "./dcat.js";

/**
 * The public catalog (PR-3 published and searchable, PD-2 open catalog): anyone, without login,
 * searches the public registry and downloads it as DCAT 3. It only ever holds what the public
 * registry shows, so there is nothing to hide per caller.
 */
const tags = ["catalog"];

export const catalogRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/catalog/search",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "Search the public registry: Chinese/English full text, facets, filters, paging",
          description:
            "Items in public notice, registered or cancelled (marked). All words of q must match; facet counts are over the matched set with every filter applied.",
          querystring: searchQuery,
          response: withProblems({ 200: searchAnswer }),
        },
      },
      async (request) => {
        const { q, sort, limit, offset, ...rest } = request.query;
        const filters = Object.fromEntries(FACET_NAMES.map((f) => [f, rest[f]]).filter(([, v]) => v));
        const result = await search(k, { q, sort, limit, offset, filters });
        return { ...result, items: result.items.map(presentItem) };
      },
    );

    app.get(
      "/catalog/dcat",
      {
        config: { access: allow.public() },
        schema: {
          tags,
          summary: "The registered items as a W3C DCAT 3 catalog (JSON-LD), a page at a time",
          querystring: dcatQuery,
          response: withProblems({ 200: z.record(z.string(), z.unknown()) }),
        },
      },
      async (request, reply) => {
        const { offset, limit } = request.query;
        const [rows, total] = await Promise.all([listRegistered(k.db, offset, limit), countRegistered(k.db)]);
        const base = `${request.protocol}://${request.host}`;
        return reply.type("application/ld+json").send(dcatCatalog(rows, base, { offset, limit, total }));
      },
    );
  };
