// The catalog query's URL ↔ filters translation (PR-3 published and searchable, PD-2 open
// catalog): a shared link reopens the same search, and whatever the page asks the API passes the
// server's own edge schema — so a facet click can never produce a 400.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchQuery } from "../../../../src/modules/catalog/catalog.schema.js";
import {
  CATALOG_STATUSES,
  FACET_NAMES,
  FORMATS,
  GRADES,
  HOLDER_TYPES,
  INDUSTRY_CODES,
  ORIGIN_CLASSES,
  SORTS,
} from "./model.js";
import {
  type CatalogQuery,
  clearFilters,
  emptyQuery,
  hasFilters,
  MAX_PAGE,
  PAGE_SIZE,
  pageCount,
  parseQuery,
  toApiPath,
  toggleFilter,
  toSearchParams,
} from "./query.js";

const subset = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });

const queryArb: fc.Arbitrary<CatalogQuery> = fc.record({
  // printable text only: the API's line() refuses control characters
  q: fc.string({ maxLength: 60 }).map((s) => [...s].filter((c) => c >= " " && c !== "\u007f").join("")),
  filters: fc.record({
    class: subset(ORIGIN_CLASSES),
    grade: subset(GRADES),
    industry: subset(INDUSTRY_CODES),
    region: subset(["310000", "110000", "440000", "650000"]),
    holderType: subset(HOLDER_TYPES),
    format: subset(FORMATS),
    status: subset(CATALOG_STATUSES),
  }),
  sort: fc.constantFrom("" as const, ...SORTS),
  page: fc.integer({ min: 1, max: MAX_PAGE }),
});

const apiParams = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams);

describe("catalog query ↔ URL (PR-3, PD-2)", () => {
  it("PR-3: reads a shared link with Chinese words, several values per facet and a page", () => {
    const q = parseQuery(new URLSearchParams("q=交通 流量&industry=G,N&class=public&page=3&sort=newest"));
    expect(q.q).toBe("交通 流量");
    expect(q.filters.industry).toEqual(["G", "N"]);
    expect(q.filters.class).toEqual(["public"]);
    expect(q.filters.grade).toEqual([]);
    expect(q.page).toBe(3);
    expect(q.sort).toBe("newest");
  });

  it("PR-3: drops what the API would refuse instead of failing the whole page", () => {
    const q = parseQuery(
      new URLSearchParams("industry=G,Z,g&grade=secret&region=31,310000&page=-2&sort=random"),
    );
    expect(q.filters.industry).toEqual(["G"]);
    expect(q.filters.grade).toEqual([]);
    expect(q.filters.region).toEqual(["310000"]);
    expect(q.page).toBe(1);
    expect(q.sort).toBe("");
    expect(parseQuery(new URLSearchParams(`page=${MAX_PAGE + 50}`)).page).toBe(MAX_PAGE);
    expect(parseQuery(new URLSearchParams("page=1.5")).page).toBe(1);
  });

  it("PR-3: repeated parameters are merged like comma-separated ones", () => {
    const q = parseQuery(new URLSearchParams("format=csv&format=parquet,csv"));
    expect(q.filters.format).toEqual(["csv", "parquet"]);
  });

  it("PR-3: writes only what differs from the defaults, so links stay short", () => {
    expect(toSearchParams(emptyQuery()).toString()).toBe("");
    const q = toggleFilter({ ...emptyQuery(), q: " 空气质量 " }, "grade", "general");
    expect(toSearchParams(q).toString()).toBe(
      new URLSearchParams({ q: "空气质量", grade: "general" }).toString(),
    );
  });

  it("PR-3: a link written by the page reads back as the same query (property)", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const back = parseQuery(toSearchParams(query));
        expect(back).toEqual({ ...query, q: query.q.trim() });
      }),
    );
  });

  it("PD-2: every API request the page makes passes the server's search schema (property)", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const parsed = searchQuery.safeParse(apiParams(toApiPath(query)));
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (!parsed.success) return;
        expect(parsed.data.limit).toBe(PAGE_SIZE);
        expect(parsed.data.offset).toBe((query.page - 1) * PAGE_SIZE);
        for (const facet of FACET_NAMES) expect(parsed.data[facet] ?? []).toEqual(query.filters[facet]);
      }),
    );
  });

  it("PR-3: toggling a facet value adds then removes it and goes back to page 1", () => {
    const start = { ...emptyQuery(), page: 4 };
    const on = toggleFilter(start, "industry", "G");
    expect(on.filters.industry).toEqual(["G"]);
    expect(on.page).toBe(1);
    expect(hasFilters(on)).toBe(true);
    const off = toggleFilter(on, "industry", "G");
    expect(off.filters.industry).toEqual([]);
    expect(hasFilters(off)).toBe(false);
    expect(hasFilters(clearFilters(toggleFilter(on, "region", "310000")))).toBe(false);
  });

  it("PR-3: counts pages from the total, never fewer than one nor more than the API reaches", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
    expect(pageCount(10_000_000)).toBe(MAX_PAGE);
  });
});
