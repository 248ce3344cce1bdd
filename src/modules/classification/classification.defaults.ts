import type {
  Condition,
  Decision,
  Grade,
  ModeRule,
  ModeRules,
  OriginClass,
  Protection,
} from "./classification.model.js";

/**
 * The default circulation rules, seeded by the first migration and then edited only by the
 * regulator (every edit versioned and evidenced). One row per class × grade, plus rows for
 * sensitive personal information. Reading guide: the grade sets the ceiling (core never leaves its
 * node; important is never opened and needs review), the class adds its own conditions (personal →
 * consent or anonymisation; public → usable-not-visible products via authorised operation).
 */
export interface DefaultRule {
  originClass: OriginClass;
  grade: Grade;
  sensitivePersonal: boolean;
  modes: ModeRules;
}

const m = (decision: Decision, conditions: Condition[] = [], protections: Protection[] = []): ModeRule => ({
  decision,
  conditions,
  protections,
});

/** Core data: no circulation mode at all; it is used only inside its node (compute-to-data). */
const CORE: ModeRules = {
  open: m("forbidden", [], ["usable_not_visible", "encryption_at_rest", "access_audit"]),
  share: m("forbidden", [], ["usable_not_visible", "encryption_at_rest", "access_audit"]),
  authorise: m("forbidden", [], ["usable_not_visible", "encryption_at_rest", "access_audit"]),
  trade: m("forbidden", [], ["usable_not_visible", "encryption_at_rest", "access_audit"]),
  cross_border: m("forbidden", [], ["usable_not_visible", "encryption_at_rest", "access_audit"]),
};

const GUARDED: Protection[] = ["encryption_at_rest", "access_audit"];
const CONSENT: Condition[] = ["consent_or_anonymisation"];
const SENSITIVE: Condition[] = ["consent_or_anonymisation", "separate_consent"];
const PERSONAL_PROTECTION: Protection[] = ["desensitisation", "encryption_at_rest", "access_audit"];

