/**
 * Chinese identifiers: organisations' USCC and citizens' resident identity numbers (checked at
 * participant admission, SG-12) and the Luhn check the PII scanner uses for bank cards (PR-8).
 * Pure functions, no I/O.
 */
export { luhnCheckDigit, luhnValid } from "./luhn.js";
export {
  iso7064Mod112,
  MIN_BIRTH_DATE,
  makeResidentId,
  maskResidentId,
  normaliseResidentId,
  RESIDENT_ID_PROVINCES,
  type ResidentIdProblem,
  type ResidentIdResult,
  residentIdCheckChar,
  upgradeLegacyResidentId,
  validateResidentId,
} from "./resident-id.js";
export {
  makeUscc,
  normaliseUscc,
  USCC_ALPHABET,
  USCC_REGISTRATION_AUTHORITIES,
  type UsccProblem,
  type UsccResult,
  usccCheckChar,
  validateUscc,
} from "./uscc.js";
