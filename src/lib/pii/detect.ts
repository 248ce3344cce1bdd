/**
 * Value and column detection. A value is tried against every detector; a column combines how
 * often each label matched, how sure the matches were, what the column's values look like as a
 * whole (spread of dates, lone latitudes) and what its name says.
 */
import { addressConfidence } from "./address.js";
import { bankCardConfidence } from "./bank-card.js";
import { emailConfidence, landlineConfidence, mobileConfidence } from "./contact.js";
import { birthDateColumn, birthDateConfidence } from "./dates.js";
import { axisColumnConfidence, coordinateConfidence } from "./geo.js";
import { columnHint } from "./hints.js";
import { residentIdBirthDate, residentIdConfidence, usccConfidence } from "./identifiers.js";
import {
  type ColumnLabel,
  type Detection,
  MINOR_AGE,
  PII_LABELS,
  type PiiLabel,
  REPORT_THRESHOLD,
} from "./labels.js";
import { personNameConfidence } from "./names.js";
import { ipConfidence } from "./network.js";
import { passportConfidence } from "./passport.js";
import { plateConfidence } from "./plate.js";
import { ageOn, cellText, clean } from "./text.js";

export interface ScanOptions {
  /** "today" for birth-date plausibility and ages; injected so results are reproducible */
  today?: Date;
}

/** Longer cells are free text; scanning text for embedded identifiers is not done (yet). */
export const MAX_VALUE_LENGTH = 200;

const DETECTORS: Readonly<Record<PiiLabel, (value: string, today: Date) => number>> = {
  resident_id: residentIdConfidence,
  passport: passportConfidence,
  bank_card: bankCardConfidence,
  mobile: mobileConfidence,
  landline: landlineConfidence,
  email: emailConfidence,
  person_name: personNameConfidence,
  address: addressConfidence,
  plate: plateConfidence,
  ip_address: ipConfidence,
  coordinate: coordinateConfidence,
  birth_date: birthDateConfidence,
  uscc: usccConfidence,
};

/**
 * How sure one detector is that `value` is a `label` (0 = not one). Detectors check structure,
 * not only shape — GB 11643 and GB 32100 check characters, Luhn, allocated mobile segments,
 * calendar dates — so `> 0` is what profiling counts as a valid value of a detected column.
 */
export function valueConfidence(label: PiiLabel, value: string, options: ScanOptions = {}): number {
  const v = clean(value);
  if (v.length === 0 || v.length > MAX_VALUE_LENGTH) return 0;
  return DETECTORS[label](v, options.today ?? new Date());
}

/** Every label the value could carry, most confident first (ties in PII_LABELS order). */
export function detectValue(value: string, options: ScanOptions = {}): Detection[] {
  const v = clean(value);
  if (v.length === 0 || v.length > MAX_VALUE_LENGTH) return [];
  const today = options.today ?? new Date();
  const found: Detection[] = [];
  for (const label of PII_LABELS) {
    const confidence = DETECTORS[label](v, today);
    if (confidence > 0) found.push({ label, confidence: Math.round(confidence * 100) / 100 });
  }
  return found.sort((a, b) => b.confidence - a.confidence);
}

export interface LabelScore {
  label: PiiLabel;
  confidence: number;
  /** share of the column's non-empty sampled values in which the label was detected */
  matchRate: number;
}

export interface ColumnScores {
  /** non-empty values looked at */
  sampleCount: number;
  /** all labels with any evidence, best first */
  scores: LabelScore[];
  /** first value matching each label, for the masked example (never leaves the library raw) */
  firstMatch: Partial<Record<PiiLabel, string>>;
  /** share of birth dates (as dates, or inside resident IDs) of children under 14 */
  minorShare: Partial<Record<"birth_date" | "resident_id", number>>;
}

// Labels whose values are free-form text: the column name alone is good evidence for them.
const FREE_FORM: ReadonlySet<PiiLabel> = new Set(["person_name", "address"]);

/** Scores every label for one column. scanColumn (report.ts) turns this into a finding. */
export function scoreColumn(
  name: string,
  values: readonly unknown[],
  options: ScanOptions = {},
): ColumnScores {
  const today = options.today ?? new Date();
  const texts: string[] = [];
  for (const raw of values) {
    const text = cellText(raw);
    const v = text === undefined ? "" : clean(text);
    if (v.length > 0) texts.push(v);
  }
  const hits = new Map<PiiLabel, { count: number; sum: number }>();
  const firstMatch: Partial<Record<PiiLabel, string>> = {};
  let idMinors = 0;
  for (const v of texts) {
    for (const d of detectValue(v, { today })) {
      if (d.label === "resident_id" && isMinor(residentIdBirthDate(v, today), today)) idMinors++;
      const h = hits.get(d.label) ?? { count: 0, sum: 0 };
      h.count++;
      h.sum += d.confidence;
      hits.set(d.label, h);
      firstMatch[d.label] ??= v;
    }
  }
  const n = texts.length;
  const rate = (label: PiiLabel) => (n === 0 ? 0 : (hits.get(label)?.count ?? 0) / n);
  const conf = new Map<PiiLabel, number>();
  for (const [label, h] of hits) conf.set(label, (h.sum / h.count) * Math.min(1, rate(label) / 0.8));

  const hint = columnHint(name);
  const births = birthDateColumn(texts, today, MINOR_AGE);
  const bump = (label: PiiLabel, to: number) => conf.set(label, Math.max(conf.get(label) ?? 0, to));
  if (hint.eventDate) conf.set("birth_date", (conf.get("birth_date") ?? 0) * 0.3);
  else bump("birth_date", births.confidence);
  bump("coordinate", axisColumnConfidence(texts));
  if (hint.thingName) conf.set("person_name", (conf.get("person_name") ?? 0) * 0.4);

  const share = (re: RegExp) => (n === 0 ? 0 : texts.filter((v) => re.test(v)).length / n);
  const texty = share(/\p{L}/u) >= 0.5;
  // Chinese names and addresses are recognisable, so for Chinese text the values must agree with
  // the name ("name" over product names is not a person); other scripts cannot be judged here.
  const judgeable = share(/^\p{Script=Han}/u) >= 0.5;
  for (const label of hint.labels) {
    const r = rate(label);
    if (FREE_FORM.has(label)) {
      if (texty && (!judgeable || r >= 0.3)) bump(label, 0.6 + 0.35 * Math.min(1, r / 0.5));
    } else if (!(label === "birth_date" && hint.eventDate)) {
      bump(label, r >= 0.5 ? 0.85 + 0.14 * r : 0.3 + 0.5 * r);
    }
  }
  const scores = [...conf]
    .filter(([, c]) => c > 0)
    .map(([label, c]) => ({ label, confidence: c, matchRate: rate(label) }))
    .sort((a, b) => b.confidence - a.confidence || PII_LABELS.indexOf(a.label) - PII_LABELS.indexOf(b.label));
  const ids = hits.get("resident_id")?.count ?? 0;
  const minorShare = { birth_date: births.minorShare, resident_id: ids === 0 ? 0 : idMinors / ids };
  return { sampleCount: n, scores, firstMatch, minorShare };
}

function isMinor(birthDate: string | undefined, today: Date): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split("-").map(Number);
  return ageOn({ y: y ?? 0, m: m ?? 0, d: d ?? 0 }, today) < MINOR_AGE;
}

/** The label a column gets: the best score if it reaches REPORT_THRESHOLD, else "none". */
export function bestLabel(scores: readonly LabelScore[]): ColumnLabel {
  const best = scores[0];
  return best && best.confidence >= REPORT_THRESHOLD ? best.label : "none";
}
