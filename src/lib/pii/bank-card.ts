/**
 * Bank card numbers (PIPL art. 28 金融账户): 13–19 digits, a plausible issuer prefix and the Luhn
 * check. Luhn alone passes one random number in ten; the prefix cuts that further, and 62
 * (UnionPay) at 16–19 digits is what Chinese data mostly holds.
 */
import { luhnValid } from "../cn-identifiers/index.js";

/** Issuer prefixes (ISO/IEC 7812 IINs) seen on cards in China, with their usual lengths. */
function issuerWeight(digits: string): number {
  const n = digits.length;
  if (/^62/.test(digits) && n >= 16) return 0.92; // UnionPay
  if (/^81/.test(digits) && n >= 16) return 0.85; // UnionPay 8-series
  if (/^95\d{2}/.test(digits) && n >= 16) return 0.8; // pre-UnionPay domestic debit (9558 ICBC, 9559 ABC)
  if (/^4/.test(digits) && (n === 13 || n === 16 || n === 19)) return 0.85; // Visa
  if (/^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)/.test(digits) && n === 16) return 0.85; // Mastercard
  if (/^3[47]/.test(digits) && n === 15) return 0.8; // American Express
  if (/^35(?:2[89]|[3-8]\d)/.test(digits) && n >= 16) return 0.8; // JCB
  if (/^(?:6011|64[4-9]|65)/.test(digits) && n >= 16) return 0.8; // Discover
  if (/^3(?:0[0-5]|[68])/.test(digits) && n === 14) return 0.7; // Diners Club
  if (/^(?:5[06-9]|6)/.test(digits) && n >= 16) return 0.7; // Maestro and other 5/6 debit ranges
  return 0;
}

export function bankCardConfidence(value: string): number {
  if (value.length > 26 || !/^\d[\d\s-]*\d$/.test(value)) return 0;
  // Grouped numbers come in blocks of 4 (or 4-6-5 for Amex); reject arbitrary punctuation.
  if (
    /[\s-]/.test(value) &&
    !/^\d{4}(?:[\s-]\d{4})+(?:[\s-]\d{1,3})?$|^\d{4}[\s-]\d{6}[\s-]\d{5}$/.test(value)
  ) {
    return 0;
  }
  const digits = value.replace(/[\s-]/g, "");
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return 0;
  // Luhn with a long run of one digit is a test pattern, not a card.
  if (/(\d)\1{7}/.test(digits)) return 0;
  return issuerWeight(digits);
}
