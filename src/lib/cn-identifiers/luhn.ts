/**
 * Luhn (ISO/IEC 7812-1 mod 10) — the check digit on bank card numbers, including UnionPay (62…).
 * The PII scanner uses it to tell a card number from any other long run of digits (PR-8 personal
 * information: class and grade are proposed from what the scan finds).
 */

// Card numbers are written in groups ("6222 0212 …", "6222-0212-…"); a scanner should not have
// to strip the separators itself, and validator.js behaves the same way.
const SEPARATORS = /[\s-]/g;

/** Sum of the Luhn-weighted digits; `doubleFirst` says whether the rightmost digit is doubled. */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/**
 * True when `input` (digits, optionally grouped with spaces or hyphens) passes the Luhn check.
 * Empty input and any other character are simply invalid: a scanner feeds arbitrary text here.
 */
export function luhnValid(input: string): boolean {
  const digits = input.replace(SEPARATORS, "");
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/**
 * The digit to append to `payload` so that the whole passes `luhnValid`. Used to build test and
 * demo card numbers; throws on non-digits because that is a programming error, not user input.
 */
export function luhnCheckDigit(payload: string): string {
  const digits = payload.replace(SEPARATORS, "");
  if (!/^\d*$/.test(digits)) throw new RangeError("luhnCheckDigit: payload must be digits");
  // The check digit will sit at the right, so the payload's rightmost digit is doubled.
  return String((10 - (luhnSum(digits, true) % 10)) % 10);
}
