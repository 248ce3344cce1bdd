import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/kernel/config.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { complete, harness } from "./helpers.js";

/**
 * The public-notice period (公示期, PR-3) is a setting in days; fractions let a trial run watch a
 * whole notice pass in minutes.
 */
describe("YAOSU_REGISTRATION_NOTICE_DAYS", () => {
  it("takes whole and fractional days, and refuses nonsense naming the variable", () => {
    expect(loadConfig({}).registrationNoticeDays).toBe(10);
    expect(loadConfig({ YAOSU_REGISTRATION_NOTICE_DAYS: "0.001" }).registrationNoticeDays).toBe(0.001);
    for (const bad of ["0", "-1", "ten", "366"])
      expect(() => loadConfig({ YAOSU_REGISTRATION_NOTICE_DAYS: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ YAOSU_REGISTRATION_NOTICE_DAYS: "0" })).toThrow(
      /YAOSU_REGISTRATION_NOTICE_DAYS/,
    );
  });
});

describe.each(DIALECTS)("a short notice period on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect, { registrationNoticeDays: 0.001 });
  });
  afterAll(() => t.cleanup());
  const { as, advance } = harness(() => t);

  it("ends the notice after 86.4 seconds: objections until then, registration after", async () => {
    const id = (await as("enterprise-a", "POST", "/registrations", complete)).json().id;
    await as("enterprise-a", "POST", `/registrations/${id}/submit`);
    const passed = (
      await as("operator", "POST", `/registrations/${id}/review`, { decision: "pass", reason: "ok" })
    ).json();
    expect(Date.parse(passed.noticeEndsAt) - Date.parse(passed.noticeStartsAt)).toBe(86_400);
    expect((await as("operator", "POST", `/registrations/${id}/close-notice`)).json().code).toBe(
      "notice_period_running",
    );
    advance(87_000);
    const late = await as("enterprise-b", "POST", `/registrations/${id}/objections`, { reasons: "too late" });
    expect(late.json().code).toBe("notice_period_over");
    expect((await as("operator", "POST", `/registrations/${id}/close-notice`)).json().status).toBe(
      "registered",
    );
  });
});
