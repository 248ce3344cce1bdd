/**
 * Registration of data resources (确权登记, PR-3, PD-3) and the three rights (三权分置, PR-2).
 * A holder drafts a registration, submits it; an exchange reviewer does the formal review; a
 * public notice follows during which any other participant may object; closing the notice
 * registers the resource (unique registration number + the holder's holding right) or rejects it.
 */

export const REGISTRATION_STATUSES = [
  "draft",
  "submitted",
  "in_review", // formal review (形式审查)
  "in_notice", // public notice (公示)
  "registered",
  "rejected",
  "cancelled",
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses anyone may read: the public registry (PR-3 "published and searchable"). */
export const PUBLIC_STATUSES: RegistrationStatus[] = ["in_notice", "registered", "cancelled"];

/** Named transitions: from which statuses, to which, and the event that records it. */
export const TRANSITIONS = {
  submit: { from: ["draft"], to: "submitted", event: "registration.submitted" },
  start_review: { from: ["submitted"], to: "in_review", event: "registration.review_started" },
  pass_review: { from: ["submitted", "in_review"], to: "in_notice", event: "registration.review_passed" },
  reject_review: { from: ["submitted", "in_review"], to: "rejected", event: "registration.rejected" },
  register: { from: ["in_notice"], to: "registered", event: "registration.registered" },
  reject_after_notice: { from: ["in_notice"], to: "rejected", event: "registration.rejected" },
  cancel: { from: ["registered"], to: "cancelled", event: "registration.cancelled" },
} as const satisfies Record<
  string,
  { from: readonly RegistrationStatus[]; to: RegistrationStatus; event: string }
>;
export type RegistrationTransition = keyof typeof TRANSITIONS;

export const EVENTS = {
  noticeStarted: "registration.notice_started",
  objectionFiled: "registration.objection_filed",
  objectionDecided: "registration.objection_decided",
  rightCreated: "rights.created",
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
export const INDUSTRIES = {
  A: "农、林、牧、渔业",
  B: "采矿业",
  C: "制造业",
  D: "电力、热力、燃气及水生产和供应业",
  E: "建筑业",
  F: "批发和零售业",
  G: "交通运输、仓储和邮政业",
  H: "住宿和餐饮业",
  I: "信息传输、软件和信息技术服务业",
  J: "金融业",
  K: "房地产业",
  L: "租赁和商务服务业",
  M: "科学研究和技术服务业",
  N: "水利、环境和公共设施管理业",
  O: "居民服务、修理和其他服务业",
  P: "教育",
  Q: "卫生和社会工作",
  R: "文化、体育和娱乐业",
  S: "公共管理、社会保障和社会组织",
  T: "国际组织",
} as const;
export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_CODES = Object.keys(INDUSTRIES) as [Industry, ...Industry[]];

/** PR-1 values, repeated here because a module never imports another module. */
export const ORIGIN_CLASSES = ["public", "enterprise", "personal"] as const;
export const GRADES = ["core", "important", "general"] as const;

export const OBJECTION_STATUSES = ["open", "upheld", "dismissed"] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** 数据资源持有权 · 数据加工使用权 · 数据产品经营权 (PR-2). */
export const RIGHT_KINDS = ["holding", "processing_use", "product_operation"] as const;
export type RightKind = (typeof RIGHT_KINDS)[number];
export const RIGHT_BASES = ["original", "grant", "authorisation", "contract", "succession"] as const;
export type RightBasis = (typeof RIGHT_BASES)[number];
export const RIGHT_STATUSES = ["active", "transferred", "revoked"] as const;
export type RightStatus = (typeof RIGHT_STATUSES)[number];

export const DEFAULT_NOTICE_DAYS = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** `YS-REG-<yyyy>-<6-digit sequence>`, the sequence counting per year across the whole exchange. */
export const registrationNumber = (year: number, sequence: number) =>
  `YS-REG-${year}-${String(sequence).padStart(6, "0")}`;
export const REGISTRATION_NUMBER_PATTERN = /^YS-REG-\d{4}-\d{6,}$/;

/** The exchange operator and the regulator oversee every registration. */
export const OVERSEER_TYPES = ["exchange_operator", "regulator"];
