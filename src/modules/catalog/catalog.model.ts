import { INDUSTRIES, INDUSTRY_CODES } from "../../lib/vocab/gb4754.js";
/**
 * The catalog (PR-3 "registration information is published and searchable, to match supply and
 * demand"; PD-2 open catalog; PD-3 public data resource catalog): a search projection of the
 * public registry. One item per registration in a public status; drafts, submissions under review
 * and rejected registrations never appear. Cancelled items stay findable, marked as cancelled,
 * so that someone holding an old reference learns what became of it.
 *
 * Values are repeated here rather than imported: a module never imports another module.
 */

export const CATALOG_STATUSES = ["in_notice", "registered", "cancelled"] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

export const ORIGIN_CLASSES = ["public", "enterprise", "personal"] as const;
export const GRADES = ["core", "important", "general"] as const;
/** GB/T 4754-2017 sections; the names are indexed too, so that 交通 finds section G. */
export const INDUSTRY_NAMES: Record<string, string> = INDUSTRIES;
export { INDUSTRY_CODES };
export const FORMATS = [
  "csv",
  "jsonl",
  "json",
  "parquet",
  "xml",
  "xlsx",
  "api",
  "database",
  "other",
] as const;
export const HOLDER_TYPES = [
  "government_body",
  "public_institution",
  "enterprise",
  "individual",
  "data_vendor",
  "third_party",
  "exchange_operator",
  "regulator",
] as const;

/** Facet name (query parameter) → catalog_items column. */
export const FACETS = {
  class: "origin_class",
  grade: "grade",
  industry: "industry",
  region: "region",
  holderType: "holder_type",
  format: "format",
  status: "status",
} as const;
export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

export const SORTS = ["relevance", "newest"] as const;
export type CatalogSort = (typeof SORTS)[number];

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** deep pages cost a scan of everything before them; past this, narrow the query instead */
export const MAX_OFFSET = 10_000;
/** query words beyond this are ignored: every word is one more posting list to intersect */
export const MAX_QUERY_TOKENS = 24;

/** bm25 / ts_rank weights: a word in the name counts more than one in the description */
export const TITLE_WEIGHT = 4;
export const BODY_WEIGHT = 1;

/**
 * The region facet is the holder's province-level division (GB/T 2260, `xx0000`): the
 * participant's declared region, else the registration-authority region embedded in its USCC
 * (characters 3–8). Province level because a facet with three thousand county codes helps nobody.
 * Individuals' resident IDs are never used (PR-8).
 */
export function provinceOf(
  region: string | null | undefined,
  uscc: string | null | undefined,
): string | null {
  const code = region && /^\d{6}$/.test(region) ? region : uscc?.slice(2, 8);
  if (!code || !/^[1-9]\d{5}$/.test(code)) return null;
  return `${code.slice(0, 2)}0000`;
}

export const EVENTS = { reindexed: "catalog.reindexed" } as const;