export const DEFAULT_RULES: DefaultRule[] = [
  // PR-1 + PR-6: core public data never leaves its node; confidential public data is never released.
  { originClass: "public", grade: "core", sensitivePersonal: false, modes: CORE },
  // PR-1 (important: never opened, review before any flow) + PR-6 (raw public data strictly
  // controlled: products only, usable not visible) + PR-9 (authorisation is a recorded decision)
  // + CT-8 (export needs the security assessment).
  {
    originClass: "public",
    grade: "important",
    sensitivePersonal: false,
    modes: {
      open: m("forbidden"),
      share: m("allowed_with_review", [], ["usable_not_visible", ...GUARDED]),
      authorise: m("allowed_with_review", ["authorised_operation"], ["usable_not_visible", ...GUARDED]),
      trade: m("allowed_with_review", ["authorised_operation"], ["usable_not_visible", ...GUARDED]),
      cross_border: m("allowed_with_review", ["security_assessment"], ["usable_not_visible", ...GUARDED]),
    },
  },
  // PD-2 (open catalog, unconditional opening) + PD-1 (sharing between departments) + PR-9
  // (authorised operation, a reviewed collective decision) + PR-6 (products, not raw data, are
  // traded: usable not visible) + CT-8 (self-assessment before export).
  {
    originClass: "public",
    grade: "general",
    sensitivePersonal: false,
    modes: {
      open: m("allowed", [], ["access_audit"]),
      share: m("allowed", [], ["access_audit"]),
      authorise: m("allowed_with_review", ["authorised_operation"], ["access_audit"]),
      trade: m("allowed_with_review", ["authorised_operation"], ["usable_not_visible", "access_audit"]),
      cross_border: m("allowed_with_review", ["self_assessment"], ["access_audit"]),
    },
  },
  // PR-1: core enterprise data never leaves its node (Data Security Law).
  { originClass: "enterprise", grade: "core", sensitivePersonal: false, modes: CORE },
  // PR-1 (important: never opened, review before any flow) + CT-8 (security assessment for export);
  // traded copies are watermarked (CT-7 traceability).
  {
    originClass: "enterprise",
    grade: "important",
    sensitivePersonal: false,
    modes: {
      open: m("forbidden"),
      share: m("allowed_with_review", [], GUARDED),
      authorise: m("allowed_with_review", [], GUARDED),
      trade: m("allowed_with_review", [], ["watermarking", ...GUARDED]),
      cross_border: m("allowed_with_review", ["security_assessment"], GUARDED),
    },
  },
  // PR-7 (enterprises hold, use and earn from their data) + CT-3 (open, share, exchange, trade)
  // + CT-8 (self-assessment before export, reviewed).
  {
    originClass: "enterprise",
    grade: "general",
    sensitivePersonal: false,
    modes: {
      open: m("allowed"),
      share: m("allowed", [], ["access_audit"]),
      authorise: m("allowed", [], ["access_audit"]),
      trade: m("allowed", [], ["watermarking", "access_audit"]),
      cross_border: m("allowed_with_review", ["self_assessment"], ["access_audit"]),
    },
  },
  // PR-1: core personal data never leaves its node.
  { originClass: "personal", grade: "core", sensitivePersonal: false, modes: CORE },
  // PR-1 (important: never opened, review) + PR-8 (consent or anonymisation) + CT-8 (assessment).
  {
    originClass: "personal",
    grade: "important",
    sensitivePersonal: false,
    modes: {
      open: m("forbidden"),
      share: m("allowed_with_review", CONSENT, PERSONAL_PROTECTION),
      authorise: m("allowed_with_review", CONSENT, PERSONAL_PROTECTION),
      trade: m("allowed_with_review", CONSENT, ["watermarking", ...PERSONAL_PROTECTION]),
      cross_border: m("allowed_with_review", [...CONSENT, "security_assessment"], PERSONAL_PROTECTION),
    },
  },
  // PR-8 (only within the individual's authorisation, anonymisation promoted): every mode needs
  // consent or anonymisation; opening personal data is reviewed; export follows PIPL Art. 38–39
  // (consent plus a lawful export mechanism, here the security assessment).
  {
    originClass: "personal",
    grade: "general",
    sensitivePersonal: false,
    modes: {
      open: m("allowed_with_review", CONSENT, PERSONAL_PROTECTION),
      share: m("allowed", CONSENT, PERSONAL_PROTECTION),
      authorise: m("allowed", CONSENT, PERSONAL_PROTECTION),
      trade: m("allowed", CONSENT, ["watermarking", ...PERSONAL_PROTECTION]),
      cross_border: m("allowed_with_review", [...CONSENT, "security_assessment"], PERSONAL_PROTECTION),
    },
  },
  // PR-1 + PR-8: core stays in its node whatever else is true of it.
  { originClass: "personal", grade: "core", sensitivePersonal: true, modes: CORE },
  // PR-8 + PIPL Art. 28–29 (sensitive personal information: separate consent, strict protection)
  // on top of the important grade (never opened, review, CT-8 assessment for export).
  {
    originClass: "personal",
    grade: "important",
    sensitivePersonal: true,
    modes: {
      open: m("forbidden"),
      share: m("allowed_with_review", SENSITIVE, PERSONAL_PROTECTION),
      authorise: m("allowed_with_review", SENSITIVE, PERSONAL_PROTECTION),
      trade: m("allowed_with_review", SENSITIVE, [
        "usable_not_visible",
        "watermarking",
        ...PERSONAL_PROTECTION,
      ]),
      cross_border: m("allowed_with_review", [...SENSITIVE, "security_assessment"], PERSONAL_PROTECTION),
    },
  },
  // PR-8 + PIPL Art. 28–29: sensitive personal information is never opened; every other flow is
  // reviewed and needs a separate consent (or anonymisation); trades are compute-to-data only.
  {
    originClass: "personal",
    grade: "general",
    sensitivePersonal: true,
    modes: {
      open: m("forbidden"),
      share: m("allowed_with_review", SENSITIVE, PERSONAL_PROTECTION),
      authorise: m("allowed_with_review", SENSITIVE, PERSONAL_PROTECTION),
      trade: m("allowed_with_review", SENSITIVE, [
        "usable_not_visible",
        "watermarking",
        ...PERSONAL_PROTECTION,
      ]),
      cross_border: m("allowed_with_review", [...SENSITIVE, "security_assessment"], PERSONAL_PROTECTION),
    },
  },
];
