import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock.js";
import { createIdGenerator, isId } from "./ids.js";

describe("ids", () => {
  it("are prefixed by kind and sort in creation order, even within one millisecond", () => {
    const clock = new ManualClock("2026-11-24T00:00:00Z");
    const newId = createIdGenerator(clock);
    const ids = Array.from({ length: 1000 }, () => newId("participant"));
    clock.advance(1);
    ids.push(newId("participant"));
    expect(ids.every((id) => isId("participant", id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(isId("user", ids[0] ?? "")).toBe(false);
  });
});
