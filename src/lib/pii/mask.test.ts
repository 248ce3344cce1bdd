import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeResidentId } from "../cn-identifiers/index.js";
import { type ColumnLabel, maskValue, PII_LABELS } from "./index.js";

const LABELS: ColumnLabel[] = [...PII_LABELS, "none"];

describe("maskValue", () => {
  it.each([
    ["resident_id", "11010519491231002X", "110105********002X"],
    ["mobile", "+86 138-1234-5678", "138****5678"],
    ["landline", "010-88886666", "010-******66"],
    ["landline", "(0755)28881234", "0755-******34"],
    ["email", "zhang.san@example.com", "z***@example.com"],
    ["bank_card", "6226 0509 6775 0613", "622605******0613"],
    ["passport", "EA1234567", "EA*****67"],
    ["plate", "粤B·D12345", "粤B******"],
    ["person_name", "欧阳娜娜", "欧阳**"],
    ["person_name", "张伟", "张*"],
    ["address", "北京市朝阳区建国路88号", "北京市朝阳区****"],
    ["address", "朝阳路12号", "****"],
    ["ip_address", "192.168.10.20", "192.168.*.*"],
    ["coordinate", "39.904211,116.407395", "39.9,116.4"],
    ["birth_date", "1990年5月12日", "1990-**-**"],
    ["uscc", "91310115MA1K3BTP2B", "91310115**********"],
    ["none", "订单 2024-03-05", "** ****-**-**"],
  ] as const)("%s %s → %s", (label, value, masked) => {
    expect(maskValue(label, value)).toBe(masked);
  });

  it("masks what does not have the label's shape entirely", () => {
    expect(maskValue("mobile", "not a phone")).toMatch(/^\*+$/);
    expect(maskValue("resident_id", "12345")).toBe("*****");
    expect(maskValue("birth_date", "yesterday")).toMatch(/^\*+$/);
  });
});

/** Letters, digits and Chinese characters in the output: what a masked value can give away. */
const revealed = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** The most a label may show (mask.ts); email also shows the domain it was given. */
function allowance(label: ColumnLabel, value: string): number {
  const fixed: Record<Exclude<ColumnLabel, "email">, number> = {
    resident_id: 10,
    uscc: 8,
    mobile: 7,
    landline: 6,
    bank_card: 10,
    passport: 4,
    plate: 2,
    person_name: 2,
    address: 12,
    ip_address: 8,
    coordinate: 8,
    birth_date: 4,
    none: 0,
  };
  if (label !== "email") return fixed[label];
  const clean = value.normalize("NFKC").trim();
  return 1 + revealed(clean.slice(clean.lastIndexOf("@") + 1));
}

describe("maskValue properties", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(..."0123456789X@.:-, 省市区路号张王欧阳"), maxLength: 30 }),
  );

  it("never reveals more letters or digits than the label allows, whatever the input", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABELS), anyText, (label, value) => {
        expect(revealed(maskValue(label, value))).toBeLessThanOrEqual(allowance(label, value));
      }),
      { numRuns: 3000 },
    );
  });

  it("never shows the birth date inside a resident ID", () => {
    const ids = fc
      .record({
        region: fc.constantFrom("110105", "440305", "510107"),
        date: fc.date({ min: new Date("1900-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        seq: fc.integer({ min: 0, max: 999 }),
      })
      .map(({ region, date, seq }) =>
        makeResidentId(
          region,
          date.toISOString().slice(0, 10).replaceAll("-", ""),
          String(seq).padStart(3, "0"),
        ),
      );
    fc.assert(
      fc.property(ids, (id) => {
        expect(maskValue("resident_id", id).slice(6, 14)).toBe("********");
      }),
    );
  });

  it("a masked mobile or card hides the middle digits", () => {
    const mobiles = fc.stringMatching(/^1[3-9]\d{9}$/);
    fc.assert(
      fc.property(mobiles, (m) => {
        expect(maskValue("mobile", m)).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
      }),
    );
    const cards = fc.stringMatching(/^62\d{14,17}$/);
    fc.assert(
      fc.property(cards, (c) => {
        expect(maskValue("bank_card", c).slice(6, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});
