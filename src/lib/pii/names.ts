/**
 * Chinese personal names: a surname (single or compound) and one or two given-name characters.
 * Two or three Chinese characters are also the shape of most words, so a value alone rarely
 * proves a name: the score rises with a frequent surname and common given-name characters, and
 * falls to nothing for known words and for organisation or place endings. Columns decide (see
 * detect.ts), helped by names such as 姓名/联系人.
 */
import {
  COMPOUND_SURNAMES,
  GIVEN_NAME_CHARS,
  NON_NAME_ENDINGS,
  NON_NAME_SUFFIXES,
  STOP_WORDS,
  SURNAMES,
  TOP_SURNAMES,
} from "./name-data.js";
import { HAN, HAN_ONLY } from "./text.js";

// Names of Uyghur, Tibetan and other minorities are written phonetically with a middle dot.
const DOTTED = new RegExp(`^[${HAN}]{1,8}(?:[·•・][${HAN}]{1,8})+$`);

/** Split into surname and given name, compound surname first; undefined if no known surname. */
export function splitName(value: string): { surname: string; given: string } | undefined {
  if (value.length >= 3 && COMPOUND_SURNAMES.has(value.slice(0, 2))) {
    return { surname: value.slice(0, 2), given: value.slice(2) };
  }
  const first = value.charAt(0);
  return SURNAMES.has(first) ? { surname: first, given: value.slice(1) } : undefined;
}

export function personNameConfidence(value: string): number {
  if (value.length < 2 || value.length > 20) return 0;
  if (DOTTED.test(value)) return 0.6;
  if (value.length > 4 || !HAN_ONLY.test(value)) return 0;
  if (STOP_WORDS.has(value) || NON_NAME_ENDINGS.has(value.charAt(value.length - 1))) return 0;
  if (NON_NAME_SUFFIXES.some((suffix) => value.endsWith(suffix))) return 0;
  const parts = splitName(value);
  if (!parts || parts.given.length < 1 || parts.given.length > 2) return 0;
  const common = [...parts.given].filter((ch) => GIVEN_NAME_CHARS.has(ch)).length;
  let score = 0.4;
  if (common === parts.given.length) score += 0.3;
  else if (common > 0) score += 0.15;
  if (COMPOUND_SURNAMES.has(parts.surname) || TOP_SURNAMES.has(parts.surname)) score += 0.1;
  return Math.min(score, 0.8);
}
