import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { complete, harness } from "./helpers.js";

/**
 * Classification and grading under review (PR-1): the holder's proposal (from the scan) stands
 * unless an exchange reviewer overrides it with a reason during formal review; evidenced.
 */
describe.each(DIALECTS)("reviewer reclassification on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as, events } = harness(() => t);

  const override = {
    originClass: "personal",
    grade: "important",
    sensitivePersonal: true,
    reason: "the trips identify drivers: personal information, sensitive (行踪轨迹)",
  };

  it("lets a reviewer override class, grade and the sensitive flag with a reason before the notice", async () => {
    const id = (await as("enterprise-a", "POST", "/registrations", complete)).json().id;
    expect((await as("operator", "POST", `/registrations/${id}/classification`, override)).statusCode).toBe(
      404,
    );
    await as("enterprise-a", "POST", `/registrations/${id}/submit`);

    const byHolder = await as("enterprise-a", "POST", `/registrations/${id}/classification`, override);
    expect(byHolder.statusCode).toBe(403);
    const byRegulator = await as("regulator", "POST", `/registrations/${id}/classification`, override);
    expect(byRegulator.statusCode).toBe(403);
    const inconsistent = await as("operator", "POST", `/registrations/${id}/classification`, {
      ...override,
      originClass: "enterprise",
    });
    expect(inconsistent.json()).toMatchObject({ code: "sensitive_requires_personal_class" });
    const noReason = await as("operator", "POST", `/registrations/${id}/classification`, {
      ...override,
      reason: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect((await as("operator", "GET", `/registrations/${id}`)).json()).toMatchObject({
      originClass: "enterprise",
      grade: "general",
      reclassificationReason: null,
    });

    const done = await as("operator", "POST", `/registrations/${id}/classification`, override);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      originClass: "personal",
      grade: "important",
      sensitivePersonal: true,
      reclassificationReason: override.reason,
      status: "submitted",
    });
    const [event] = (await events("registration.reclassified")).filter((e) => e.subjectIds.includes(id));
    expect(event?.payload).toMatchObject({
      from: { originClass: "enterprise", grade: "general", sensitivePersonal: false },
      to: { originClass: "personal", grade: "important", sensitivePersonal: true },
      reason: override.reason,
    });

    await as("operator", "POST", `/registrations/${id}/review`, { decision: "pass", reason: "ok" });
    const late = await as("operator", "POST", `/registrations/${id}/classification`, override);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("not_under_review");
  });
});
