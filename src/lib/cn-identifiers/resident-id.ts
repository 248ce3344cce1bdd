/**
 * Citizen identity number (公民身份号码, GB 11643-1999). A natural person applying for admission
 * (SG-12 准入) gives one, and so does an organisation's legal representative; the PII scanner looks
 * for them in holders' data. The number is personal information (PR-8): keep it out of logs and
 * screens, show `maskResidentId` instead (SG-11 desensitisation).
 *
 * Layout: [1–6] region (GB/T 2260), [7–14] birth date YYYYMMDD, [15–17] sequence (odd = male),
 * [18] ISO 7064 MOD 11-2 check character (0–9 or X).
 */

/**
 * Province-level prefixes a number may start with. GB/T 2260 provinces plus 71 (Taiwan), 81/82
 * (Hong Kong/Macao, also used by their residents' residence permits since 2018) and 83 (residence
 * permits for Taiwan residents: they carry 830000 rather than 71xxxx). Foreign permanent-residence
 * cards (2023 format, starting with 9) are not accepted: their digits 4–6 are a nationality code,
 * not a region, so they are a different document rather than a resident identity number.
 */
export const RESIDENT_ID_PROVINCES: ReadonlySet<string> = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split(
    " ",
  ),
);

/**
 * Earliest birth date accepted. Numbers were first issued in 1984 and nobody has been verified to
 * live past 122, so no holder was born before about 1862; 1860 leaves slack, keeps GB 11643's own
 * Appendix A example (born 1880), and still rejects typing slips such as 1078 or 0978.
 */
export const MIN_BIRTH_DATE = "1860-01-01";

export type ResidentIdProblem = "length" | "charset" | "check_digit" | "birth_date" | "region";

export type ResidentIdResult =
  | {
      ok: true;
      /** always the 18-character form (legacy 15-digit input is upgraded) */
      value: string;
      birthDate: string;
      sex: "M" | "F";
      /** the six-digit region where the number was first issued */
      regionCode: string;
      /** input was a pre-1999 15-digit number; admission may want the current form */
      legacy15: boolean;
    }
  | { ok: false; reason: ResidentIdProblem };

/**
 * NFKC-fold (full-width digits from a Chinese IME), drop spaces and hyphens used for grouping,
 * and upper-case a trailing x — GB 11643 writes the check value 10 as capital X.
 */
export function normaliseResidentId(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
}

/**
 * ISO 7064 MOD 11-2 check character for a digit string of any length: weights 2^k mod 11 counted
 * from the check position, chosen so that (Σ + check) ≡ 1 (mod 11); 10 is written X.
 */
export function iso7064Mod112(digits: string): string {
  if (!/^\d*$/.test(digits)) throw new RangeError("iso7064Mod112: digits only");
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const c = (12 - sum) % 11;
  return c === 10 ? "X" : String(c);
}

/** The 18th character for 17 digits (equivalently "10X98765432"[Σ w_i·a_i mod 11]). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("residentIdCheckChar: need 17 digits");
  return iso7064Mod112(first17);
}

/** Append the check character. Only shapes are checked, so tests can build bad dates/regions. */
export function makeResidentId(region6: string, birthYYYYMMDD: string, seq3: string): string {
  if (!/^\d{6}$/.test(region6) || !/^\d{8}$/.test(birthYYYYMMDD) || !/^\d{3}$/.test(seq3)) {
    throw new RangeError("makeResidentId: want 6, 8 and 3 digits");
  }
  const first17 = region6 + birthYYYYMMDD + seq3;
  return first17 + residentIdCheckChar(first17);
}

/**
 * GB 11643's upgrade of a pre-1999 15-digit number (YYMMDD, no check): insert "19" before the
 * year and append the check character. Those numbers were issued only to people born in 19xx.
 */
export function upgradeLegacyResidentId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError("upgradeLegacyResidentId: need 15 digits");
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** "YYYY-MM-DD" if the eight digits are a real calendar date, else undefined. */
function calendarDate(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (days === undefined || d < 1 || d > days) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Today's date in China Standard Time (UTC+8, no DST): a baby born in Beijing at 00:30 must not be
 * "in the future" because the server clock is in UTC.
 */
function chinaToday(today: Date): string {
  return new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Validate a resident identity number, 18-digit or legacy 15-digit.
 *
 * Legacy numbers are accepted and upgraded (`legacy15: true`): they still fill older datasets the
 * PII scanner must recognise, and the upgrade is deterministic. First-generation cards stopped
 * being valid in 2013, so admission (SG-12) can refuse `legacy15` results as a policy.
 *
 * Region and birth date are checked before the check character: when a digit is mistyped in
 * either, "region"/"birth_date" tells the person where to look, whereas "check_digit" does not.
 */
export function validateResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const raw = normaliseResidentId(input);
  if (raw.length !== 18 && raw.length !== 15) return { ok: false, reason: "length" };
  const legacy15 = raw.length === 15;
  if (!(legacy15 ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(raw)) return { ok: false, reason: "charset" };
  if (!RESIDENT_ID_PROVINCES.has(raw.slice(0, 2))) return { ok: false, reason: "region" };

  // From here on work with the 18-character form; a 15-digit number's check is ours, so it holds.
  const value = legacy15 ? upgradeLegacyResidentId(raw) : raw;
  const birthDate = calendarDate(value.slice(6, 14));
  if (birthDate === undefined || birthDate < MIN_BIRTH_DATE || birthDate > chinaToday(today)) {
    return { ok: false, reason: "birth_date" };
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: "check_digit" };
  }
  return {
    ok: true,
    value,
    birthDate,
    sex: Number(value.charAt(16)) % 2 === 1 ? "M" : "F",
    regionCode: value.slice(0, 6),
    legacy15,
  };
}

/**
 * Mask for display (PR-8, SG-11): keep the region (first 6) and the last 4 of an 18-character
 * number — enough to tell two people apart on a screen, never the birth date. A 15-digit number
 * keeps only its last 3, because its 4th-last digit is part of the birth date. Anything else is
 * masked entirely: we cannot know where a birth date sits in it.
 */
export function maskResidentId(input: string): string {
  const v = normaliseResidentId(input);
  if (v.length === 18) return `${v.slice(0, 6)}********${v.slice(14)}`;
  if (v.length === 15) return `${v.slice(0, 6)}******${v.slice(12)}`;
  return "*".repeat(v.length);
}
