import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/kernel/config.js";

/** PR-5 and SG-7 deadlines are settings, validated at start like every other. */
describe("PR-5 / SG-7 deadline settings", () => {
  it("default to 15 and 10 days and follow YAOSU_SOURCE_REQUEST_DAYS / YAOSU_QUALITY_RESPONSE_DAYS", () => {
    expect(loadConfig({})).toMatchObject({ sourceRequestDays: 15, qualityResponseDays: 10 });
    expect(loadConfig({ YAOSU_SOURCE_REQUEST_DAYS: "30", YAOSU_QUALITY_RESPONSE_DAYS: "5" })).toMatchObject({
      sourceRequestDays: 30,
      qualityResponseDays: 5,
    });
  });

  it("refuse nonsense naming the variable", () => {
    expect(() => loadConfig({ YAOSU_SOURCE_REQUEST_DAYS: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ YAOSU_SOURCE_REQUEST_DAYS: "0" })).toThrow(/YAOSU_SOURCE_REQUEST_DAYS/);
    expect(() => loadConfig({ YAOSU_QUALITY_RESPONSE_DAYS: "ten" })).toThrow(/YAOSU_QUALITY_RESPONSE_DAYS/);
  });
});
