// PR-4: the succession form's rules before the irreversible confirmation.
import { describe, expect, it } from "vitest";
import { type SuccessionDraft, successionBody, successionProblem } from "./succession.js";

const draft = (over: Partial<SuccessionDraft>): SuccessionDraft => ({
  predecessor: "ptc_old",
  event: "merger",
  primary: "ptc_a",
  others: [],
  allocation: {},
  reason: "  merged into A  ",
  ...over,
});

describe("PR-4 succession form", () => {
  it("PR-4: a merger has one successor, a split at least two, and someone must succeed", () => {
    expect(successionProblem(draft({}))).toBeNull();
    expect(successionProblem(draft({ primary: "" }))).toBe("needSuccessor");
    expect(successionProblem(draft({ others: ["ptc_b"] }))).toBe("mergerOne");
    expect(successionProblem(draft({ event: "split" }))).toBe("splitTwo");
    expect(successionProblem(draft({ event: "split", others: ["ptc_a"] }))).toBe("splitTwo");
    expect(successionProblem(draft({ event: "split", others: ["ptc_b"] }))).toBeNull();
    expect(successionProblem(draft({ event: "dissolution", others: ["ptc_b", "ptc_c"] }))).toBeNull();
  });

  it("PR-4: the body puts the primary first, drops repeats and the predecessor, trims the reason", () => {
    expect(successionBody(draft({ event: "bankruptcy", others: ["ptc_a", "ptc_old", "ptc_b"] }))).toEqual({
      event: "bankruptcy",
      successors: ["ptc_a", "ptc_b"],
      reason: "merged into A",
    });
  });

  it("PR-4: only a split allocates, and only to a chosen non-primary successor", () => {
    const allocation = { rgt_1: "ptc_b", rgt_2: "ptc_a", rgt_3: "ptc_zzz" };
    expect(successionBody(draft({ event: "split", others: ["ptc_b"], allocation })).allocation).toEqual({
      rgt_1: "ptc_b",
    });
    expect(successionBody(draft({ allocation })).allocation).toBeUndefined();
  });
});
