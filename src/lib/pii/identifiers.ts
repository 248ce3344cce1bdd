/**
 * Resident identity numbers (GB 11643) and Unified Social Credit Codes (GB 32100), by the
 * validators the exchange already uses at admission — one definition of "valid" in the project.
 */
import { validateResidentId, validateUscc } from "../cn-identifiers/index.js";
import { stripGrouping } from "./text.js";

/**
 * 18 characters with a right ISO 7064 check, a real birth date and a known province: a random
 * 18-digit string passes about once in 11 × 3 × 40 ≈ 1 300 tries. Legacy 15-digit numbers have
 * no check character, only region and date, so they count for less.
 */
export function residentIdConfidence(value: string, today: Date): number {
  const compact = stripGrouping(value);
  if (compact.length !== 18 && compact.length !== 15) return 0;
  const result = validateResidentId(compact, today);
  if (!result.ok) return 0;
  return result.legacy15 ? 0.55 : 0.98;
}

/** Birth date inside a valid resident ID, for the minors check (PIPL art. 28/31). */
export function residentIdBirthDate(value: string, today: Date): string | undefined {
  const result = validateResidentId(stripGrouping(value), today);
  return result.ok ? result.birthDate : undefined;
}

/**
 * A USCC check is mod 31, so 1 in 31 random strings of the right shape pass. All-digit codes
 * collide with order numbers and other 18-digit runs, so they count for less than codes with
 * letters in the organisation part.
 */
export function usccConfidence(value: string): number {
  const compact = stripGrouping(value);
  if (compact.length !== 18) return 0;
  const result = validateUscc(compact);
  if (!result.ok) return 0;
  if (/^\d+$/.test(result.value)) return result.organisationCodeCheckOk ? 0.85 : 0.6;
  return result.organisationCodeCheckOk ? 0.97 : 0.8;
}
