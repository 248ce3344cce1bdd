// PR-2: the lineage of rights (holding → processing-and-use → product operation) as trees.
import { describe, expect, it } from "vitest";
import { ancestry, buildLineage, byResource, flatten } from "./lineage.js";

const right = (id: string, parentRightId: string | null, createdAt: string, resource = "reg_1") => ({
  id,
  parentRightId,
  createdAt,
  resourceRegistrationId: resource,
});

describe("PR-2 rights lineage", () => {
  const holding = right("h", null, "2026-01-01T00:00:00Z");
  const useB = right("u2", "h", "2026-03-01T00:00:00Z");
  const useA = right("u1", "h", "2026-02-01T00:00:00Z");
  const operation = right("o", "u1", "2026-04-01T00:00:00Z");

  it("PR-2: builds parent → children, children in order of creation, with depths", () => {
    const roots = buildLineage([operation, useB, holding, useA]);
    expect(roots.map((n) => n.right.id)).toEqual(["h"]);
    expect(roots[0]?.children.map((n) => n.right.id)).toEqual(["u1", "u2"]);
    expect(roots[0]?.children[0]?.children.map((n) => n.right.id)).toEqual(["o"]);
    expect(flatten(roots).map((n) => [n.right.id, n.depth])).toEqual([
      ["h", 0],
      ["u1", 1],
      ["o", 2],
      ["u2", 1],
    ]);
  });

  it("PR-2: a right whose parent is not listed (another holder's) is a root, listed once", () => {
    const roots = buildLineage([operation, useB]);
    expect(roots.map((n) => n.right.id)).toEqual(["u2", "o"]);
    expect(flatten(roots)).toHaveLength(2);
    expect(buildLineage([])).toEqual([]);
  });

  it("PR-2: a cycle in bad data shows every right once instead of losing or looping", () => {
    const a = right("a", "b", "2026-01-01T00:00:00Z");
    const b = right("b", "a", "2026-01-02T00:00:00Z");
    const self = right("s", "s", "2026-01-03T00:00:00Z");
    const all = flatten(buildLineage([a, b, self])).map((n) => n.right.id);
    expect([...all].sort()).toEqual(["a", "b", "s"]);
    expect(ancestry([a, b], "a").map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("PR-2: ancestry walks from the root down to the right; unknown ids give nothing", () => {
    expect(ancestry([operation, useA, holding, useB], "o").map((r) => r.id)).toEqual(["h", "u1", "o"]);
    expect(ancestry([holding], "zzz")).toEqual([]);
  });

  it("PR-2: groups rights by resource in order of appearance", () => {
    const other = right("x", null, "2026-01-01T00:00:00Z", "reg_2");
    const groups = byResource([useA, other, holding]);
    expect([...groups.keys()]).toEqual(["reg_1", "reg_2"]);
    expect(groups.get("reg_1")?.map((r) => r.id)).toEqual(["u1", "h"]);
  });
});
