/**
 * Birth dates. A date alone says little — order dates and birth dates look the same — so a
 * value scores low and the column decides: birth dates of a population spread over decades and lie
 * mostly years back, while event dates cluster near today. A column name (出生/生日/birth/dob)
 * settles it; see hints.ts.
 */
import { ageOn, isCalendarDate } from "./text.js";

export interface DateParts {
  y: number;
  m: number;
  d: number;
  /** carries a time of day other than midnight: a timestamp, not a birth date */
  timed: boolean;
  /** YYYYMMDD without separators: also just an eight-digit number */
  compact: boolean;
}

const SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function parseDate(value: string): DateParts | undefined {
  if (value.length > 40) return undefined;
  let y: number;
  let m: number;
  let d: number;
  let timed = false;
  let compact = false;
  const s = SEPARATED.exec(value);
  const c = s ? null : CHINESE.exec(value);
  const k = s || c ? null : COMPACT.exec(value);
  if (s) {
    [y, m, d] = [Number(s[1]), Number(s[3]), Number(s[4])];
    timed = [s[5], s[6], s[7]].some((t) => t !== undefined && Number(t) !== 0);
  } else if (c) {
    [y, m, d] = [Number(c[1]), Number(c[2]), Number(c[3])];
  } else if (k) {
    [y, m, d] = [Number(k[1]), Number(k[2]), Number(k[3])];
    compact = true;
  } else return undefined;
  return isCalendarDate(y, m, d) ? { y, m, d, timed, compact } : undefined;
}

/** Value-level confidence that a string is someone's date of birth (1900 … today). */
export function birthDateConfidence(value: string, today: Date): number {
  const p = parseDate(value);
  if (!p || p.y < 1900) return 0;
  const age = ageOn(p, today);
  if (age < 0) return 0;
  if (p.timed) return 0.15;
  // Within the last three years: newborns exist, but most such dates are events.
  const base = age < 3 ? 0.3 : age > 110 ? 0.2 : 0.55;
  return p.compact ? base * 0.8 : base;
}

export interface BirthDateColumn {
  /** column-level confidence from the spread of the dates, 0 if they do not look like births */
  confidence: number;
  /** share of the dates that belong to children under 14 (PIPL art. 28 and 31) */
  minorShare: number;
}

export function birthDateColumn(values: readonly string[], today: Date, minorAge: number): BirthDateColumn {
  const ages: number[] = [];
  for (const v of values) {
    const p = parseDate(v);
    if (p && !p.timed && p.y >= 1900) {
      const age = ageOn(p, today);
      if (age >= 0) ages.push(age);
    }
  }
  if (values.length === 0 || ages.length / values.length < 0.8) return { confidence: 0, minorShare: 0 };
  ages.sort((a, b) => a - b);
  const spread = (ages.at(-1) ?? 0) - (ages[0] ?? 0);
  const median = ages[Math.floor(ages.length / 2)] ?? 0;
  const recent = ages.filter((a) => a < 3).length / ages.length;
  const minorShare = ages.filter((a) => a < minorAge).length / ages.length;
  const looksLikeBirths = spread >= 10 && median >= 5 && median <= 90 && recent <= 0.3;
  return { confidence: looksLikeBirths ? 0.75 : 0, minorShare };
}
