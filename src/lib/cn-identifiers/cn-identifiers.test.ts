import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vectorPath } from "../../../test/support/vectors.js";
import {
  iso7064Mod112,
  luhnCheckDigit,
  luhnValid,
  MIN_BIRTH_DATE,
  makeResidentId,
  makeUscc,
  maskResidentId,
  normaliseResidentId,
  normaliseUscc,
  RESIDENT_ID_PROVINCES,
  type ResidentIdProblem,
  residentIdCheckChar,
  USCC_ALPHABET,
  USCC_REGISTRATION_AUTHORITIES,
  type UsccProblem,
  upgradeLegacyResidentId,
  usccCheckChar,
  validateResidentId,
  validateUscc,
} from "./index.js";

// External vectors, shared with other implementations: read them, never edit them.
interface Vectors {
  algorithms: { iso7064_mod11_2_examples: Record<string, unknown> };
  resident_id: {
    valid: { v: string; sex?: "M" | "F"; checksum_ok?: boolean }[];
    invalid: { v: string; why: string; checksum_ok?: boolean }[];
  };
  uscc: {
    valid_examples_count: number;
    valid: string[];
    invalid: { v: string; why: string; checksum_ok: boolean }[];
    normalise: { in: string; out: string }[];
  };
  luhn: {
    valid: string[];
    invalid: string[];
    src: string;
    valid_check: [string, boolean][];
    invalid_check: [string, boolean][];
    unionpay_luhn: [string, boolean][];
  };
}
const VECTORS_URL = vectorPath("cn-identifiers", "cn_identifier_vectors.json");
const vectors = JSON.parse(readFileSync(VECTORS_URL, "utf8")) as Vectors;

// A fixed "today" keeps the future-date rule deterministic.
const TODAY = new Date("2026-01-01T00:00:00Z");

/** The reasons a resident-ID vector's free-text `why` allows; unknown wording fails loudly. */
function ricReasons(why: string): ResidentIdProblem[] {
  if (why.startsWith("format")) return ["length", "charset"];
  if (why.startsWith("checksum / region")) return ["check_digit", "region"];
  if (why.startsWith("checksum")) return ["check_digit"];
  if (/region|province/.test(why)) return ["region"];
  if (/date|month|day|year/.test(why)) return ["birth_date"];
  throw new Error(`no reason mapping for vector why: ${why}`);
}

/**
 * USCC vector reasons. One disagreement: the vector says A1110000600037341L fails because "first 8
 * chars must be digits" (python-stdnum's rule), but A is a real registration authority (the
 * Central Military Commission's establishment office; A1 = military public institution), so we
 * accept the structure and the code fails on its check character instead (K, not L).
 */
const USCC_DISAGREE: Record<string, UsccProblem> = { A1110000600037341L: "check_digit" };
function usccReason(v: string, why: string): UsccProblem {
  const override = USCC_DISAGREE[v];
  if (override) return override;
  if (why.startsWith("checksum")) return "check_digit";
  if (why.startsWith("length")) return "length";
  if (why.includes("not in alphabet")) return "charset";
  throw new Error(`no reason mapping for vector why: ${why}`);
}

describe("resident identity number vectors", () => {
  it.each(vectors.resident_id.valid)("accepts $v", ({ v, sex, checksum_ok }) => {
    const r = validateResidentId(v, TODAY);
    expect(r).toMatchObject({ ok: true, legacy15: v.length === 15 });
    if (!r.ok) return;
    if (v.length === 18) {
      expect(r.value).toBe(v);
      expect(r.birthDate).toBe(`${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`);
      expect(residentIdCheckChar(v.slice(0, 17)) === v.charAt(17)).toBe(checksum_ok);
    } else {
      expect(r.value).toBe(upgradeLegacyResidentId(v));
    }
    if (sex) expect(r.sex).toBe(sex);
  });

  it.each(vectors.resident_id.invalid)("rejects $v ($why)", ({ v, why, checksum_ok }) => {
    const r = validateResidentId(v, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ricReasons(why)).toContain(r.reason);
    // The vector's own note on the check character must agree with our arithmetic.
    if (checksum_ok !== undefined && /^\d{17}/.test(v)) {
      expect(residentIdCheckChar(v.slice(0, 17)) === v.charAt(17)).toBe(checksum_ok);
    }
  });

  it("normalises a lower-case x check character", () => {
    expect(normaliseResidentId(" 44011320141005001x ")).toBe("44011320141005001X");
    expect(validateResidentId("44011320141005001x", TODAY)).toMatchObject({ ok: true, sex: "M" });
  });

  it("upgrades the legacy 15-digit vector as GB 11643 describes", () => {
    const r = validateResidentId("110101491001001", TODAY);
    expect(r).toMatchObject({ ok: true, birthDate: "1949-10-01", sex: "M", regionCode: "110101" });
    if (r.ok) expect(r.value.slice(0, 17)).toBe("11010119491001001");
  });
});

