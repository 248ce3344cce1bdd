/**
 * The participants of the data-element market (CT-6) and the states of their admission (SG-12).
 */
export const PARTICIPANT_TYPES = [
  "government_body", // 政务部门
  "public_institution", // 事业单位
  "enterprise", // 企业
  "individual", // 个人
  "data_vendor", // 数商
  "third_party", // 第三方专业服务机构
  "exchange_operator", // 数据交易场所运营方
  "regulator", // 数据管理机构
] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

/** Types that may apply through the public form; the exchange operator is created by the CLI. */
export const APPLICABLE_TYPES = PARTICIPANT_TYPES.filter((t) => t !== "exchange_operator");

export const SERVICE_KINDS = [
  "notary",
  "auditor",
  "asset_assessor",
  "arbitrator",
  "insurer",
  "custodian",
  "broker",
  "compliance_certifier",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * pending → admitted | rejected; admitted ⇄ suspended; admitted | suspended → exited.
 * Rejected and exited are final: a participant that left applies again as a new record, so the
 * evidence about the old one stays intact.
 */
export const PARTICIPANT_STATUSES = ["pending", "admitted", "rejected", "suspended", "exited"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const TRANSITIONS: Record<
  string,
  { from: ParticipantStatus[]; to: ParticipantStatus; event: string }
> = {
  admit: { from: ["pending"], to: "admitted", event: "identity.participant_admitted" },
  reject: { from: ["pending"], to: "rejected", event: "identity.participant_rejected" },
  suspend: { from: ["admitted"], to: "suspended", event: "identity.participant_suspended" },
  reinstate: { from: ["suspended"], to: "admitted", event: "identity.participant_reinstated" },
  exit: { from: ["admitted", "suspended"], to: "exited", event: "identity.participant_exited" },
};
export type Transition = keyof typeof TRANSITIONS;

/** Roles a user holds within its participant. */
export const ROLES = ["admin", "reviewer", "member"] as const;
export type Role = (typeof ROLES)[number];

/** Scopes an API key can be granted; a user session is not limited by scopes. */
export const API_KEY_SCOPES = [
  "participants:read",
  "participants:write",
  "admissions:review",
  "node:read", // a holder's own datasets in the node: list, profile, scan, registration draft
  "node:write", // import and delete datasets in the node
] as const;

export const isOrganisation = (type: ParticipantType) => type !== "individual";
