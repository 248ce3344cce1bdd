// The classification proposed from a PII scan (PR-1): origin class, grade and the sensitive-PI
// flag, with reasons; the holder's changes are noticed and written over the node's draft.
import { describe, expect, it } from "vitest";
import type { Scan } from "./model.js";
import {
  changedFrom,
  IMPORTANT_SENSITIVE_ROWS,
  proposeClassification,
  withClassification,
} from "./proposal.js";

type Finding = Scan["columns"][number];

const column = (name: string, label: Finding["label"], personal: boolean, sensitive: boolean): Finding => ({
  name,
  label,
  confidence: label === "none" ? 0 : 0.98,
  matchRate: label === "none" ? 0 : 1,
  sampleCount: 100,
  personal,
  sensitive,
  alternatives: [],
  notes: [],
});

const scanOf = (columns: Finding[], rows = 100): Scan => ({
  datasetId: "dst_01JZZZZZZZZZZZZZZZZZZZZZZZ",
  rows,
  sampledRows: Math.min(rows, 5000),
  columns,
  proposal: {
    personalInformation: columns.some((c) => c.personal),
    sensitivePersonalInformation: columns.some((c) => c.sensitive),
    reasons: [],
  },
});

const residents = scanOf([
  column("姓名", "person_name", true, false),
  column("身份证号", "resident_id", true, true),
  column("city", "none", false, false),
]);
const traffic = scanOf([
  column("section_id", "none", false, false),
  column("vehicles", "none", false, false),
]);

describe("classification proposal (PR-1)", () => {
  it("PR-1: personal data with sensitive PI when the scan finds a resident-ID column", () => {
    const p = proposeClassification(residents, "enterprise");
    expect(p).toMatchObject({ originClass: "personal", grade: "general", sensitivePersonal: true });
    expect(p.reasons).toContainEqual({ key: "personal", columns: ["姓名", "身份证号"] });
    expect(p.reasons).toContainEqual({ key: "sensitive", columns: ["身份证号"] });
  });

  it("PR-1: personal information outweighs a public holder, as in the node's draft", () => {
    expect(proposeClassification(residents, "government_body").originClass).toBe("personal");
  });

  it("PR-1: public data for government bodies and public institutions without personal information", () => {
    for (const holder of ["government_body", "public_institution"]) {
      const p = proposeClassification(traffic, holder);
      expect(p).toMatchObject({ originClass: "public", grade: "general", sensitivePersonal: false });
      expect(p.reasons.map((r) => r.key)).toEqual(["publicHolder", "general"]);
    }
  });

  it("PR-1: enterprise data for other holders without personal information", () => {
    for (const holder of ["enterprise", "data_vendor", ""]) {
      expect(proposeClassification(traffic, holder).originClass).toBe("enterprise");
    }
  });

  it("PR-1: personal but not sensitive columns leave the sensitive flag off", () => {
    const phones = scanOf([column("手机", "mobile", true, false)]);
    expect(proposeClassification(phones, "enterprise")).toMatchObject({
      originClass: "personal",
      sensitivePersonal: false,
    });
  });

  it("PR-1: a million rows of sensitive PI are proposed as important data; fewer stay general", () => {
    const big = scanOf(residents.columns, IMPORTANT_SENSITIVE_ROWS);
    const p = proposeClassification(big, "enterprise");
    expect(p.grade).toBe("important");
    expect(p.reasons.map((r) => r.key)).toContain("largeSensitive");
    expect(
      proposeClassification(scanOf(residents.columns, IMPORTANT_SENSITIVE_ROWS - 1), "enterprise").grade,
    ).toBe("general");
    const manyPhones = scanOf([column("手机", "mobile", true, false)], 10 * IMPORTANT_SENSITIVE_ROWS);
    expect(proposeClassification(manyPhones, "enterprise").grade).toBe("general");
  });

  it("PR-1: trusts the scan's own proposal flags even when no column is flagged", () => {
    const flagged: Scan = { ...traffic, proposal: { ...traffic.proposal, personalInformation: true } };
    expect(proposeClassification(flagged, "enterprise").originClass).toBe("personal");
  });

  it("PR-1: names what the holder changed, and nothing when the proposal is confirmed", () => {
    const p = proposeClassification(residents, "enterprise");
    expect(changedFrom(p, p)).toEqual([]);
    expect(changedFrom(p, { ...p, grade: "important", sensitivePersonal: false })).toEqual([
      "grade",
      "sensitivePersonal",
    ]);
  });

  it("PR-1: the confirmed classification replaces the node draft's, keeping the rest", () => {
    const draft = {
      name: "居民信息",
      originClass: "enterprise" as const,
      grade: "general" as const,
      volumeRows: 3,
    };
    expect(
      withClassification(draft, { originClass: "personal", grade: "important", sensitivePersonal: true }),
    ).toEqual({
      name: "居民信息",
      originClass: "personal",
      grade: "important",
      sensitivePersonal: true,
      volumeRows: 3,
    });
  });
});
