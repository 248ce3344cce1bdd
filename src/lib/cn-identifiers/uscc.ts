/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character identifier of
 * every legal person and other organisation in China. The exchange checks it when an organisation
 * applies for admission as a market participant (SG-12 准入), before any registry look-up, so that
 * typing mistakes are caught at the form rather than by a reviewer.
 *
 * Layout: [1] registration authority, [2] entity type, [3–8] region of the registering office
 * (GB/T 2260), [9–17] organisation code (GB 11714), [18] check character.
 */

/** Code alphabet: digits and upper-case letters without I, O, S, V, Z (too easily misread). */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * Registration authorities (登记管理部门代码). The 2015 table (1–9, Y) was extended with A (the
 * Central Military Commission's establishment office) and N (agriculture: rural collective
 * economic organisations), both of which issue real codes — so a letter in first place is not by
 * itself a format error.
 */
export const USCC_REGISTRATION_AUTHORITIES = "123456789ANY";

export type UsccProblem =
  /** not 18 characters after normalising */
  | "length"
  /** a character outside USCC_ALPHABET */
  | "charset"
  /** unknown registration authority, or entity type / region not digits */
  | "format"
  /** the 18th character does not match */
  | "check_digit";

export type UsccResult =
  | {
      ok: true;
      value: string;
      /** character 1, one of USCC_REGISTRATION_AUTHORITIES */
      registrationAuthority: string;
      /** character 2; its meaning depends on the authority (e.g. 9+1 = enterprise) */
      entityType: string;
      /**
       * Characters 3–8: the registering office's GB/T 2260 code (100000 for national level).
       * Not checked against a region table: a code is kept for life while region codes are
       * retired every year, so an old but genuine code would otherwise be refused.
       */
      regionCode: string;
      /** characters 9–17 */
      organisationCode: string;
      /**
       * Whether the embedded GB 11714 check character (character 17) is right. Advisory only:
       * the USCC's own check character already catches every single-character error, and
       * rejecting on this second check risks turning away a real organisation at admission.
       */
      organisationCodeCheckOk: boolean;
    }
  | { ok: false; reason: UsccProblem };

// w_i = 3^i mod 31 — every weight is non-zero mod the prime 31, which is why any single
// substitution changes the check character.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Trim, NFKC-fold (full-width "９１" typed with a Chinese IME becomes "91"), upper-case, and drop
 * the spaces and hyphens people use to group the code.
 */
export function normaliseUscc(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
}

/** The check character for the first 17 characters. Throws if they are not 17 alphabet chars. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("usccCheckChar: need 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`usccCheckChar: "${first17.charAt(i)}" is not in the alphabet`);
    sum += v * (WEIGHTS[i] as number);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Append the check character. Only the alphabet and length are checked, so tests can also build
 * structurally wrong codes that still carry a correct check character.
 */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/** GB 11714: C9 = 11 − (Σ c_i·w_i mod 11), with 10 → X and 11 → 0; letters count A=10 … Z=35. */
function organisationCodeCheckOk(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += Number.parseInt(code.charAt(i), 36) * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  const expected = c === 11 ? "0" : c === 10 ? "X" : String(c);
  return code.charAt(8) === expected;
}

/**
 * Validate a USCC. Problems are reported in the order a person would fix them: length, stray
 * characters, structure, and only then the check character.
 */
export function validateUscc(input: string): UsccResult {
  const value = normaliseUscc(input);
  if (value.length !== 18) return { ok: false, reason: "length" };
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) return { ok: false, reason: "charset" };
  }
  const authority = value.charAt(0);
  if (!USCC_REGISTRATION_AUTHORITIES.includes(authority) || !/^\d{7}$/.test(value.slice(1, 8))) {
    return { ok: false, reason: "format" };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: "check_digit" };
  const organisationCode = value.slice(8, 17);
  return {
    ok: true,
    value,
    registrationAuthority: authority,
    entityType: value.charAt(1),
    regionCode: value.slice(2, 8),
    organisationCode,
    organisationCodeCheckOk: organisationCodeCheckOk(organisationCode),
  };
}
