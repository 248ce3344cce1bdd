import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseApplication } from "../identity/applications.js";
import { type TestApp, testApp } from "../support/kernels.js";

/** The server's common behaviour: health, OpenAPI, errors, headers, limits, idempotency. */
describe("HTTP plumbing", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp("sqlite", { bodyLimitBytes: 4096, loginRateLimitPerMinute: 5 });
  });
  afterAll(() => t.cleanup());

  it("answers /healthz and /readyz, naming the database", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "alive" });
    expect((await t.app.inject("/readyz")).json()).toEqual({ status: "ready", database: "sqlite" });
  });

  it("publishes OpenAPI 3.1 for every API route, each stating who may call it", async () => {
    const doc = (await t.app.inject("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    for (const path of [
      "/api/v1/participants",
      "/api/v1/auth/login",
      "/api/v1/admissions",
      "/api/v1/admissions/{id}/admit",
      "/api/v1/participants/me",
    ]) {
      expect(paths).toContain(path);
    }
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, { description?: string }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.description, `${method} ${path}`).toMatch(/Who may call:/);
      }
    }
    expect(doc.components.schemas.Problem).toBeDefined();
    const docs = await t.app.inject("/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("refuses to start a route under /api/ that declares no access rule", async () => {
    const { buildApp } = await import("../../src/server/app.js");
    const app = await buildApp(t.k);
    expect(() => app.get("/api/v1/forgotten", async () => "open")).toThrow(/declares no access rule/);
    await app.close();
  });

  it("sends security headers and a request id on every answer", async () => {
    const response = await t.app.inject("/api/v1/participants/me");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["x-request-id"]).toMatch(/^req_/);
    expect(response.json().requestId).toBe(response.headers["x-request-id"]);
  });

  it("answers unknown API routes with a 404 problem, and portal routes with the page", async () => {
    const api = await t.app.inject("/api/v1/nothing-here");
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe("route_not_found");
    const page = await t.app.inject({ url: "/admissions", headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it("limits body size with 413 body_too_large", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/participants",
      payload: { ...enterpriseApplication(), name: "x".repeat(10_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("body_too_large");
  });

  it("answers malformed JSON and wrong content types with 4xx problems", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_json");
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe("unsupported_media_type");
  });

  it("rate-limits login attempts with 429", async () => {
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "203.0.113.9",
        payload: { username: "operator", password: "guess-guess" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
  });

  describe("Idempotency-Key", () => {
    const apply = (key: string, payload: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/participants",
        headers: { "idempotency-key": key },
        payload,
      });
    const participants = async () =>
      Number(
        (
          await t.k.db
            .selectFrom("participants")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it("replays the first answer for a retry and does the work once", async () => {
      const application = enterpriseApplication();
      const before = await participants();
      const first = await apply("key-retry-1", application);
      const second = await apply("key-retry-1", application);
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(second.headers["idempotent-replayed"]).toBe("true");
      expect(await participants()).toBe(before + 1);
    });

    it("refuses the same key with a different request with 409", async () => {
      await apply("key-reuse-1", enterpriseApplication());
      const reused = await apply("key-reuse-1", enterpriseApplication());
      expect(reused.statusCode).toBe(409);
      expect(reused.json()).toMatchObject({ code: "idempotency_key_reused", field: "Idempotency-Key" });
    });

    it("replays a refusal too, so a retry cannot turn a 4xx into a different answer", async () => {
      const bad = enterpriseApplication({ uscc: "91350100M000100Y42" });
      const first = await apply("key-bad-1", bad);
      const again = await apply("key-bad-1", bad);
      expect(first.json().code).toBe("invalid_uscc");
      expect(again.json().code).toBe("invalid_uscc");
      expect(again.headers["idempotent-replayed"]).toBe("true");
    });

    it("scopes keys to the caller", async () => {
      const key = "shared-key-1";
      const asA = await t.app.inject({
        method: "POST",
        url: "/api/v1/participants/me/api-keys",
        headers: { authorization: await t.bearer("enterprise-a"), "idempotency-key": key },
        payload: { name: "k", scopes: ["participants:read"] },
      });
      const asB = await t.app.inject({
        method: "POST",
        url: "/api/v1/participants/me/api-keys",
        headers: { authorization: await t.bearer("enterprise-b"), "idempotency-key": key },
        payload: { name: "k", scopes: ["participants:read"] },
      });
      expect(asA.statusCode).toBe(201);
      expect(asB.statusCode).toBe(201);
      expect(asB.json().apiKey.id).not.toBe(asA.json().apiKey.id);
    });

    it("rejects a malformed key", async () => {
      const response = await apply("has spaces in it", enterpriseApplication());
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe("invalid_idempotency_key");
    });
  });
});
