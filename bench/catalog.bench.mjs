// Catalog search (issue 5 item 12, decision 0016): 100,000 registered items in the catalog
// projection on SQLite, searched through the service (jieba segmentation of the query, FTS5
// MATCH joined to catalog_items with bm25 ranking, filters, and the seven facet counts over the
// matched set, counted on the in-memory facet index from the FTS5 rowids) against a plain FTS5
// MATCH … ORDER BY rank LIMIT 20 on the same index with the query already segmented (the
// baseline, same run, same file). Goal: service p99 ≤ 20 ms.
//
// Items are synthetic: names and descriptions built from a word list of data-resource terms,
// cities and company names from @faker-js/faker (zh_CN), some English words; facet values spread
// at random. They are written through the projection's own code (catalog `project`: segmentation,
// upsert, FTS triggers), 1,000 per transaction; the insert rate is reported too.
//
// Queries, one at a time, sequentially, after a warm-up: a mix of one term (40 %), two terms
// (20 %), city + term (15 %), an English word (10 %), a term with a facet filter (15 %). Browsing
// without words (facets over the whole catalog) is reported on its own line, and so are the
// worst case (数据, in about 30 % of the items) and the full reload of the in-memory facet index
// that a search pays once after each write to the catalog.
//
// Environment: YAOSU_BENCH_CATALOG_ITEMS (default 100,000), YAOSU_BENCH_CATALOG_QUERIES (default
// 2,000 per measurement), YAOSU_BENCH_CATALOG_KEEP=1 (keep the database, print its path). The kernel comes from dist/ (npm run bench builds first).

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fakerZH_CN as faker } from "@faker-js/faker";
import SQLite from "better-sqlite3";
import { fmtInt, table } from "./lib/harness.mjs";

export const title =
  "catalog search over 100,000 items (SQLite): service (segmentation + bm25 + facets) vs plain FTS5 MATCH";

const GOAL_P99_MS = 20;
const COMMON = "数据";
const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);

