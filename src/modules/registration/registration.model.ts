/**
 * Registration of data resources (确权登记, PR-3, PD-3). A holder drafts a registration, submits
 * it; an exchange reviewer does the formal review; a public notice follows during which any other
 * participant may object; closing the notice registers the resource (unique registration number)
 * or rejects it. The holder's holding right follows from `registration.registered` in the rights
 * module (a reaction, src/flows/holding-right.ts); a succession moves registrations to the
 * successor (`registration.holder_moved`, PR-4).
 */

export const REGISTRATION_STATUSES = [
  "draft",
  "submitted",
  "in_review", // formal review (形式审查)
  "in_notice", // public notice (公示)
  "registered",
  "rejected",
  "cancelled",
  "applied", // a change registration (变更登记) whose content the resource has taken
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses anyone may read: the public registry (PR-3 "published and searchable"). */
export const PUBLIC_STATUSES: RegistrationStatus[] = ["in_notice", "registered", "cancelled", "applied"];

/**
 * `initial`: the first registration of a resource (it receives the number). `change`: a change
 * registration (变更登记) of a registered resource, going the same way and, when it passes its
 * notice, `applied` to the resource, which keeps its number and takes the next version.
 */
export const REGISTRATION_KINDS = ["initial", "change"] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];
/** A change in one of these is still under way: a resource has at most one. */
export const OPEN_CHANGE_STATUSES = ["draft", "submitted", "in_review", "in_notice"] as const;
/** What a registration says about its resource: what a change registration may change. */
export const CONTENT_COLUMNS = [
  "name",
  "description",
  "source_unit",
  "catalog_code",
  "legal_basis",
  "legal_basis_note",
  "collection_method",
  "dataset_id",
  "fields",
  "volume_rows",
  "volume_bytes",
  "format",
  "update_frequency",
  "time_from",
  "time_to",
  "spatial_coverage",
  "origin_class",
  "grade",
  "sensitive_personal",
  "industry",
  "keywords",
  "quality",
  "contact",
] as const;

/** Named transitions: from which statuses, to which, and the event that records it. */
export const TRANSITIONS = {
  submit: { from: ["draft"], to: "submitted", event: "registration.submitted" },
  start_review: { from: ["submitted"], to: "in_review", event: "registration.review_started" },
  pass_review: { from: ["submitted", "in_review"], to: "in_notice", event: "registration.review_passed" },
  reject_review: { from: ["submitted", "in_review"], to: "rejected", event: "registration.rejected" },
  register: { from: ["in_notice"], to: "registered", event: "registration.registered" },
  reject_after_notice: { from: ["in_notice"], to: "rejected", event: "registration.rejected" },
  cancel: { from: ["registered"], to: "cancelled", event: "registration.cancelled" },
  apply_change: { from: ["in_notice"], to: "applied", event: "registration.change_applied" },
} as const satisfies Record<
  string,
  { from: readonly RegistrationStatus[]; to: RegistrationStatus; event: string }
>;
export type RegistrationTransition = keyof typeof TRANSITIONS;

export const EVENTS = {
  noticeStarted: "registration.notice_started",
  objectionFiled: "registration.objection_filed",
  objectionDecided: "registration.objection_decided",
  holderMoved: "registration.holder_moved",
  changeFiled: "registration.change_filed",
  /** a reviewer overrode class, grade or the sensitive flag, with a reason (PR-1) */
  reclassified: "registration.reclassified",
  /** the resource took the content of an applied change registration (new version) */
  changed: "registration.changed",
} as const;

/** Where the data came from and by what right (数据来源及合法性): 采集 · 生成 · 合同取得 · 公共数据. */
export const LEGAL_BASES = ["collected", "generated", "acquired_by_contract", "public"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const FORMATS = [
  "csv",
  "jsonl",
  "json",
  "parquet",
  "xml",
  "xlsx",
  "api",
  "database",
  "other",
] as const;
export const UPDATE_FREQUENCIES = [
  "once",
  "realtime",
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "yearly",
  "irregular",
] as const;

/** GB/T 4754-2017 国民经济行业分类, sections (门类) A–T. */
export { INDUSTRIES, INDUSTRY_CODES, type Industry } from "../../lib/vocab/gb4754.js";

/** PR-1 values, repeated here because a module never imports another module. */
export const ORIGIN_CLASSES = ["public", "enterprise", "personal"] as const;
export const GRADES = ["core", "important", "general"] as const;

export const OBJECTION_STATUSES = ["open", "upheld", "dismissed"] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const DEFAULT_NOTICE_DAYS = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** `YS-REG-<yyyy>-<6-digit sequence>`, the sequence counting per year across the whole exchange. */
export const registrationNumber = (year: number, sequence: number) =>
  `YS-REG-${year}-${String(sequence).padStart(6, "0")}`;
export const REGISTRATION_NUMBER_PATTERN = /^YS-REG-\d{4}-\d{6,}$/;

/** The exchange operator and the regulator oversee every registration. */
export const OVERSEER_TYPES = ["exchange_operator", "regulator"];
