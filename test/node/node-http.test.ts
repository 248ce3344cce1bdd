import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { chunked, eventCount, nodeFiles, people, toCsv, toJsonl, toParquet, upload } from "./helpers.js";

/**
 * The embedded node over HTTP (PR-3 import into the holder's node, CT-7 evidenced changes, PR-8
 * no existence leak): streamed uploads in three formats, the size limit enforced while streaming,
 * broken files named by line and column, and other participants answered as if nothing existed.
 */
const LIMIT = 512 * 1024;

describe.each(DIALECTS)("node datasets over HTTP on %s", (dialect) => {
  let t: TestApp;
  let holder: string;
  let other: string;
  let scratch: string;
  beforeAll(async () => {
    t = await testApp(dialect, { nodeMaxImportBytes: LIMIT });
    holder = await t.bearer("enterprise-a");
    other = await t.bearer("enterprise-b");
    scratch = await mkdtemp(join(tmpdir(), "yaosu-node-http-"));
  }, 30_000);
  afterAll(async () => {
    await t.cleanup();
    await rm(scratch, { recursive: true, force: true });
  });

  const get = (url: string, auth?: string) =>
    t.app.inject({ method: "GET", url, headers: auth ? { authorization: auth } : {} });

  it("PR-3: imports a streamed CSV, JSON Lines and Parquet upload for the caller's participant", async () => {
    const rows = people(40);
    const csv = await upload(t.app, holder, chunked(toCsv(rows), 700), { query: "filename=people.csv" });
    expect(csv.statusCode, csv.body).toBe(201);
    const me = (await get("/api/v1/participants/me", holder)).json();
    expect(csv.json()).toMatchObject({
      id: expect.stringMatching(/^dst_/),
      name: "people.csv",
      sourceFile: "people.csv",
      format: "csv",
      rows: 40,
      ownerParticipantId: me.participant.id,
    });

    const jsonl = await upload(t.app, holder, chunked(toJsonl(rows)), {
      contentType: "application/x-ndjson",
      query: "name=people%20(jsonl)",
    });
    expect(jsonl.statusCode, jsonl.body).toBe(201);
    expect(jsonl.json()).toMatchObject({ format: "jsonl", rows: 40, name: "people (jsonl)" });

    const parquet = await upload(t.app, holder, chunked(await toParquet(rows, scratch)), {
      contentType: "application/octet-stream",
      query: "filename=people.parquet",
    });
    expect(parquet.statusCode, parquet.body).toBe(201);
    expect(parquet.json()).toMatchObject({ format: "parquet", rows: 40 });
    expect(parquet.json().columns.map((c: { name: string }) => c.name)).toContain("resident_id");

    const mine = (await get("/api/v1/node/datasets", holder)).json().items;
    expect(mine.map((d: { id: string }) => d.id).sort()).toEqual(
      [csv.json().id, jsonl.json().id, parquet.json().id].sort(),
    );
    expect((await get("/api/v1/node/datasets", other)).json().items).toEqual([]);
    expect(await eventCount(t.k, "node.dataset_imported")).toBe(3);
  });

  it("PR-8: another participant gets 404 for the dataset, its profile, scan and draft, and cannot delete it", async () => {
    const created = (await upload(t.app, holder, toCsv(people(5)), { query: "filename=p.csv" })).json();
    for (const tail of ["", "/profile", "/scan", "/registration-draft"]) {
      const url = `/api/v1/node/datasets/${created.id}${tail}`;
      const refused = await get(url, other);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.json().code).toBe("dataset_not_found");
      // the same answer as for an id that was never issued: nothing leaks
      const missing = await get(url.replace(created.id, "dst_01ARZ3NDEKTSV4RRFFQ69G5FAV"), other);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().message.replace(/dst_\w+/, "")).toBe(
        refused.json().message.replace(/dst_\w+/, ""),
      );
      expect((await get(url)).statusCode, `${url} anonymous`).toBe(401);
      expect((await get(url, await t.bearer("regulator"))).statusCode, `${url} regulator`).toBe(403);
      expect((await get(url, holder)).statusCode, `${url} owner`).toBe(200);
    }
    const del = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/node/datasets/${created.id}`,
      headers: { authorization: other },
    });
    expect(del.statusCode).toBe(404);
    expect((await get(`/api/v1/node/datasets/${created.id}`, holder)).statusCode).toBe(200);
  });

  it("PR-3: only holder participants' admins and members import; anonymous is 401", async () => {
    expect((await upload(t.app, undefined, "a\n1\n")).statusCode).toBe(401);
    const regulator = await upload(t.app, await t.bearer("regulator"), "a\n1\n");
    expect(regulator.statusCode).toBe(403);
    const operator = await upload(t.app, await t.bearer("operator"), "a\n1\n");
    expect(operator.statusCode).toBe(403);
  });

  it("PR-3: an upload over YAOSU_NODE_MAX_IMPORT_BYTES is 413 while streaming, and leaves nothing", async () => {
    const before = await nodeFiles(t.config.dataDir);
    const events = await eventCount(t.k, "node.dataset_imported");
    const big = `a,b\n${"1,2\n".repeat(LIMIT / 4 + 10)}`;
    // no Content-Length: the limit is hit mid-stream
    const streamed = await upload(t.app, holder, chunked(big, 4096), { query: "filename=big.csv" });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json()).toMatchObject({ code: "file_too_large", maxBytes: LIMIT });
    // an honest Content-Length over the limit is refused before reading
    const declared = await upload(t.app, holder, big, { query: "filename=big.csv" });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().code).toBe("file_too_large");
    expect(await nodeFiles(t.config.dataDir)).toEqual(before);
    expect(await eventCount(t.k, "node.dataset_imported")).toBe(events);
  });

  it("PR-3: a broken CSV is 400 naming line and column, and leaves nothing", async () => {
    const before = await nodeFiles(t.config.dataDir);
    // a bad value past DuckDB's sniffing sample: found only by reading the whole file
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i},${i * 2}`);
    const broken = ["id,amount", ...rows, "25000,oops", "25001,2"].join("\n");
    const answer = await upload(t.app, holder, chunked(broken, 4096), {
      query: "filename=orders.csv&format=csv",
    });
    expect(answer.statusCode, answer.body).toBe(400);
    const problem = answer.json();
    expect(problem.code).toBe("invalid_file");
    expect(problem.message).toMatch(/^orders\.csv: line 25002, column 'amount'/);
    expect(problem).toMatchObject({ line: 25002, column: "amount" });
    expect(problem.message).not.toContain(t.config.dataDir); // no server paths
    expect(await nodeFiles(t.config.dataDir)).toEqual(before);
  });

  it("refuses uploads whose format cannot be told, empty ones, and wrong queries", async () => {
    const unknown = await upload(t.app, holder, "a\n1\n", { contentType: "application/octet-stream" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("unknown_format");
    const empty = await upload(t.app, holder, "", { query: "format=csv" });
    expect(empty.statusCode).toBe(400);
    const path = await upload(t.app, holder, "a\n1\n", { query: "filename=../../etc/passwd.csv" });
    expect(path.statusCode).toBe(400);
    const json = await t.app.inject({
      method: "POST",
      url: "/api/v1/node/datasets",
      headers: { authorization: holder, "content-type": "application/json" },
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe("unsupported_media_type");
  });

  it("CT-7: the owner deletes a dataset; it is gone from list, files and reads, with an event", async () => {
    const created = (await upload(t.app, holder, toCsv(people(3)), { query: "filename=gone.csv" })).json();
    const filesBefore = await nodeFiles(t.config.dataDir);
    expect(filesBefore.some((f) => f.includes(created.id))).toBe(true);
    const del = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/node/datasets/${created.id}`,
      headers: { authorization: holder },
    });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/v1/node/datasets/${created.id}`, holder)).statusCode).toBe(404);
    expect((await nodeFiles(t.config.dataDir)).some((f) => f.includes(created.id))).toBe(false);
    expect(await eventCount(t.k, "node.dataset_deleted")).toBe(1);
  });
});
