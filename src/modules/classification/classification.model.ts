/**
 * Classification and grading (分类分级, PR-1): every data resource carries an origin class, a grade
 * and a flag for sensitive personal information; together they decide which circulation modes are
 * allowed and which protections apply. The rules live in an editable table (see
 * classification.defaults.ts for the defaults and rules.service.ts for who may change them); every
 * later flow asks `decideCirculation` rather than deciding for itself.
 */

/** 公共数据 · 企业数据 · 个人信息数据 (PR-1). */
export const ORIGIN_CLASSES = ["public", "enterprise", "personal"] as const;
export type OriginClass = (typeof ORIGIN_CLASSES)[number];

/** 核心数据 · 重要数据 · 一般数据 — the three grades of the Data Security Law (PR-1). */
export const GRADES = ["core", "important", "general"] as const;
export type Grade = (typeof GRADES)[number];

/** 开放 · 共享 · 授权 · 交易 · 跨境 (PR-1, CT-3, CT-8). */
export const CIRCULATION_MODES = ["open", "share", "authorise", "trade", "cross_border"] as const;
export type CirculationMode = (typeof CIRCULATION_MODES)[number];

/** "allowed_with_review": the flow may go ahead only after a reviewer of the exchange approves it. */
export const DECISIONS = ["allowed", "allowed_with_review", "forbidden"] as const;
export type Decision = (typeof DECISIONS)[number];

/** What must be true before a flow in this mode may happen. */
export const CONDITIONS = [
  /** the individual's granular, revocable consent, or anonymisation first (PR-8, PIPL Art. 13–14) */
  "consent_or_anonymisation",
  /** a separate consent for sensitive personal information (PIPL Art. 29) */
  "separate_consent",
  /** the export security assessment before important data leaves the country (CT-8) */
  "security_assessment",
  /** the exporter's own security self-assessment (安全自评估, CT-8) */
  "self_assessment",
  /** public data only through authorised operation, decided and recorded (PR-9) */
  "authorised_operation",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** What must protect the data while it circulates in this mode. */
export const PROTECTIONS = [
  "encryption_at_rest",
  /** raw data does not leave the holder's node: compute-to-data only (原始数据不出域、数据可用不可见, PR-6) */
  "usable_not_visible",
  /** desensitisation / masking before anything leaves the node (SG-11, PR-8) */
  "desensitisation",
  /** deliveries carry a recipient watermark, so leaks are traceable (CT-7) */
  "watermarking",
  /** every access is logged for audit (SG-4) */
  "access_audit",
] as const;
export type Protection = (typeof PROTECTIONS)[number];

export interface ModeRule {
  decision: Decision;
  conditions: Condition[];
  protections: Protection[];
}
export type ModeRules = Record<CirculationMode, ModeRule>;

/**
 * A rule is keyed by class, grade and the sensitive-PI flag. The flag exists only for personal
 * data: a resource carrying sensitive personal information is classified as personal (the PII scan
 * proposes exactly that), so public or enterprise data with the flag is refused, not guessed at.
 */
export interface RuleKey {
  originClass: OriginClass;
  grade: Grade;
  sensitivePersonal: boolean;
}

export const ruleKeyIsValid = (key: RuleKey) => !key.sensitivePersonal || key.originClass === "personal";

/** An id for a rule in events and evidence trails, e.g. `circulation_rule:personal:general:sensitive`. */
export const ruleSubjectId = (key: RuleKey) =>
  `circulation_rule:${key.originClass}:${key.grade}:${key.sensitivePersonal ? "sensitive" : "standard"}`;

export const RULE_CHANGED_EVENT = "classification.rule_changed";

/**
 * Hard invariants no edit may break, even the regulator's: they restate the law, not policy.
 * Each is checked against the rule as it would be after the change; a breach is a 409 with the code.
 */
export interface Invariant {
  code: string;
  /** the requirement it restates */
  source: string;
  message: string;
  /** true when `rule` (for `mode` of a rule with `key`) breaks the invariant */
  broken(key: RuleKey, mode: CirculationMode, rule: ModeRule): boolean;
}

export const INVARIANTS: Invariant[] = [
  {
    code: "core_data_stays_in_node",
    source: "PR-1; Data Security Law Art. 21 (核心数据)",
    message: "core data never leaves its node: every circulation mode stays forbidden",
    broken: (key, _mode, rule) => key.grade === "core" && rule.decision !== "forbidden",
  },
  {
    code: "important_data_not_opened",
    source: "PR-1 (重要数据 is never opened)",
    message: "important data is never opened",
    broken: (key, mode, rule) =>
      key.grade === "important" && mode === "open" && rule.decision !== "forbidden",
  },
  {
    code: "important_data_export_needs_assessment",
    source: "CT-8 (security assessment before export of important data)",
    message: "important data leaves the country only after a security assessment and review",
    broken: (key, mode, rule) =>
      key.grade === "important" &&
      mode === "cross_border" &&
      rule.decision !== "forbidden" &&
      (rule.decision !== "allowed_with_review" || !rule.conditions.includes("security_assessment")),
  },
  {
    code: "personal_data_needs_consent",
    source: "PR-8; PIPL Art. 13–14",
    message: "personal data circulates only with consent or after anonymisation",
    broken: (key, _mode, rule) =>
      key.originClass === "personal" &&
      rule.decision !== "forbidden" &&
      !rule.conditions.includes("consent_or_anonymisation"),
  },
  {
    code: "sensitive_personal_data_not_opened",
    source: "PR-8; PIPL Art. 28–29 (敏感个人信息)",
    message: "sensitive personal information is never opened",
    broken: (key, mode, rule) => key.sensitivePersonal && mode === "open" && rule.decision !== "forbidden",
  },
];

/** The first invariant `modes` would break for `key`, with the mode at fault. */
export function firstBrokenInvariant(
  key: RuleKey,
  modes: ModeRules,
): { invariant: Invariant; mode: CirculationMode } | null {
  for (const mode of CIRCULATION_MODES) {
    for (const invariant of INVARIANTS) {
      if (invariant.broken(key, mode, modes[mode])) return { invariant, mode };
    }
  }
  return null;
}
