import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vectorPath } from "../../../test/support/vectors.js";
import { detectValue, PII_LABELS, type PiiLabel } from "./index.js";

// A fixed "today" keeps birth-date plausibility deterministic.
const TODAY = new Date("2026-01-01T00:00:00Z");
const top = (value: string) => detectValue(value, { today: TODAY })[0];
const topLabel = (value: string) => {
  const d = top(value);
  return d && d.confidence >= 0.5 ? d.label : "none";
};

const POSITIVE: Record<PiiLabel, string[]> = {
  resident_id: ["11010519491231002X", "11010519491231002x", "110105 19491231 002X", "110101491001001"],
  passport: ["E12345678", "EA1234567", "G12345678", "DE1234567"],
  bank_card: ["6226050967750613", "6226 0509 6775 0613", "4716461583322103", "4716-2210-5188-5662"],
  mobile: [
    "13812345678",
    "+86 13812345678",
    "+86-138-1234-5678",
    "138 1234 5678",
    "(+86)13812345678",
    "１３８１２３４５６７８",
  ],
  landline: ["010-88886666", "(0755)28881234", "0571 8888 6666", "+86-10-88886666", "021-66668888-123"],
  email: ["zhang.san@example.com", "LI_SI@QQ.COM", "a@b.cn"],
  person_name: ["张伟", "王秀英", "欧阳娜娜", "司马懿轩"],
  address: [
    "北京市朝阳区建国路88号",
    "上海市浦东新区世纪大道100号1201室",
    "广东省深圳市南山区科技园南区",
    "朝阳路12号3栋2单元501室",
  ],
  plate: ["京A12345", "粤B·D12345", "沪AD12345", "粤B12345D", "川A2B3C4"],
  ip_address: ["192.168.10.20", "2001:db8::8a2e:370:7334", "58.217.200.112"],
  coordinate: ["39.904211,116.407395", "116.4074, 39.9042", "POINT(121.4737 31.2304)", "(22.5431, 114.0579)"],
  birth_date: ["1990-05-12", "1985/1/3", "1978年10月1日", "1966.07.21"],
  uscc: ["91110000600037341L", "91 110000 600037341L", "91310115MA1K3BTP2B"],
};

const NEGATIVE: Record<PiiLabel, string[]> = {
  resident_id: ["11010519491231002", "110105194912310021", "990426199112010074", "360426199113010079"],
  passport: ["E1234567", "X12345678", "E123456789", "EI1234567"],
  bank_card: ["6226050967750614", "1234567812345670", "0000000000000000", "6226 05 0967 750613"],
  mobile: ["12812345678", "1381234567", "138123456789", "010-12345678", "13-81234-5678"],
  landline: ["010-1234567", "0755-02345678", "12345678", "400-800-8888"],
  email: ["zhang@", "@example.com", "a@b", "a..b@example.com", "邮箱@例子.中国"],
  person_name: ["高速", "方法", "北京市", "腾讯公司", "张三丰李四王五", "Zhang Wei", "客服中心"],
  address: ["四川省浩然矿业股份有限公司", "北京市", "3号线", "浙江省杭州市人民政府办公厅"],
  plate: ["京I12345", "A12345", "京AB1C2D3", "京A1234", "美A12345"],
  ip_address: ["256.1.1.1", "1.2.3", "01.2.3.4", "10.0.19045.2965"],
  coordinate: ["39.9,116.4", "139.904211,39.407395", "39.904211,16.407395"],
  birth_date: ["1899-12-31", "2027-01-01", "1990-02-30", "2024-03-05 12:30:45"],
  uscc: ["91110000600037341N", "9111000060003IOZSV", "12345"],
};

describe("detectValue", () => {
  for (const label of PII_LABELS) {
    it.each(POSITIVE[label])(`finds ${label} in %s`, (value) => {
      expect(detectValue(value, { today: TODAY }).map((d) => d.label)).toContain(label);
    });
    it.each(NEGATIVE[label])(`does not take %s for ${label}`, (value) => {
      expect(topLabel(value)).not.toBe(label);
    });
  }

  it("prefers the checksum-backed reading when a value fits two shapes", () => {
    // 62… Gansu resident IDs can pass Luhn too; the ID check is the stronger evidence.
    const id = "620102199001011234".slice(0, 17);
    for (let d = 0; d < 1000; d++) {
      const seq = String(d).padStart(3, "0");
      const detections = detectValue(`${id.slice(0, 14)}${seq}X`, { today: TODAY });
      if (detections.some((x) => x.label === "resident_id")) expect(detections[0]?.label).toBe("resident_id");
    }
  });

  it("ignores empty and overlong values", () => {
    expect(detectValue("")).toEqual([]);
    expect(detectValue("   ")).toEqual([]);
    expect(detectValue(`13812345678${" ".repeat(300)}x`)).toEqual([]);
  });

  it("never throws and keeps confidences in (0, 1] on arbitrary strings", () => {
    const strings = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(..."0123456789X-+ .@:,年月日省市区路号"), maxLength: 30 }),
    );
    fc.assert(
      fc.property(strings, (s) => {
        for (const d of detectValue(s, { today: TODAY })) {
          expect(d.confidence).toBeGreaterThan(0);
          expect(d.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

interface Vectors {
  resident_id: { valid: { v: string }[]; invalid: { v: string }[] };
  uscc: { valid: string[]; invalid: { v: string }[] };
  luhn: { invalid: string[]; unionpay_luhn: [string, boolean][] };
}
const vectors = JSON.parse(
  readFileSync(vectorPath("cn-identifiers", "cn_identifier_vectors.json"), "utf8"),
) as Vectors;

describe("cn-identifiers vectors", () => {
  it.each(vectors.resident_id.valid)("resident ID $v", ({ v }) => expect(topLabel(v)).toBe("resident_id"));
  it.each(vectors.resident_id.invalid)("not a resident ID: $v", ({ v }) => {
    expect(detectValue(v, { today: TODAY }).map((d) => d.label)).not.toContain("resident_id");
  });
  it("every valid USCC vector is a USCC", () => {
    expect(vectors.uscc.valid.filter((v) => topLabel(v) !== "uscc")).toEqual([]);
  });
  it.each(vectors.uscc.invalid)("not a USCC: $v", ({ v }) => {
    expect(detectValue(v).map((d) => d.label)).not.toContain("uscc");
  });
  // 8171999900000000021 passes Luhn but is a test pattern (eight zeros in a row): refused on purpose.
  it.each(vectors.luhn.unionpay_luhn.filter(([v]) => !/(\d)\1{7}/.test(v)))("UnionPay card %s", (v) => {
    expect(topLabel(v)).toBe("bank_card");
  });
  it.each(vectors.luhn.invalid)("not a bank card: %s", (v) => {
    expect(detectValue(v).map((d) => d.label)).not.toContain("bank_card");
  });
});
