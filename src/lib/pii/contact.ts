/**
 * Phone numbers and e-mail addresses. Mobile numbers are 11 digits in a segment the MIIT has
 * allocated to a carrier; landlines are an area code (010, 02x or 0xxx) and a 7–8 digit local
 * number that never starts with 0, 1 or 9 (service numbers).
 */

// Allocated mobile segments (13x, 145–149, 15x without 154, 162/165–167, 170–178, 18x, 19x).
const MOBILE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9\d)\d{8}$/;
const COUNTRY = /^(?:\+|00)?86[\s-]?/;

/** "+86 138 1234 5678", "138-1234-5678", "(+86)13812345678" … */
export function mobileConfidence(value: string): number {
  if (value.length > 24 || !/^[\d\s+()-]+$/.test(value)) return 0;
  const unbracketed = value.replace(/^\(\+?86\)\s*/, "+86 ");
  const hasCountry = COUNTRY.test(unbracketed);
  const national = unbracketed.replace(COUNTRY, "");
  // Grouping must look like phone grouping: 3-4-4 or 3 4 4, not digits scattered at random.
  if (!/^\d{11}$|^\d{3}[\s-]\d{4}[\s-]\d{4}$/.test(national)) return 0;
  if (!MOBILE.test(national.replace(/[\s-]/g, ""))) return 0;
  return hasCountry ? 0.95 : 0.9;
}

const AREA = "(?:010|02\\d|0[3-9]\\d{2})";
const LOCAL = "[2-8]\\d{6,7}";
const EXT = "(?:(?:-|转|ext\\.?|x)\\d{1,5})?";
const LANDLINE_SEPARATED = new RegExp(`^(?:\\(${AREA}\\)|${AREA}[\\s-])\\s*${LOCAL}${EXT}$`, "i");
const LANDLINE_JOINED = new RegExp(`^${AREA}${LOCAL}$`);
// +86 drops the trunk 0: "+86 10 8888 6666", "+86-755-12345678".
const LANDLINE_INTL = /^(?:\+|00)86[\s-]?(?:10|2\d|[3-9]\d{2})[\s-]?[2-8]\d{2,3}[\s-]?\d{4}$/;

export function landlineConfidence(value: string): number {
  if (value.length > 30) return 0;
  const v = value.replace(/(\d{3,4})\s(\d{4})$/, "$1$2");
  if (LANDLINE_SEPARATED.test(v) || LANDLINE_INTL.test(value)) return 0.85;
  // Without a separator the area code is guessed from the leading 0 alone.
  if (LANDLINE_JOINED.test(v)) return 0.6;
  return 0;
}

// Practical rather than RFC 5322: dot-atoms, a dotted domain and an alphabetic TLD.
const EMAIL = /^[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_])?@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}$/;

export function emailConfidence(value: string): number {
  if (value.length > 254 || !EMAIL.test(value) || value.includes("..")) return 0;
  return 0.98;
}
