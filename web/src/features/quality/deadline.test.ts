// PR-5 and SG-7 deadlines, read as relative time with overdue marked.
import { describe, expect, it } from "vitest";
import { deadlineParts, formatRelative } from "./deadline.js";

const now = new Date("2026-12-10T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const H = 3_600_000;

describe("PR-5 SG-7 deadline formatting", () => {
  it("PR-5: days ahead, floored, not overdue", () => {
    expect(deadlineParts(at(15 * 24 * H), now)).toEqual({
      overdue: false,
      value: 15,
      unit: "day",
      soon: false,
    });
    expect(deadlineParts(at(47 * H), now)).toMatchObject({ value: 1, unit: "day" });
  });

  it("SG-7: within a day is soon, in hours or minutes", () => {
    expect(deadlineParts(at(5 * H + 10), now)).toEqual({
      overdue: false,
      value: 5,
      unit: "hour",
      soon: true,
    });
    expect(deadlineParts(at(30_000), now)).toEqual({ overdue: false, value: 1, unit: "minute", soon: true });
  });

  it("SG-7: past the deadline is overdue with a negative value", () => {
    expect(deadlineParts(at(-3 * 24 * H - 5), now)).toEqual({
      overdue: true,
      value: -3,
      unit: "day",
      soon: false,
    });
    expect(deadlineParts(new Date(now.getTime() - 90 * 60_000), now)).toMatchObject({
      overdue: true,
      value: -1,
      unit: "hour",
    });
  });

  it("PR-5: reads in Chinese and English", () => {
    expect(formatRelative({ value: 3, unit: "day" }, "en")).toBe("in 3 days");
    expect(formatRelative({ value: -2, unit: "hour" }, "en")).toBe("2 hours ago");
    expect(formatRelative({ value: 3, unit: "day" }, "zh-CN")).toBe("3天后");
    expect(formatRelative({ value: -2, unit: "hour" }, "zh-CN")).toBe("2小时前");
  });
});
