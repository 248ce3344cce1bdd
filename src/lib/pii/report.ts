/**
 * Column findings and the proposal for the whole table: whether it holds personal information,
 * whether any of it is sensitive, and the origin class that suggests (PR-1). The holder confirms;
 * nothing here decides. Findings carry masked examples only (mask.ts).
 */
import { bestLabel, type LabelScore, type ScanOptions, scoreColumn } from "./detect.js";
import { type ColumnLabel, LABEL_INFO, type PiiLabel } from "./labels.js";
import { maskValue } from "./mask.js";
import { cellText, clean } from "./text.js";

export interface ColumnFinding {
  name: string;
  label: ColumnLabel;
  /**
   * 0..1 confidence in `label`. For "none" it is 1 − the best score any label reached: how
   * clearly nothing was recognised, not a proof of absence.
   */
  confidence: number;
  /** share of the sampled non-empty values in which `label` was detected (0 for "none") */
  matchRate: number;
  sampleCount: number;
  personal: boolean;
  sensitive: boolean;
  /** a masked example value; never a raw one */
  example?: string;
  /** the next best labels, for the holder to weigh (confidence below the chosen one) */
  alternatives: { label: PiiLabel; confidence: number }[];
  /** why the column is sensitive beyond its label (minors) */
  notes: string[];
}

export type OriginClass = "public" | "enterprise" | "personal";

export interface ScanProposal {
  personalInformation: boolean;
  sensitivePersonalInformation: boolean;
  /** only "personal" (PI found) or "enterprise" (organisation codes only) are ever suggested */
  suggestedOriginClass?: OriginClass;
  reasons: string[];
}

export interface ScanReport {
  columns: ColumnFinding[];
  proposal: ScanProposal;
}

export interface ScanColumnInput {
  name: string;
  values: readonly unknown[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
// A few children in a sample make the column sensitive; one odd date (a typo) should not.
const MINOR_SHARE = 0.02;

export function scanColumn(
  name: string,
  values: readonly unknown[],
  options: ScanOptions = {},
): ColumnFinding {
  const scored = scoreColumn(name, values, options);
  const label = bestLabel(scored.scores);
  const best: LabelScore | undefined = label === "none" ? undefined : scored.scores[0];
  const notes: string[] = [];
  let sensitive = best ? LABEL_INFO[best.label].sensitive : false;
  if (label === "birth_date" || label === "resident_id") {
    const share = scored.minorShare[label] ?? 0;
    if (share >= MINOR_SHARE) {
      sensitive = true;
      notes.push(
        `${Math.round(share * 100)}% of the dates of birth are of children under 14 (PIPL art. 28, 31)`,
      );
    }
  }
  const raw = best ? scored.firstMatch[best.label] : firstText(values);
  return {
    name,
    label,
    confidence: round(best ? best.confidence : 1 - (scored.scores[0]?.confidence ?? 0)),
    matchRate: round(best ? best.matchRate : 0, 3),
    sampleCount: scored.sampleCount,
    personal: best ? LABEL_INFO[best.label].personal : false,
    sensitive,
    ...(raw === undefined ? {} : { example: maskValue(label, raw) }),
    alternatives: scored.scores
      .slice(best ? 1 : 0, best ? 4 : 3)
      .filter((s) => s.confidence >= 0.2)
      .map((s) => ({ label: s.label, confidence: round(s.confidence) })),
    notes,
  };
}

function firstText(values: readonly unknown[]): string | undefined {
  for (const v of values) {
    const text = cellText(v);
    if (text !== undefined && clean(text).length > 0) return text;
  }
  return undefined;
}

export function scanTable(columns: readonly ScanColumnInput[], options: ScanOptions = {}): ScanReport {
  const findings = columns.map((c) => scanColumn(c.name, c.values, options));
  return { columns: findings, proposal: propose(findings) };
}

export function propose(findings: readonly ColumnFinding[]): ScanProposal {
  const personal = findings.filter((f) => f.personal);
  const sensitive = personal.filter((f) => f.sensitive);
  const reasons = personal.map((f) => {
    const info = LABEL_INFO[f.label as PiiLabel];
    const share = `${Math.round(f.matchRate * 100)}% of ${f.sampleCount} sampled values`;
    return `column "${f.name}": ${f.label} (confidence ${f.confidence}, ${share}) — ${info.basis}${f.notes.map((n) => `; ${n}`).join("")}`;
  });
  const orgCodes = findings.filter((f) => f.label === "uscc");
  let suggestedOriginClass: OriginClass | undefined;
  if (personal.length > 0) {
    suggestedOriginClass = "personal";
    reasons.push(
      "personal information found: origin class personal is suggested; use needs the individuals' authorisation (PR-8)",
    );
  } else if (orgCodes.length > 0) {
    suggestedOriginClass = "enterprise";
    reasons.push(
      `organisation codes (USCC) in ${orgCodes.map((f) => `"${f.name}"`).join(", ")} and no personal information: enterprise is suggested; data formed in government or public-utility systems is public data instead (PR-1)`,
    );
  } else {
    reasons.push("no personal information recognised in the sampled values; a scan cannot prove its absence");
  }
  if (sensitive.length > 0) {
    reasons.push(
      `sensitive personal information in ${sensitive.map((f) => `"${f.name}"`).join(", ")}: separate consent and a necessity assessment apply (PIPL art. 28–29)`,
    );
  }
  reasons.push(
    "the grade (core / important / general) is the holder's decision against the applicable catalogues",
  );
  return {
    personalInformation: personal.length > 0,
    sensitivePersonalInformation: sensitive.length > 0,
    ...(suggestedOriginClass ? { suggestedOriginClass } : {}),
    reasons,
  };
}
