import { sql } from "kysely";
import type { Kernel } from "../../src/kernel/kernel.js";
import {
  type CatalogSource,
  FACET_NAMES,
  FACETS,
  type FacetName,
  project,
} from "../../src/modules/catalog/index.js";

/**
 * Catalog items written straight through the projection (no registry round trip), with facet
 * values and name words drawn from small pools so that random queries and filters hit real subsets.
 */
export const WORDS = ["交通", "气象", "医疗", "港口", "教育", "能耗"] as const;
export const POOLS: Record<FacetName, readonly (string | null)[]> = {
  class: ["public", "enterprise", "personal"],
  grade: ["core", "important", "general"],
  industry: ["A", "G", "N", null],
  region: ["110000", "310000", "440000", null],
  holderType: ["enterprise", "government_body", "data_vendor"],
  format: ["csv", "json", "parquet", null],
  status: ["in_notice", "registered", "cancelled"],
};

/** Deterministic small PRNG (mulberry32), so a failing seed reproduces. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

export function itemSource(n: number, rnd: ReturnType<typeof prng>): CatalogSource {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const words = [rnd.pick(WORDS), rnd.pick(WORDS)];
  return {
    registrationId: `reg_facets${String(n).padStart(20, "0")}`,
    registrationNumber: null,
    status: rnd.pick(POOLS.status) as string,
    name: `${words[0]}${words[1]}数据 ${n}`,
    description: null,
    holder: {
      participantId: `ptc_facets${String(n % 7).padStart(20, "0")}`,
      type: rnd.pick(POOLS.holderType) as string,
      name: "某公司",
      region: rnd.pick(POOLS.region),
    },
    originClass: rnd.pick(POOLS.class) as string,
    grade: rnd.pick(POOLS.grade) as string,
    sensitivePersonal: false,
    industry: rnd.pick(POOLS.industry),
    format: rnd.pick(POOLS.format),
    updateFrequency: null,
    keywords: [],
    fieldNames: [],
    spatialCoverage: null,
    timeFrom: null,
    timeTo: null,
    sourceUnit: null,
    catalogCode: null,
    volumeRows: null,
    publishedAt: at,
    noticeEndsAt: null,
    registeredAt: null,
    cancelReason: null,
    updatedAt: at,
  };
}

export async function addItems(k: Kernel, from: number, count: number, rnd: ReturnType<typeof prng>) {
  await k.transaction(async (trx) => {
    for (let n = from; n < from + count; n++) {
      const s = itemSource(n, rnd);
      await project(trx, s.registrationId, s);
    }
  });
}

type Filters = Partial<Record<FacetName, string[]>>;

/**
 * The brute-force answer: per facet, `group by` over catalog_items with the full-text predicate
 * and every filter in SQL (what the catalog computed before the in-memory index).
 */
export async function sqlCounts(k: Kernel, words: readonly string[], filters: Filters) {
  let q = k.db.selectFrom("catalog_items");
  if (words.length > 0)
    q =
      k.database.dialect === "sqlite"
        ? q.where(
            "doc",
            "in",
            sql`(select rowid from catalog_fts where catalog_fts match ${words.map((w) => `"${w}"`).join(" ")})`,
          )
        : q.where(sql<boolean>`search_vector @@ plainto_tsquery('simple', ${words.join(" ")})`);
  for (const f of FACET_NAMES) {
    const values = filters[f];
    if (values?.length) q = q.where(FACETS[f], "in", values);
  }
  const facets = {} as Record<FacetName, { value: string; count: number }[]>;
  let total = 0;
  for (const f of FACET_NAMES) {
    const rows = await q
      .select([sql.ref(FACETS[f]).as("value"), sql`count(*)`.as("n")])
      .groupBy(FACETS[f])
      .execute();
    const list = rows
      .filter((r) => r.value !== null)
      .map((r) => ({ value: String(r.value), count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    facets[f] = list;
    if (f === "status") total = rows.reduce((s, r) => s + Number(r.n), 0);
  }
  return { total, facets };
}
