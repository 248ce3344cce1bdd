import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "../../src/kernel/kernel.js";
import { currentFacetIndex } from "../../src/modules/catalog/facet-cache.js";
import { FacetIndex } from "../../src/modules/catalog/facet-index.js";
import { project, search } from "../../src/modules/catalog/index.js";
import { openKernel } from "../../src/server/runtime.js";
import { DIALECTS, type TestKernel, testKernel } from "../support/kernels.js";
import { addItems, itemSource, prng, sqlCounts } from "./items.js";

/**
 * PR-3 facets stay exact when the catalog is written by another process: the CLI's reindex, or
 * another server on the same PostgreSQL. Two kernels on one database stand in for two processes:
 * each keeps its own facet index, and a write through one is seen by the next search of the other.
 */
describe.each(DIALECTS)("catalog facet cache on %s", (dialect) => {
  let t: TestKernel;
  let other: Kernel;
  const rnd = prng(7);
  beforeAll(async () => {
    t = await testKernel(dialect);
    other = await openKernel(t.config);
    await addItems(t.k, 0, 50, rnd);
  });
  afterAll(async () => {
    await other.close();
    await t.cleanup();
  });

  const counts = async (k: Kernel, q = "") => {
    const r = await search(k, { q, filters: {}, limit: 1, offset: 0 });
    return { total: r.total, facets: r.facets };
  };

  it("PR-3: keeps one index per database while nothing changes", async () => {
    const mine = await currentFacetIndex(t.k.db, dialect);
    expect(await currentFacetIndex(t.k.db, dialect)).toBe(mine); // no write: no reload
    const theirs = await currentFacetIndex(other.db, dialect);
    expect(theirs).not.toBe(mine); // never shared across kernels
    expect(mine.size).toBe(50);
    expect(theirs.size).toBe(50);
  });

  it("PR-3: a write through another kernel invalidates this kernel's index", async () => {
    const before = await counts(t.k);
    expect(before).toEqual(await sqlCounts(t.k, [], {}));
    const first = await currentFacetIndex(t.k.db, dialect);

    // a new item through the other kernel, with a format nobody else has
    const added = { ...itemSource(1000, rnd), format: "xlsx", status: "registered" };
    await other.transaction((trx) => project(trx, added.registrationId, added));
    const afterAdd = await counts(t.k);
    expect(afterAdd.total).toBe(before.total + 1);
    expect(afterAdd.facets.format).toContainEqual({ value: "xlsx", count: 1 });
    expect(afterAdd).toEqual(await sqlCounts(t.k, [], {}));
    expect(await currentFacetIndex(t.k.db, dialect)).not.toBe(first);

    // a facet changed in place (same doc): only the generation tells
    await other.transaction((trx) => project(trx, added.registrationId, { ...added, format: "json" }));
    const afterChange = await counts(t.k);
    expect(afterChange.facets.format.find((v) => v.value === "xlsx")).toBeUndefined();
    expect(afterChange).toEqual(await sqlCounts(t.k, [], {}));

    // removed through the other kernel
    await other.transaction((trx) => project(trx, added.registrationId, null));
    expect(await counts(t.k)).toEqual(before);

    // and the other way round, with words
    const word = await counts(other, "交通");
    await addItems(t.k, 2000, 5, rnd);
    const words = (await search(other, { q: "交通", filters: {}, limit: 1, offset: 0 })).words;
    expect(await counts(other, "交通")).toEqual(await sqlCounts(other, words, {}));
    expect((await counts(other, "交通")).total).toBeGreaterThanOrEqual(word.total);
  });

  it("a write that fails leaves the generation and the index as they were", async () => {
    const index = await currentFacetIndex(t.k.db, dialect);
    const s = { ...itemSource(3000, rnd), format: "xml" };
    await expect(
      other.transaction(async (trx) => {
        await project(trx, s.registrationId, s);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await currentFacetIndex(t.k.db, dialect)).toBe(index);
    expect((await counts(t.k)).facets.format.find((v) => v.value === "xml")).toBeUndefined();
  });
});

describe("FacetIndex", () => {
  /** one item per doc, every facet but format constant */
  const index = (docs: number[], formats: (string | null)[]) => {
    const same = <T>(v: T) => docs.map(() => v);
    return new FacetIndex({
      docs,
      columns: {
        class: same("public"),
        grade: same("general"),
        industry: same(null),
        region: same(null),
        holderType: same("enterprise"),
        format: formats,
        status: same("registered"),
      },
    });
  };

  it("PR-3: counts sparse doc ids, reports docs it does not know, ignores unknown filter values", () => {
    const sparse = index([3, 9_000_000_000, 7], ["csv", "json", null]);
    const all = sparse.count(null, {});
    expect(all.total).toBe(3);
    expect(all.facets.format).toEqual([
      { value: "csv", count: 1 },
      { value: "json", count: 1 },
    ]);
    expect(all.facets.industry).toEqual([]);
    const some = sparse.count([9_000_000_000, 7, 4], { format: ["json", "nope"] });
    expect(some).toMatchObject({ total: 1, unknown: 1 });
    expect(sparse.count([3], { format: ["nope"] }).total).toBe(0);
  });

  it("widens its code columns past 256 values", () => {
    const docs = Array.from({ length: 300 }, (_, i) => i + 1);
    const counts = index(
      docs,
      docs.map((d) => `f${d}`),
    ).count([1, 300], {});
    expect(counts.facets.format).toEqual([
      { value: "f1", count: 1 },
      { value: "f300", count: 1 },
    ]);
  });

  it("refuses columns of different lengths", () => {
    expect(() => index([1, 2], ["csv"])).toThrow("facet column format");
  });
});
