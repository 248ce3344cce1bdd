import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendBody, text } from "../http/garbage-arbitraries.js";
import { encode, queryString } from "../http/garbage-requests.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { registry } from "./helpers.js";

const KEYS = [
  "q",
  "class",
  "grade",
  "industry",
  "region",
  "holderType",
  "format",
  "status",
  "sort",
  "limit",
  "offset",
];
const VALUES = [
  "public",
  "core",
  "G",
  "310000",
  "enterprise",
  "csv",
  "registered",
  "newest",
  "5",
  "0",
  "交通",
  ",",
];

/** Any value a client might put in a catalog query: valid ones, lists, garbage text, numbers. */
const value = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 4 }).map((v) => v.join(",")),
  text.map(encode),
  fc.integer().map(String),
  fc.constantFrom(
    "%00",
    "%E0%A4%A",
    "'",
    '"',
    "*",
    "NEAR(a b)",
    "a OR b",
    "-x",
    "^",
    "(",
    ")",
    "&",
    "|",
    "!",
    ":*",
  ),
);
const query = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  queryString,
);

/**
 * Garbage at the public catalog (PR-3): whatever the query string — FTS5 and tsquery operators,
 * control characters, broken encodings, repeats — the answer is 200 or a 4xx problem, never 5xx.
 */
describe.each(DIALECTS)("garbage at the catalog on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    const r = registry(() => t);
    await r.inNotice("enterprise-a", { name: "城市交通流量数据" });
  }, 30_000);
  afterAll(() => t.cleanup());

  it("PR-3: search and DCAT answer 200 or a 4xx problem for any query string", async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom("/catalog/search", "/catalog/dcat"), async (q, path) => {
        const url = `/api/v1${path}?${q}`;
        const answer = await sendBody(t.app, "GET", url, { kind: "none" });
        const shown = `${url}: ${answer.statusCode} ${answer.body.slice(0, 300)}`;
        expect(answer.statusCode, shown).toBeLessThan(500);
        if (answer.statusCode !== 200) {
          expect(String(answer.headers["content-type"]), shown).toMatch(/^application\/problem\+json/);
          expect((answer.json() as { code: string }).code, shown).toEqual(
            expect.stringMatching(/^[a-z][a-z0-9_]*$/),
          );
        }
      }),
      {
        numRuns: 150,
        examples: [
          ['q="&limit=5', "/catalog/search"],
          ["q=NEAR(交通 数据)", "/catalog/search"],
          ["q=a%20OR%20b%20NOT%20c", "/catalog/search"],
          ["q=:*%20%26%20!", "/catalog/search"],
          ["q=%22%22%22", "/catalog/search"],
          ["class=public,,enterprise", "/catalog/search"],
          ["q=交通&q=数据", "/catalog/search"],
        ],
      },
    );
  }, 120_000);
});
