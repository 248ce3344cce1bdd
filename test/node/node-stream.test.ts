import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { eventCount, nodeFiles } from "./helpers.js";

/**
 * Uploads over a real socket (PR-3): the body arrives chunk by chunk with no Content-Length, is
 * streamed to disk rather than buffered (Fastify's 1 MiB bodyLimit would refuse it otherwise),
 * and the node's own limit cuts an over-long transfer short with 413 and a closed connection.
 */
const LIMIT = 3 * 1024 * 1024;

interface Sent {
  status: number;
  body: string;
  connection: string | undefined;
}

/** POSTs `total` bytes of CSV in 64 KiB chunks, stopping early once the server has answered. */
function send(base: string, auth: string, total: number): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/v1/node/datasets?filename=stream.csv`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "text/csv", "transfer-encoding": "chunked" },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    // The server may close the socket while we still write: that is the point of the test.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const line = "1234567,杭州,42.50,2024-05-01\n";
    const chunk = Buffer.from(line.repeat(Math.ceil(65536 / Buffer.byteLength(line))));
    let sent = 0;
    req.write("id,city,amount,day\n");
    const pump = () => {
      while (sent < total && !answered && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

describe.each(DIALECTS)("streamed uploads over a socket on %s", (dialect) => {
  let t: TestApp;
  let base: string;
  let holder: string;
  beforeAll(async () => {
    t = await testApp(dialect, { nodeMaxImportBytes: LIMIT });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    holder = await t.bearer("enterprise-a");
  }, 30_000);
  afterAll(() => t.cleanup());

  it("PR-3: a 2 MiB chunked upload, above Fastify's body limit, is streamed in and imported", async () => {
    const answer = await send(base, holder, 2 * 1024 * 1024);
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ format: "csv", sourceFile: "stream.csv" });
    expect(JSON.parse(answer.body).rows).toBeGreaterThan(60_000);
  });

  it("PR-3: an endless upload is cut at the limit with 413, the connection closed and nothing kept", async () => {
    const before = await nodeFiles(t.config.dataDir);
    const events = await eventCount(t.k, "node.dataset_imported");
    const answer = await send(base, holder, 50 * 1024 * 1024);
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "file_too_large", maxBytes: LIMIT });
    expect(answer.connection).toBe("close");
    expect(await nodeFiles(t.config.dataDir)).toEqual(before);
    expect(await eventCount(t.k, "node.dataset_imported")).toBe(events);
  });
});
