// The catalog query as the page holds it, and its two spellings: the portal URL (shareable, only
// what differs from the defaults) and the API request. Pure, unit-tested. Values the API would
// refuse (unknown facet values, a page past the API's offset limit) are dropped when a URL is
// read, so a hand-edited or stale link still shows something instead of an error.
import {
  CATALOG_STATUSES,
  type CatalogSort,
  FACET_NAMES,
  type FacetName,
  FORMATS,
  GRADES,
  HOLDER_TYPES,
  INDUSTRY_CODES,
  MAX_OFFSET,
  ORIGIN_CLASSES,
  SORTS,
} from "./model.js";

export const PAGE_SIZE = 20;
export const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;
const MAX_Q = 200;

export type Filters = Record<FacetName, string[]>;

export interface CatalogQuery {
  q: string;
  filters: Filters;
  /** "" lets the server choose: relevance with words, newest without */
  sort: CatalogSort | "";
  /** 1-based */
  page: number;
}

const ALLOWED: Record<FacetName, (value: string) => boolean> = {
  class: (v) => (ORIGIN_CLASSES as readonly string[]).includes(v),
  grade: (v) => (GRADES as readonly string[]).includes(v),
  industry: (v) => (INDUSTRY_CODES as readonly string[]).includes(v),
  region: (v) => /^\d{6}$/.test(v),
  holderType: (v) => (HOLDER_TYPES as readonly string[]).includes(v),
  format: (v) => (FORMATS as readonly string[]).includes(v),
  status: (v) => (CATALOG_STATUSES as readonly string[]).includes(v),
};

export const noFilters = (): Filters =>
  Object.fromEntries(FACET_NAMES.map((f) => [f, [] as string[]])) as unknown as Filters;

export const emptyQuery = (): CatalogQuery => ({ q: "", filters: noFilters(), sort: "", page: 1 });

/** Reads the page's URL: `?q=交通&industry=G,N&page=2` (a facet's values comma-separated, as the API takes them). */
export function parseQuery(params: URLSearchParams): CatalogQuery {
  const filters = noFilters();
  for (const facet of FACET_NAMES) {
    const raw = params.getAll(facet).flatMap((v) => v.split(","));
    const values = raw.map((v) => v.trim()).filter((v) => v && ALLOWED[facet](v));
    filters[facet] = [...new Set(values)];
  }
  const sort = SORTS.find((s) => s === params.get("sort")) ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    q: [...(params.get("q") ?? "").trim()].slice(0, MAX_Q).join(""),
    filters,
    sort,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

function common(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q.trim());
  for (const facet of FACET_NAMES) {
    const values = query.filters[facet];
    if (values.length > 0) params.set(facet, values.join(","));
  }
  if (query.sort) params.set("sort", query.sort);
  return params;
}

/** The portal URL's search part for a query: defaults left out, so links stay short. */
export function toSearchParams(query: CatalogQuery): URLSearchParams {
  const params = common(query);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/** The API path for a query: `/catalog/search?…&limit=20&offset=…`. */
export function toApiPath(query: CatalogQuery): string {
  const params = common(query);
  params.set("limit", String(PAGE_SIZE));
  params.set("offset", String((Math.min(query.page, MAX_PAGE) - 1) * PAGE_SIZE));
  return `/catalog/search?${params.toString()}`;
}

/** Adds or removes one facet value; any change of filters goes back to the first page. */
export function toggleFilter(query: CatalogQuery, facet: FacetName, value: string): CatalogQuery {
  const current = query.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [facet]: next }, page: 1 };
}

export function clearFilters(query: CatalogQuery): CatalogQuery {
  return { ...query, filters: noFilters(), page: 1 };
}

export const hasFilters = (query: CatalogQuery) => FACET_NAMES.some((f) => query.filters[f].length > 0);

/** Pages for `total` results, at least 1, at most what the API lets one reach. */
export function pageCount(total: number): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE)));
}
