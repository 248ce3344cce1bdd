import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Body, garbageBody, sendBody, text } from "../http/garbage-arbitraries.js";
import { encode, malformedPathId, pathId, queryString } from "../http/garbage-requests.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { eventCount, nodeFiles } from "./helpers.js";

/**
 * Garbage at the node's edge (property-based, PR-3, PR-8): whatever path, query, content type or
 * bytes arrive, the answer is a success or a 4xx problem — never a 5xx — and a refused upload
 * leaves no file and no event behind.
 */
const RUNS = 40;
const TIMEOUT = 120_000;

const expectProblem = (answer: Answer, context: string) => {
  const shown = `${context}: ${answer.statusCode} ${answer.body.slice(0, 300)}`;
  expect(answer.statusCode, shown).toBeGreaterThanOrEqual(400);
  expect(answer.statusCode, shown).toBeLessThan(500);
  expect(String(answer.headers["content-type"]), shown).toMatch(/^application\/problem\+json/);
  expect((answer.json() as { code: string }).code, shown).toMatch(/^[a-z][a-z0-9_]*$/);
};

/** CSV-ish and JSON-ish text: nearly valid files are where parsers break. */
const fileText = fc.oneof(
  text,
  fc
    .array(
      fc.array(fc.oneof(text, fc.integer().map(String), fc.constantFrom('"', '""', ",", "\r")), {
        maxLength: 4,
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((rows) => rows.map((r) => r.join(",")).join("\n")),
  fc
    .array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 })
    .map((v) => v.map((x) => JSON.stringify(x)).join("\n")),
  fc.constantFrom("PAR1", "PAR1\u0000\u0000PAR1", "a,b\n1,2\n", '{"a":1}\n{"a":', "\ufeffa;b\n1;2"),
);
const uploadBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fileText,
        fc.constantFrom(
          "text/csv",
          "application/x-ndjson",
          "application/vnd.apache.parquet",
          "application/octet-stream",
          "text/csv; charset=gbk",
        ),
      )
      .map(([t, contentType]): Body => ({ kind: "raw", text: t, contentType })),
  },
  { weight: 1, arbitrary: garbageBody },
);
const asQuery = (q: Record<string, unknown>) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${encode(String(v))}`)
    .join("&");
const uploadQuery = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          format: fc.constantFrom("csv", "jsonl", "parquet"),
          filename: fc.constantFrom("a.csv", "b.jsonl", "c.parquet", "d.txt", "数据.csv"),
          name: fc.constantFrom("orders", "订单"),
        },
        { requiredKeys: [] },
      )
      .map(asQuery),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          format: fc.oneof(fc.constantFrom("CSV", "xlsx"), text),
          filename: fc.oneof(fc.constantFrom("../e.csv", ".csv", "a/b.csv"), text),
          name: text,
        },
        { requiredKeys: [] },
      )
      .map(asQuery),
  },
  { weight: 1, arbitrary: queryString },
);

describe.each(DIALECTS)("garbage at the node's edge on %s", (dialect) => {
  let t: TestApp;
  let holder: string;
  beforeAll(async () => {
    t = await testApp(dialect, { nodeMaxImportBytes: 256 * 1024 });
    holder = await t.bearer("enterprise-a");
  }, 30_000);
  afterAll(() => t.cleanup());

  it(
    "POST /node/datasets: garbage uploads are 201 or a 4xx problem, and a refusal keeps nothing",
    async () => {
      await fc.assert(
        fc.asyncProperty(uploadQuery, uploadBody, async (query, body) => {
          const before = await nodeFiles(t.config.dataDir);
          const events = await eventCount(t.k, "node.dataset_imported");
          const url = `/api/v1/node/datasets?${query}`;
          const answer = await sendBody(t.app, "POST", url, body, { authorization: holder });
          const context = `POST ${url.slice(0, 200)} ${body.kind === "raw" ? `${body.contentType} ${JSON.stringify(body.text.slice(0, 120))}` : body.kind}`;
          if (answer.statusCode === 201) {
            expect(await eventCount(t.k, "node.dataset_imported"), context).toBe(events + 1);
            return;
          }
          expectProblem(answer, context);
          expect(await nodeFiles(t.config.dataDir), context).toEqual(before);
          expect(await eventCount(t.k, "node.dataset_imported"), context).toBe(events);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "GET /node/datasets/{id}/…: garbage ids and queries are 4xx problems, never 5xx",
    async () => {
      const tail = fc.constantFrom("", "/profile", "/scan", "/registration-draft");
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            pathId.map((p) => p.replace(/^ptc_/, "dst_")),
            malformedPathId,
          ),
          tail,
          fc.oneof(queryString, fc.constantFrom("sample=-1", "sample=1e9", "sample=abc", "sample=0", "")),
          async (id, end, query) => {
            const url = `/api/v1/node/datasets/${id}${end}?${query}`;
            for (const method of ["GET", "DELETE"] as const) {
              if (method === "DELETE" && end !== "") continue;
              const answer = await t.app.inject({ method, url, headers: { authorization: holder } });
              expectProblem(answer, `${method} ${url.slice(0, 200)}`);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
