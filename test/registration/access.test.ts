import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { complete, harness } from "./helpers.js";

/** Who may touch a registration, and what garbage gets (PR-3, SG-12): refusals change nothing. */
describe.each(DIALECTS)("registration access on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as } = harness(() => t);

  it("keeps drafts to their holder and reviews to reviewers; refusals change nothing", async () => {
    const draft = (await as("enterprise-a", "POST", "/registrations", complete)).json();
    const snapshot = async () =>
      JSON.stringify([
        await t.k.db.selectFrom("registrations").selectAll().orderBy("id").execute(),
        (await t.k.outbox.readAfter(t.k.db, 0, 100_000)).filter((e) =>
          /^(registration|rights)\./.test(e.type),
        ).length,
      ]);
    const before = await snapshot();
    for (const [method, url, body] of [
      ["PATCH", `/registrations/${draft.id}`, { name: "Hijack" }],
      ["POST", `/registrations/${draft.id}/submit`, undefined],
    ] as const) {
      const r = await as("enterprise-b", method, url, body);
      expect([403, 404], url).toContain(r.statusCode);
    }
    expect((await as("enterprise-b", "GET", `/registrations/${draft.id}`)).statusCode).toBe(404);
    expect((await as(null, "GET", `/registrations/${draft.id}`)).statusCode).toBe(404);
    expect((await as("regulator", "GET", `/registrations/${draft.id}`)).statusCode).toBe(200);
    for (const username of ["enterprise-a", "regulator", "bureau"]) {
      const r = await as(username, "POST", `/registrations/${draft.id}/review`, {
        decision: "pass",
        reason: "ok",
      });
      expect(r.statusCode, username).toBe(403);
    }
    const garbage: [object, string][] = [
      [{ name: "", originClass: "enterprise", grade: "general" }, "name"],
      [{ name: "x", originClass: "secret", grade: "general" }, "originClass"],
      [{ name: "x", originClass: "enterprise", grade: "general", industry: "Z" }, "industry"],
      [{ name: "x", originClass: "enterprise", grade: "general", extra: 1 }, ""],
    ];
    for (const [body, field] of garbage) {
      const r = await as("enterprise-a", "POST", "/registrations", body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().code).toBe("validation_failed");
      if (field) expect(r.json().field).toBe(field);
    }
    const sensitive = await as("enterprise-a", "PATCH", `/registrations/${draft.id}`, {
      sensitivePersonal: true,
    });
    expect(sensitive.json()).toMatchObject({
      code: "sensitive_requires_personal_class",
      field: "sensitivePersonal",
    });
    expect(await snapshot()).toBe(before);
    expect((await as("operator", "GET", "/registrations/review-queue")).statusCode).toBe(200);
    expect((await as("enterprise-a", "GET", "/registrations/review-queue")).statusCode).toBe(403);
  });
});
