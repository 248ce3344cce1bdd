import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACET_NAMES, type FacetName, project, search } from "../../src/modules/catalog/index.js";
import { DIALECTS, type TestKernel, testKernel } from "../support/kernels.js";
import { addItems, itemSource, POOLS, prng, sqlCounts, WORDS } from "./items.js";

/**
 * PR-3 facets are exact: the counts computed on the in-memory facet index equal a brute-force
 * `group by` in SQL, for random words and random filters over a few hundred random items, while
 * random writes (new items, changed facets, removals) land between searches.
 */
describe.each(DIALECTS)("catalog facet counts on %s", (dialect) => {
  let t: TestKernel;
  const rnd = prng(20261211);
  let next = 0;
  beforeAll(async () => {
    t = await testKernel(dialect);
    await addItems(t.k, 0, 300, rnd);
    next = 300;
  });
  afterAll(() => t.cleanup());

  const filterValue = fc.constantFrom("public", "G", "310000", "csv", "registered", "nope");
  const filters = fc.record(
    Object.fromEntries(
      FACET_NAMES.map((f) => [
        f,
        fc.oneof(
          fc.constant(undefined),
          fc.subarray(
            POOLS[f].filter((v): v is string => v !== null),
            { minLength: 1 },
          ),
          fc.array(filterValue, { minLength: 1, maxLength: 2 }),
        ),
      ]),
    ) as Record<FacetName, fc.Arbitrary<string[] | undefined>>,
  );
  const write = fc.constantFrom("none", "add", "change", "remove");

  it("PR-3: counts and total equal a brute-force SQL count, with filters, across writes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...WORDS], { maxLength: 2 }),
        filters,
        write,
        fc.nat(299),
        async (words, chosen, change, target) => {
          if (change === "add") await addItems(t.k, next++, 1, rnd);
          else if (change !== "none") {
            const s = itemSource(target, rnd); // same id, new random facets
            await t.k.transaction((trx) => project(trx, s.registrationId, change === "remove" ? null : s));
          }
          const applied = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined));
          const result = await search(t.k, { q: words.join(" "), filters: applied, limit: 100, offset: 0 });
          const expected = await sqlCounts(t.k, result.words, applied);
          expect(result.words.length).toBe(words.length);
          expect(result.total).toBe(expected.total);
          expect(result.facets).toEqual(expected.facets);
          // the page is filtered like the counts
          expect(result.items.length).toBe(Math.min(100, expected.total));
          // best first: with words, the page is in relevance order
          const scores = result.items.map((item) => item.score ?? 0);
          if (result.words.length > 0)
            for (let i = 1; i < scores.length; i++)
              expect(scores[i]).toBeLessThanOrEqual((scores[i - 1] as number) + 1e-9);
          for (const item of result.items)
            for (const f of FACET_NAMES) {
              const column = { class: "origin_class", holderType: "holder_type" }[f as string] ?? f;
              const values = applied[f];
              if (values) expect(values).toContain((item as Record<string, unknown>)[column]);
            }
        },
      ),
      { numRuns: 100 },
    );
  });
});
