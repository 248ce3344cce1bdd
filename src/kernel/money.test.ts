import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Fen, fen, formatYuan, parseYuan } from "./money.js";

describe("money in fen", () => {
  it("parses yuan strings exactly, without floating point", () => {
    expect(parseYuan("12.30")).toBe(1230);
    expect(parseYuan("0.1")).toBe(10);
    expect(parseYuan("-7")).toBe(-700);
    expect(parseYuan("0.07")).toBe(7);
  });

  it("refuses fractions of a fen and garbage with invalid_amount", () => {
    for (const bad of ["1.234", "abc", "", "1e3", "12,30"]) {
      expect(() => parseYuan(bad)).toThrow(expect.objectContaining({ code: "invalid_amount", status: 400 }));
    }
    expect(() => fen(0.5)).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    // 2^53 fen and beyond cannot be represented exactly: refused, not rounded.
    expect(() => parseYuan("90071992547409.92")).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    expect(parseYuan("90071992547409.91")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("round-trips every amount through its yuan text", () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseYuan(formatYuan(n as Fen))).toBe(n);
      }),
    );
  });
});
