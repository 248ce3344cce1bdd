// PR-4: contract prices typed in yuan become fen exactly (no floating-point rounding).
import { describe, expect, it } from "vitest";
import { yuanToFen } from "./money.js";

describe("PR-4 contract price", () => {
  it("PR-4: yuan with up to two decimals become whole fen", () => {
    expect(yuanToFen("12500")).toBe(1_250_000);
    expect(yuanToFen(" 0.1 ")).toBe(10);
    expect(yuanToFen("19.99")).toBe(1999);
    expect(yuanToFen("0")).toBe(0);
  });

  it("PR-4: negative, over-precise or non-numeric amounts are refused", () => {
    for (const bad of ["-1", "1.999", "1e3", "abc", "", "1,000"]) expect(yuanToFen(bad)).toBeNull();
  });
});