const int = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${raw}: expected a positive integer`);
  return n;
};

const TERMS = (
  "交通 流量 客流 公交 地铁 出租车 停车 路况 拥堵 物流 快递 仓储 港口 航运 航班 铁路 气象 降水 气温 空气质量 " +
  "水质 排污 能耗 电力 用电 燃气 供水 光伏 风电 碳排放 医疗 医保 药品 疫苗 门诊 住院 体检 教育 学籍 招生 " +
  "就业 社保 养老 公积金 税务 发票 工商 登记 企业 信用 金融 贷款 保险 证券 支付 消费 零售 电商 餐饮 旅游 " +
  "酒店 景区 文化 体育 农业 粮食 种植 养殖 林业 渔业 矿产 制造 工业 设备 传感器 物联网 卫星 遥感 地图 地理 " +
  "人口 户籍 住房 不动产 土地 规划 建筑 施工 环境 垃圾 绿化 应急 消防 安全 公安 司法 诉讼 专利 知识产权 科研 " +
  "论文 统计 普查 价格 指数 招聘 人才 通信 基站 网络 流媒体 广告 舆情 政务 审批 许可"
).split(" ");
const SUFFIXES = ["数据", "信息", "统计", "台账", "明细", "监测数据", "目录"];
const ENGLISH = "traffic weather energy health logistics finance retail satellite census sensor".split(" ");
const CLASSES = ["public", "enterprise", "personal"];
const GRADES = ["general", "general", "important", "core"];
const FORMATS = ["csv", "jsonl", "parquet", "json", "api", "database", "xlsx"];
const HOLDER_TYPES = ["enterprise", "government_body", "public_institution", "data_vendor"];
const FREQUENCIES = ["daily", "monthly", "yearly", "realtime", "irregular"];
const INDUSTRIES = "ABCDEFGHIJKLMNOPQRS".split("");
const PROVINCES = "110000 310000 320000 330000 440000 510000 420000 370000 500000 120000".split(" ");

faker.seed(20261203);
const pick = (list) => list[faker.number.int(list.length - 1)];
const CITIES = Array.from({ length: 300 }, () => faker.location.city().replace(/市$/, ""));

function source(n) {
  const [a, b, c, d] = [pick(TERMS), pick(TERMS), pick(TERMS), pick(TERMS)];
  const city = pick(CITIES);
  const company = faker.company.name();
  const english = faker.number.int(9) < 3 ? ` ${pick(ENGLISH)} ${pick(ENGLISH)}` : "";
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    registrationId: `reg_bench${String(n).padStart(21, "0")}`,
    registrationNumber: `YS-REG-2026-${String(n + 1).padStart(6, "0")}`,
    status: "registered",
    name: `${city}${a}${b}${pick(SUFFIXES)}`,
    description: `${company}汇集的${city}${a}与${c}相关记录，按日更新，覆盖${d}等业务场景。${english}`,
    holder: {
      participantId: `ptc_bench${String(n % 5000).padStart(21, "0")}`,
      type: pick(HOLDER_TYPES),
      name: company,
      region: pick(PROVINCES),
    },
    originClass: pick(CLASSES),
    grade: pick(GRADES),
    sensitivePersonal: false,
    industry: pick(INDUSTRIES),
    format: pick(FORMATS),
    updateFrequency: pick(FREQUENCIES),
    keywords: [a, c, d],
    fieldNames: ["id", `${a}_count`, "updated_at"],
    spatialCoverage: city,
    timeFrom: "2025-01-01",
    timeTo: "2025-12-31",
    sourceUnit: null,
    catalogCode: null,
    volumeRows: faker.number.int(10_000_000),
    publishedAt: at,
    noticeEndsAt: at,
    registeredAt: at,
    cancelReason: null,
    updatedAt: at,
  };
}

/** The query mix (see the header). */
function queries(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const roll = faker.number.int(99);
    if (roll < 40) out.push({ q: pick(TERMS), filters: {} });
    else if (roll < 60) out.push({ q: `${pick(TERMS)} ${pick(TERMS)}`, filters: {} });
    else if (roll < 75) out.push({ q: `${pick(CITIES)}${pick(TERMS)}`, filters: {} });
    else if (roll < 85) out.push({ q: pick(ENGLISH), filters: {} });
    else out.push({ q: pick(TERMS), filters: { industry: [pick(INDUSTRIES)], class: [pick(CLASSES)] } });
  }
  return out;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(label, times, extra = {}) {
  const sorted = [...times].sort((x, y) => x - y);
  const mean = times.reduce((s, v) => s + v, 0) / times.length;
  return {
    label,
    n: times.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    mean,
    ...extra,
  };
}

export async function run(ctx) {
  const items = int("YAOSU_BENCH_CATALOG_ITEMS", 100_000);
  const count = int("YAOSU_BENCH_CATALOG_QUERIES", 2000);
  const [{ loadConfig }, { openKernel }, catalog] = await Promise.all([
    load("kernel/config.js"),
    load("server/runtime.js"),
    load("modules/catalog/index.js"),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), "yaosu-bench-catalog-"));
  const file = join(dataDir, "yaosu.sqlite");
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: `sqlite:${file}`,
      logLevel: ctx.logLevel,
      masterKey: randomBytes(32).toString("base64"),
    },
  );
  const k = await openKernel(config);
  try {
    ctx.log(`    inserting ${fmtInt(items)} items through the projection…`);
    const insertStarted = performance.now();
    for (let start = 0; start < items; start += 1000)
      await k.transaction(async (trx) => {
        for (let n = start; n < Math.min(items, start + 1000); n++) {
          const s = source(n);
          await catalog.project(trx, s.registrationId, s);
        }
      });
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    ctx.log(`    ${fmtInt(items / insertSeconds)} items/s; measuring ${fmtInt(count)} queries each…`);

    const mix = queries(count);
    const segmented = mix.map((m) => catalog.queryWords(m.q, catalog.MAX_QUERY_TOKENS));
    const plain = new SQLite(file, { readonly: true });
    const match = plain.prepare(
      "select rowid from catalog_fts where catalog_fts match ? order by rank limit 20",
    );
    const ftsQuery = (words) => words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");

    const measureService = async (list) => {
      const times = [];
      let hits = 0;
      for (const m of list) {
        const t0 = performance.now();
        const result = await catalog.search(k, { q: m.q, filters: m.filters, limit: 20, offset: 0 });
        times.push(performance.now() - t0);
        hits += result.total;
      }
      return { times, meanHits: hits / list.length };
    };
    const measureBaseline = (list) => {
      const times = [];
      for (const words of list) {
        const q = ftsQuery(words);
        const t0 = performance.now();
        match.all(q);
        times.push(performance.now() - t0);
      }
      return { times };
    };

    // warm-up: the jieba dictionary, statement caches, the page cache
    await measureService(mix.slice(0, 200));
    measureBaseline(segmented.slice(0, 200));

    const baseline = measureBaseline(segmented);
    const service = await measureService(mix);
    const browse = await measureService(
      Array.from({ length: Math.min(200, count) }, () => ({
        q: "",
        filters: { industry: [pick(INDUSTRIES)] },
      })),
    );
    const browseAll = await measureService(Array.from({ length: 50 }, () => ({ q: "", filters: {} })));
    // the worst case: a word in almost a third of the items (every name ending in 数据)
    const commonCount = Math.min(200, count);
    const commonBaseline = measureBaseline(Array.from({ length: commonCount }, () => [COMMON]));
    // the matched docs as the service reads them: one comma-separated string
    const rowids = plain.prepare(
      "select group_concat(rowid, ',') from catalog_fts where catalog_fts match ?",
    );
    const commonIds = [];
    for (let i = 0; i < commonCount; i++) {
      const t0 = performance.now();
      rowids.get(ftsQuery([COMMON]));
      commonIds.push(performance.now() - t0);
    }
    const common = await measureService(
      Array.from({ length: commonCount }, () => ({ q: COMMON, filters: {} })),
    );
    plain.close();

    // full reload of the facet index after a write (what a search pays once per generation)
    const { currentFacetIndex } = await load("modules/catalog/facet-cache.js");
    const reloads = [];
    for (let i = 0; i < 10; i++) {
      const s = source(i);
      await k.transaction((trx) => catalog.project(trx, s.registrationId, s)); // bumps the generation
      const t0 = performance.now();
      await currentFacetIndex(k.db, "sqlite");
      reloads.push(performance.now() - t0);
    }

    const rows = [
      summary("baseline: FTS5 MATCH, rank, limit 20 (pre-segmented)", baseline.times),
      summary("service: search() — segmentation + bm25 join + 7 facets", service.times, {
        hits: service.meanHits,
      }),
      summary("service: browse, one industry filter, no words", browse.times, { hits: browse.meanHits }),
      summary("service: browse everything (facets over all items)", browseAll.times, {
        hits: browseAll.meanHits,
      }),
      summary(`baseline, common word ${COMMON}: FTS5 MATCH, rank, limit 20`, commonBaseline.times),
      summary(`FTS5 rowids of ${COMMON} alone, one string (what counting reads)`, commonIds),
      summary(`service, common word ${COMMON}`, common.times, { hits: common.meanHits }),
      summary("facet index full reload after a write", reloads, { hits: items }),
    ];
    const ms = (v) => `${v.toFixed(2)} ms`;
    const [base, svc] = rows;
    const text = [
      `${fmtInt(items)} items inserted at ${fmtInt(items / insertSeconds)} items/s (segmentation + upsert + FTS5 triggers)`,
      table(
        ["measurement", "queries", "p50", "p99", "max", "mean matched"],
        rows.map((r) => [
          r.label,
          fmtInt(r.n),
          ms(r.p50),
          ms(r.p99),
          ms(r.max),
          r.hits === undefined ? "" : fmtInt(r.hits),
        ]),
      ),
      `service / baseline: p50 ×${(svc.p50 / base.p50).toFixed(1)}, p99 ×${(svc.p99 / base.p99).toFixed(1)}`,
      `goal: service p99 ≤ ${GOAL_P99_MS} ms — ${svc.p99 <= GOAL_P99_MS ? "met" : "NOT met"} (${ms(svc.p99)})`,
    ].join("\n");
    return {
      text,
      data: { items, insertPerSecond: items / insertSeconds, measurements: rows, goalP99Ms: GOAL_P99_MS },
    };
  } finally {
    await k.close();
    if (process.env.YAOSU_BENCH_CATALOG_KEEP === "1") ctx.log(`    kept ${file}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
