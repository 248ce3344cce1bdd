import { z } from "zod";
import { line } from "../../kernel/http/text.js";
import {
  CATALOG_STATUSES,
  DEFAULT_LIMIT,
  FACET_NAMES,
  FORMATS,
  GRADES,
  HOLDER_TYPES,
  INDUSTRY_CODES,
  MAX_LIMIT,
  MAX_OFFSET,
  ORIGIN_CLASSES,
  SORTS,
} from "./catalog.model.js";

/** Edge schemas of the catalog API (zod → OpenAPI). */

/** A facet filter: one value or several separated by commas (any of them matches). */
const anyOf = (values: readonly string[], what: string) =>
  z
    .string()
    .max(400)
    .describe(`${what}; several separated by commas match any of them`)
    .transform((raw, ctx) => {
      const parts = [...new Set(raw.split(",").map((p) => p.trim()))];
      const bad = parts.find((p) => !values.includes(p));
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `unknown value ${JSON.stringify(bad.slice(0, 40))}; expected ${values.slice(0, 20).join(", ")}`,
        });
        return z.NEVER;
      }
      return parts;
    });

const regions = z
  .string()
  .max(400)
  .describe("province-level GB/T 2260 codes (xx0000); several separated by commas")
  .transform((raw, ctx) => {
    const parts = [...new Set(raw.split(",").map((p) => p.trim()))];
    if (parts.length > 40 || parts.some((p) => !/^\d{6}$/.test(p))) {
      ctx.addIssue({ code: "custom", message: "expected 6-digit region codes separated by commas" });
      return z.NEVER;
    }
    return parts;
  });

export const searchQuery = z.strictObject({
  q: line(0, 200).optional().describe("words to find (Chinese is segmented; all words must match)"),
  class: anyOf(ORIGIN_CLASSES, "origin class").optional(),
  grade: anyOf(GRADES, "grade").optional(),
  industry: anyOf(INDUSTRY_CODES, "GB/T 4754 section A–T").optional(),
  region: regions.optional(),
  holderType: anyOf(HOLDER_TYPES, "holder participant type").optional(),
  format: anyOf(FORMATS, "format").optional(),
  status: anyOf(CATALOG_STATUSES, "registry status").optional(),
  sort: z.enum(SORTS).optional().describe("relevance (default with q) or newest (default without)"),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
});
export type SearchQueryInput = z.infer<typeof searchQuery>;

export const catalogItemSchema = z
  .object({
    id: z.string().describe("the registration id"),
    registrationNumber: z.string().nullable(),
    status: z.enum(CATALOG_STATUSES),
    cancelled: z.boolean(),
    name: z.string(),
    description: z.string().nullable(),
    holder: z.object({
      participantId: z.string(),
      type: z.string(),
      name: z.string().nullable().describe("null for individuals (personal information)"),
    }),
    region: z.string().nullable(),
    originClass: z.string(),
    grade: z.string(),
    sensitivePersonal: z.boolean(),
    industry: z.string().nullable(),
    format: z.string().nullable(),
    updateFrequency: z.string().nullable(),
    keywords: z.array(z.string()),
    spatialCoverage: z.string().nullable(),
    timeFrom: z.string().nullable(),
    timeTo: z.string().nullable(),
    sourceUnit: z.string().nullable(),
    catalogCode: z.string().nullable(),
    volumeRows: z.number().nullable(),
    publishedAt: z.string(),
    noticeEndsAt: z.string().nullable(),
    registeredAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    updatedAt: z.string(),
    score: z.number().nullable().describe("relevance (higher is better); null without a query"),
  })
  .meta({ id: "CatalogItem" });

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const searchAnswer = z
  .object({
    items: z.array(catalogItemSchema),
    total: z.number().int(),
    words: z.array(z.string()).describe("the query as segmented: what was searched for"),
    facets: z.object(
      Object.fromEntries(FACET_NAMES.map((f) => [f, facetValues])) as Record<
        (typeof FACET_NAMES)[number],
        typeof facetValues
      >,
    ),
  })
  .meta({ id: "CatalogSearchResult" });

export const dcatQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});