describe("ISO 7064 MOD 11-2", () => {
  const examples = Object.entries(vectors.algorithms.iso7064_mod11_2_examples).filter(
    (e): e is [string, string] => /^\d+$/.test(e[0]) && typeof e[1] === "string",
  );
  it("has the standard's examples", () => expect(examples.length).toBeGreaterThanOrEqual(2));
  it.each(examples)("check of %s is %s", (payload, check) => expect(iso7064Mod112(payload)).toBe(check));
  it("matches the GB 11643 table form 10X98765432[S mod 11]", () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (d) => {
        const s = weights.reduce((acc, w, i) => acc + w * Number(d.charAt(i)), 0);
        expect(residentIdCheckChar(d)).toBe("10X98765432".charAt(s % 11));
      }),
    );
  });
});

describe("resident identity number rules", () => {
  it("judges the future by the date in China, not UTC", () => {
    const id = makeResidentId("110105", "20260102", "001");
    expect(validateResidentId(id, new Date("2026-01-01T16:30:00Z")).ok).toBe(true);
    expect(validateResidentId(id, new Date("2026-01-01T15:59:00Z"))).toEqual({
      ok: false,
      reason: "birth_date",
    });
  });

  it("bounds the birth date below at MIN_BIRTH_DATE", () => {
    expect(MIN_BIRTH_DATE).toBe("1860-01-01");
    expect(validateResidentId(makeResidentId("110105", "18600101", "001"), TODAY).ok).toBe(true);
    expect(validateResidentId(makeResidentId("110105", "18591231", "001"), TODAY)).toEqual({
      ok: false,
      reason: "birth_date",
    });
  });

  it("checks leap days", () => {
    expect(validateResidentId(makeResidentId("110105", "20000229", "001"), TODAY).ok).toBe(true);
    expect(validateResidentId(makeResidentId("110105", "19000229", "001"), TODAY).ok).toBe(false);
  });

  it("accepts 71/81/82/83 and rejects 9x foreign permanent-residence numbers", () => {
    for (const p of ["71", "81", "82", "83"]) {
      expect(validateResidentId(makeResidentId(`${p}0000`, "19900101", "001"), TODAY).ok).toBe(true);
    }
    expect(validateResidentId(makeResidentId("911000", "19900101", "001"), TODAY)).toEqual({
      ok: false,
      reason: "region",
    });
  });

  it("uses its default today", () => expect(validateResidentId("11010519491231002X").ok).toBe(true));
});

describe("USCC vectors", () => {
  it("has every valid example the file announces", () => {
    expect(vectors.uscc.valid).toHaveLength(vectors.uscc.valid_examples_count);
  });

  it.each(vectors.uscc.valid)("accepts %s", (v) => {
    const r = validateUscc(v);
    expect(r).toMatchObject({
      ok: true,
      value: v,
      registrationAuthority: v.charAt(0),
      entityType: v.charAt(1),
    });
    if (r.ok) {
      expect(r.regionCode).toBe(v.slice(2, 8));
      // All published examples also satisfy the embedded GB 11714 organisation-code check.
      expect(r.organisationCodeCheckOk).toBe(true);
    }
  });

  it.each(vectors.uscc.invalid)("rejects $v ($why)", ({ v, why }) => {
    expect(validateUscc(v)).toEqual({ ok: false, reason: usccReason(v, why) });
  });

  it("accepts the python-stdnum docstring example and computes L for it", () => {
    expect(usccCheckChar("91110000600037341")).toBe("L");
    expect(validateUscc("91110000600037341L").ok).toBe(true);
  });

  it.each(vectors.uscc.normalise)("normalises $in", ({ in: input, out }) => {
    expect(normaliseUscc(input)).toBe(out);
    expect(validateUscc(input)).toMatchObject({ ok: true, value: out });
  });

  it("folds full-width input, lower case and hyphens", () => {
    expect(normaliseUscc("９１１１-0000-600037341l")).toBe("91110000600037341L");
  });

  it("rejects unknown authorities and non-digit entity type or region as format", () => {
    for (const first17 of [
      "01110000600037341",
      "B1110000600037341",
      "9A110000600037341",
      "9111000A600037341",
    ]) {
      expect(validateUscc(makeUscc(first17))).toEqual({ ok: false, reason: "format" });
    }
  });
});

