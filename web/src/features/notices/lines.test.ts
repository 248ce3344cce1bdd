// Public notice helpers (PR-3 公示, SG-7 objections).
import { describe, expect, it } from "vitest";
import { daysLeft, evidenceLines } from "./lines.js";

describe("PR-3 public notice helpers", () => {
  it("PR-3 counts whole days left in the notice, rounding up, never below zero", () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    expect(daysLeft("2026-06-11T00:00:00Z", now)).toBe(10);
    expect(daysLeft("2026-06-01T00:00:01Z", now)).toBe(1);
    expect(daysLeft("2026-06-01T00:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-05-01T00:00:00Z", now)).toBe(0);
    expect(daysLeft(null, now)).toBe(0);
  });

  it("SG-7 takes one evidence reference per line, without blanks or repeats", () => {
    expect(evidenceLines(" https://a.example/x \n\n evt_1\nhttps://a.example/x\n")).toEqual([
      "https://a.example/x",
      "evt_1",
    ]);
    expect(evidenceLines("")).toEqual([]);
  });
});
