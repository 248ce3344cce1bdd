import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit, makeResidentId, makeUscc } from "../cn-identifiers/index.js";
import { columnHint, scanColumn, scanTable } from "./index.js";

const TODAY = new Date("2026-01-01T00:00:00Z");
const opts = { today: TODAY };
const repeat = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const ids = repeat(50, (i) => makeResidentId("440305", `19${50 + (i % 40)}0612`, String(100 + i)));
const mobiles = repeat(50, (i) => `139${String(10_000_000 + i * 7919).slice(0, 8)}`);

describe("scanColumn", () => {
  it("labels a column from its values alone", () => {
    const f = scanColumn("col1", ids, opts);
    expect(f).toMatchObject({
      label: "resident_id",
      matchRate: 1,
      sampleCount: 50,
      personal: true,
      sensitive: true,
    });
    expect(f.confidence).toBeGreaterThan(0.9);
    expect(f.example).toMatch(/^440305\*{8}/);
  });

  it("ignores empty cells and counts the rest", () => {
    const f = scanColumn("c", [...mobiles.slice(0, 10), "", null, undefined, "  "], opts);
    expect(f).toMatchObject({ label: "mobile", sampleCount: 10, matchRate: 1 });
  });

  it("takes a free-form column's name as evidence", () => {
    const values = ["John Smith", "Mary Lee", "Wang Wei"];
    expect(scanColumn("姓名", values, opts)).toMatchObject({ label: "person_name", personal: true });
    expect(scanColumn("remark", values, opts)).toMatchObject({ label: "none", personal: false });
    // …but not when the values are Chinese and plainly not names.
    expect(scanColumn("name", ["不锈钢保温杯", "无线蓝牙耳机", "纯棉T恤"], opts).label).toBe("none");
  });

  it("does not take a hinted label the values contradict", () => {
    expect(scanColumn("姓名", mobiles, opts).label).toBe("mobile");
    expect(scanColumn("手机号", ["n/a", "unknown", "-"], opts).label).toBe("none");
  });

  it("tells birth dates from event dates by spread and by name", () => {
    const births = repeat(60, (i) => `${1950 + i}-0${1 + (i % 9)}-1${i % 9}`);
    const orders = repeat(60, (i) => `2025-0${1 + (i % 9)}-1${i % 9}`);
    expect(scanColumn("c", births, opts).label).toBe("birth_date");
    expect(scanColumn("c", orders, opts).label).toBe("none");
    expect(scanColumn("成立日期", births, opts).label).toBe("none");
    expect(scanColumn("出生日期", orders, opts)).toMatchObject({ label: "birth_date", sensitive: true });
  });

  it("flags birth dates of children under 14 as sensitive (PIPL art. 28, 31)", () => {
    const adults = repeat(60, (i) => `${1950 + (i % 40)}-05-01`);
    expect(scanColumn("出生日期", adults, opts)).toMatchObject({ sensitive: false, notes: [] });
    const mixed = [...adults, "2018-05-01", "2019-06-01"];
    const f = scanColumn("出生日期", mixed, opts);
    expect(f.sensitive).toBe(true);
    expect(f.notes[0]).toMatch(/under 14/);
  });

  it("finds lone latitude and longitude columns", () => {
    const lat = repeat(50, (i) => (22.5 + i / 97).toFixed(6));
    expect(scanColumn("c", lat, opts)).toMatchObject({ label: "coordinate", sensitive: true });
    expect(
      scanColumn(
        "price",
        repeat(50, (i) => (20 + i / 7).toFixed(2)),
        opts,
      ).label,
    ).toBe("none");
  });
});

describe("columnHint", () => {
  it.each([
    ["身份证号", "resident_id"],
    ["idCardNo", "resident_id"],
    ["IP地址", "ip_address"],
    ["login_ip", "ip_address"],
    ["zip", undefined],
    ["联系电话", "mobile"],
    ["email_address", "email"],
    ["家庭住址", "address"],
    ["出生地", "address"],
    ["dob", "birth_date"],
    ["customer_name", "person_name"],
    ["product_name", undefined],
    ["username", undefined],
    ["lng", "coordinate"],
  ])("%s → %s", (name, label) => {
    expect(columnHint(name).labels[0]).toBe(label);
  });
});

describe("scanTable", () => {
  it("proposes personal and sensitive PI and says why", () => {
    const report = scanTable(
      [
        { name: "sfz", values: ids },
        { name: "amount", values: repeat(50, (i) => `${i}.50`) },
      ],
      opts,
    );
    expect(report.proposal).toMatchObject({
      personalInformation: true,
      sensitivePersonalInformation: true,
      suggestedOriginClass: "personal",
    });
    expect(report.proposal.reasons.join("\n")).toMatch(/"sfz": resident_id.*PIPL art. 28/);
  });

  it("suggests enterprise data for organisation codes only, and nothing for plain data", () => {
    const codes = repeat(30, (i) => makeUscc(`91310115MA1K3B${String(100 + i)}`));
    expect(scanTable([{ name: "c", values: codes }], opts).proposal).toMatchObject({
      personalInformation: false,
      suggestedOriginClass: "enterprise",
    });
    const plain = scanTable([{ name: "qty", values: repeat(30, String) }], opts).proposal;
    expect(plain).toMatchObject({ personalInformation: false, sensitivePersonalInformation: false });
    expect(plain.suggestedOriginClass).toBeUndefined();
  });

  it("never puts a raw value into the report", () => {
    const cardOf = (p: string) => p + luhnCheckDigit(p);
    const rows = fc.array(
      fc.record({
        id: fc.integer({ min: 100, max: 999 }).map((s) => makeResidentId("110105", "19850315", String(s))),
        phone: fc.stringMatching(/^1[3-9]\d{9}$/),
        card: fc.stringMatching(/^62\d{13}$/).map(cardOf),
        name: fc.constantFrom("张伟", "王秀英", "欧阳娜娜", "李娜"),
      }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const report = scanTable(
          (["id", "phone", "card", "name"] as const).map((k) => ({
            name: `c_${k}`,
            values: rs.map((r) => r[k]),
          })),
          opts,
        );
        const json = JSON.stringify(report);
        for (const r of rs) for (const v of Object.values(r)) expect(json).not.toContain(v);
      }),
      { numRuns: 200 },
    );
  });
});
