import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reindexCatalog } from "../../src/flows/catalog-projection.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { registry } from "./helpers.js";

/**
 * The catalog follows the public registry (PR-3 published and searchable, PD-2/PD-3 open catalog):
 * items appear when their public notice starts, show their number once registered, stay marked
 * when cancelled, and drafts, submissions and rejected registrations never appear.
 */
describe.each(DIALECTS)("catalog on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const r = registry(() => t);

  it("PR-3: appears in notice, registered after the notice, cancelled stays marked; others never", async () => {
    const traffic = await r.submitted("enterprise-a", { name: "城市交通流量数据", keywords: ["路况"] });
    const draft = await r.draft("enterprise-a", { name: "城市交通草稿数据" });
    expect(await r.ids("q=交通")).toEqual([]);

    const passed = await r.as("operator", "POST", `/registrations/${traffic}/review`, {
      decision: "pass",
      reason: "complete",
    });
    expect(passed.statusCode).toBe(200);
    let found = await r.search("q=交通");
    expect(found.items.map((i) => i.id)).toEqual([traffic]);
    expect(found.items[0]).toMatchObject({ status: "in_notice", cancelled: false, registrationNumber: null });

    const rejectedAtReview = await r.submitted("enterprise-b", { name: "城市交通被驳回数据" });
    await r.as("operator", "POST", `/registrations/${rejectedAtReview}/review`, {
      decision: "reject",
      reason: "incomplete",
    });
    const objected = await r.inNotice("enterprise-b", { name: "城市交通有异议数据" });
    expect((await r.ids("q=交通")).sort()).toEqual([traffic, objected].sort());
    const objection = await r.as("enterprise-a", "POST", `/registrations/${objected}/objections`, {
      reasons: "这份数据是我们的",
      evidence: [],
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const upheld = await r.as("operator", "POST", `/objections/${objection.json().id}/decision`, {
      decision: "upheld",
      reason: "proven",
    });
    expect(upheld.statusCode, upheld.body).toBe(200);

    await r.closeNotices();
    found = await r.search("q=交通");
    expect(found.items.map((i) => i.id)).toEqual([traffic]);
    expect(found.items[0]?.status).toBe("registered");
    expect(found.items[0]?.registrationNumber).toMatch(/^YS-REG-\d{4}-\d{6}$/);
    // the registration number is searchable too
    expect(await r.ids(`q=${found.items[0]?.registrationNumber}`)).toEqual([traffic]);

    const cancelled = await r.as("enterprise-a", "POST", `/registrations/${traffic}/cancel`, {
      reason: "停止提供",
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    found = await r.search("q=交通");
    expect(found.items[0]).toMatchObject({ id: traffic, status: "cancelled", cancelled: true });
    expect((await r.search("q=交通&status=registered")).items).toEqual([]);

    for (const hidden of [draft, rejectedAtReview, objected])
      expect((await r.search("limit=100")).items.map((i) => i.id)).not.toContain(hidden);
  });

  it("finds Chinese by segmented words and English case-insensitively, ranks the name first", async () => {
    const flow = await r.inNotice("enterprise-a", {
      name: "上海市公共交通客流量统计",
      description: "地铁与公交的刷卡客流，按站点汇总",
      keywords: ["客流", "Metro"],
    });
    const weather = await r.inNotice("enterprise-b", {
      name: "Weather Observations Shanghai",
      description: "Hourly readings of the city's stations, including 公共交通 stops",
      keywords: ["weather"],
    });
    expect(await r.ids("q=客流量")).toEqual([flow]);
    expect(await r.ids("q=公交")).toEqual([flow]);
    expect(await r.ids("q=市公共交通")).toEqual([flow, weather]); // 市 alone is not required
    expect(await r.ids("q=metro")).toEqual([flow]);
    expect(await r.ids("q=WEATHER%20observations")).toEqual([weather]);
    expect(await r.ids("q=weather%20地铁")).toEqual([]); // every word must match
    const ranked = await r.search("q=公共交通");
    expect(ranked.items.map((i) => i.id)).toEqual([flow, weather]); // in the name beats in the text
    expect(ranked.words).toContain("公共交通");
  });

  it("counts facets over the matched set and filters per facet", async () => {
    const before = await r.search("q=港口");
    expect(before.total).toBe(0);
    const made = [
      await r.inNotice("enterprise-a", { name: "港口集装箱吞吐量", industry: "G", format: "csv" }),
      await r.inNotice("enterprise-a", { name: "港口船舶进出记录", industry: "G", format: "parquet" }),
      await r.inNotice("enterprise-b", {
        name: "港口空气质量监测",
        industry: "N",
        format: "csv",
        originClass: "enterprise",
        grade: "important",
      }),
    ];
    const all = await r.search("q=港口&limit=2");
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    expect(all.facets.industry).toEqual([
      { value: "G", count: 2 },
      { value: "N", count: 1 },
    ]);
    expect(all.facets.format).toEqual([
      { value: "csv", count: 2 },
      { value: "parquet", count: 1 },
    ]);
    expect(all.facets.grade).toEqual([
      { value: "general", count: 2 },
      { value: "important", count: 1 },
    ]);
    expect(all.facets.status).toEqual([{ value: "in_notice", count: 3 }]);
    expect(all.facets.holderType).toEqual([{ value: "enterprise", count: 3 }]);
    expect((all.facets.region ?? []).reduce((n, v) => n + v.count, 0)).toBe(3);
    expect((all.facets.region ?? []).every((v) => /^\d{2}0000$/.test(v.value))).toBe(true);

    const page2 = await r.search("q=港口&limit=2&offset=2");
    expect(new Set([...all.items, ...page2.items].map((i) => i.id))).toEqual(new Set(made));

    const csv = await r.search("q=港口&format=csv");
    expect(csv.total).toBe(2);
    expect(csv.facets.industry).toEqual([
      { value: "G", count: 1 },
      { value: "N", count: 1 },
    ]);
    const either = await r.search("q=港口&industry=N,G&grade=general");
    expect(either.items.map((i) => i.id).sort()).toEqual([made[0], made[1]].sort());
    const newest = await r.search("q=港口&sort=newest");
    expect(newest.items.map((i) => i.id)).toEqual([...made].reverse());
    const browse = await r.search("industry=N");
    expect(browse.items.map((i) => i.id)).toContain(made[2]);
    expect(browse.items.every((i) => i.id !== made[0])).toBe(true);
  });

  it("rebuilds the projection from the registry (reindex)", async () => {
    const id = await r.inNotice("enterprise-a", { name: "重建索引测试数据" });
    await t.k.db.deleteFrom("catalog_items").execute();
    expect(await r.ids("q=重建索引")).toEqual([]);
    const result = await reindexCatalog(t.k, { system: "test" });
    expect(result.indexed).toBeGreaterThan(0);
    expect(await r.ids("q=重建索引")).toEqual([id]);
    const again = await reindexCatalog(t.k, { system: "test" });
    expect(again).toEqual({ indexed: result.indexed, removed: 0 });
    expect(await r.ids("q=重建索引")).toEqual([id]);
  });

  it("refuses bad query parameters with 400, the code and the field", async () => {
    const cases: [string, string][] = [
      ["class=secret", "class"],
      ["grade=general,top", "grade"],
      ["industry=Z", "industry"],
      ["region=31", "region"],
      ["holderType=alien", "holderType"],
      ["format=doc", "format"],
      ["status=draft", "status"],
      ["sort=random", "sort"],
      ["limit=101", "limit"],
      ["limit=0", "limit"],
      ["offset=-1", "offset"],
      ["offset=10001", "offset"],
      [`q=${"数".repeat(201)}`, "q"],
      ["q=%00", "q"],
      ["unknown=1", ""],
    ];
    for (const [query, field] of cases) {
      const answer = await r.as(null, "GET", `/catalog/search?${query}`);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().code, query).toBe("validation_failed");
      if (field) expect(answer.json().field, query).toBe(field);
    }
  });
});