describe("Luhn vectors", () => {
  const { luhn } = vectors;
  it.each([...luhn.valid_check, ...luhn.invalid_check, ...luhn.unionpay_luhn])("%s → %s", (v, ok) => {
    expect(luhnValid(v)).toBe(ok);
  });
  it.each(luhn.valid)("valid list: %s", (v) => expect(luhnValid(v)).toBe(true));
  it.each(luhn.invalid)("invalid list: %s", (v) => expect(luhnValid(v)).toBe(false));

  it("computes the check digits quoted in the source note", () => {
    expect(luhn.src).toContain('calc_check_digit("4992739871")="6"');
    expect(luhnCheckDigit("4992739871")).toBe("6");
    expect(luhnCheckDigit("142857")).toBe("2");
  });

  it("catches every single-digit error in a number it completed", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,24}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (p, at, delta) => {
          const full = p + luhnCheckDigit(p);
          expect(luhnValid(full)).toBe(true);
          const i = at % full.length;
          const changed = full.slice(0, i) + ((Number(full.charAt(i)) + delta) % 10) + full.slice(i + 1);
          expect(luhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});

// Generators for well-formed identifiers.
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const usccFirst17 = fc
  .tuple(
    fc.constantFrom(...USCC_REGISTRATION_AUTHORITIES),
    digits(7),
    fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, d, rest]) => a + d + rest.join(""));
const ymd = (min: Date, max: Date) =>
  fc.date({ min, max, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll("-", ""));
const residentParts = fc.tuple(
  fc.constantFrom(...RESIDENT_ID_PROVINCES).chain((p) => digits(4).map((d) => p + d)),
  ymd(new Date(`${MIN_BIRTH_DATE}T00:00:00Z`), TODAY),
  digits(3),
);

/** Every single-character substitution of `s` by a different character from `pool`. */
const substitutionOf = (s: string, pool: string) =>
  fc.tuple(fc.nat({ max: s.length - 1 }), fc.constantFrom(...pool)).filter(([i, c]) => s.charAt(i) !== c);

describe("USCC properties", () => {
  it("makeUscc output always validates", () => {
    fc.assert(
      fc.property(usccFirst17, (first17) => {
        expect(validateUscc(makeUscc(first17))).toMatchObject({ ok: true, value: makeUscc(first17) });
      }),
    );
  });

  it("changing any single character makes it invalid", () => {
    const pool = `${USCC_ALPHABET}IOSVZ#`;
    const cases = usccFirst17.chain((f) =>
      fc.tuple(fc.constant(makeUscc(f)), substitutionOf(makeUscc(f), pool)),
    );
    fc.assert(
      fc.property(cases, ([code, [i, c]]) => {
        expect(validateUscc(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }),
    );
    // And on the real codes, every position.
    for (const code of vectors.uscc.valid.slice(0, 20)) {
      for (let i = 0; i < 18; i++) {
        const c = code.charAt(i) === "0" ? "1" : "0";
        expect(validateUscc(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }
    }
  });
});

describe("resident identity number properties", () => {
  it("makeResidentId output always validates, with its date, sex and region", () => {
    fc.assert(
      fc.property(residentParts, ([region, birth, seq]) => {
        const r = validateResidentId(makeResidentId(region, birth, seq), TODAY);
        expect(r).toMatchObject({
          ok: true,
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
          sex: Number(seq.charAt(2)) % 2 === 1 ? "M" : "F",
          regionCode: region,
          legacy15: false,
        });
      }),
    );
  });

  it("changing any single character makes it invalid", () => {
    const cases = residentParts
      .map(([r, b, s]) => makeResidentId(r, b, s))
      .chain((id) => fc.tuple(fc.constant(id), substitutionOf(id, "0123456789X")));
    fc.assert(
      fc.property(cases, ([id, [i, c]]) => {
        expect(validateResidentId(id.slice(0, i) + c + id.slice(i + 1), TODAY).ok).toBe(false);
      }),
    );
  });

  it("masking keeps region and last 4 but never the birth date digits", () => {
    fc.assert(
      fc.property(residentParts, ([region, birth, seq]) => {
        const id = makeResidentId(region, birth, seq);
        const masked = maskResidentId(id);
        expect(masked).toBe(`${region}********${id.slice(14)}`);
        expect(masked.slice(6, 14)).toBe("********");
        // The 15-digit form keeps only 3 trailing digits: its 4th-last is the birth day.
        const legacy = maskResidentId(region + birth.slice(2) + seq);
        expect(legacy).toBe(`${region}******${seq}`);
      }),
    );
    expect(maskResidentId("11010519491231002x")).toBe("110105********002X");
  });

  it("masks anything else entirely", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = normaliseResidentId(s).length;
        fc.pre(n !== 15 && n !== 18);
        expect(maskResidentId(s)).toMatch(/^\**$/);
      }),
    );
  });
});
