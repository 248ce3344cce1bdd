import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { people, toCsv, upload } from "./helpers.js";

/**
 * A holder's automation reaches its node with API keys (PR-3): the `node:read` / `node:write`
 * scopes open the node routes to the key's participant only; a key without them is refused.
 */
describe.each(DIALECTS)("node datasets with API keys on %s", (dialect) => {
  let t: TestApp;
  let holder: string;
  let other: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    holder = await t.bearer("enterprise-a");
    other = await t.bearer("enterprise-b");
  });
  afterAll(() => t.cleanup());

  const get = (url: string, auth?: string) =>
    t.app.inject({ method: "GET", url, headers: auth ? { authorization: auth } : {} });

  it("PR-3: a holder's API key with the node scopes imports and reads; without them it is refused", async () => {
    const key = async (scopes: string[]) => {
      const issued = await t.app.inject({
        method: "POST",
        url: "/api/v1/participants/me/api-keys",
        headers: { authorization: holder },
        payload: { name: `node ${scopes.join(" ")}`, scopes },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      return `Bearer ${issued.json().secret}`;
    };
    const automation = await key(["node:read", "node:write"]);
    const readOnly = await key(["node:read"]);
    const unrelated = await key(["participants:read"]);
    const imported = await upload(t.app, automation, toCsv(people(5)), { query: "filename=by-key.csv" });
    expect(imported.statusCode, imported.body).toBe(201);
    const id = imported.json().id;
    expect((await get(`/api/v1/node/datasets/${id}/profile`, readOnly)).statusCode).toBe(200);
    const refusedWrite = await upload(t.app, readOnly, toCsv(people(5)), { query: "filename=nope.csv" });
    expect(refusedWrite.statusCode).toBe(403);
    expect(refusedWrite.json().code).toBe("scope_missing");
    const refusedRead = await get("/api/v1/node/datasets", unrelated);
    expect(refusedRead.statusCode).toBe(403);
    expect(refusedRead.json().code).toBe("scope_missing");
    expect((await get(`/api/v1/node/datasets/${id}`, other)).statusCode).toBe(404);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/node/datasets/${id}`,
      headers: { authorization: automation },
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
  });
});
