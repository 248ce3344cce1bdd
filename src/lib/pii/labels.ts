/**
 * What the PII scan can say about a value or a column, and what each finding means for
 * classification (PR-1) and personal-information handling (PR-8). The scan only proposes; the
 * holder confirms the origin class, grade and the sensitive-PI flag.
 *
 * Sensitive personal information follows PIPL art. 28 (生物识别、宗教信仰、特定身份、医疗健康、
 * 金融账户、行踪轨迹, and any PI of minors under 14) as made concrete by GB/T 35273-2020 Appendix B
 * (个人敏感信息: 身份证件号码, 银行账户, 精准定位信息 …). Identifiers of organisations are not PI.
 */

export const PII_LABELS = [
  "resident_id",
  "passport",
  "bank_card",
  "mobile",
  "landline",
  "email",
  "person_name",
  "address",
  "plate",
  "ip_address",
  "coordinate",
  "birth_date",
  "uscc",
] as const;

export type PiiLabel = (typeof PII_LABELS)[number];
/** A column with nothing recognised (or nothing recognised with confidence ≥ REPORT_THRESHOLD). */
export type ColumnLabel = PiiLabel | "none";

export interface Detection {
  label: PiiLabel;
  /** 0..1: how sure this value alone is of the label */
  confidence: number;
}

/** Below this a column's best guess is reported as "none" (and never makes it personal). */
export const REPORT_THRESHOLD = 0.5;

export interface LabelInfo {
  personal: boolean;
  sensitive: boolean;
  /** why, in the words of the law or standard; goes into the proposal's reasons */
  basis: string;
}

export const LABEL_INFO: Readonly<Record<PiiLabel, LabelInfo>> = {
  resident_id: {
    personal: true,
    sensitive: true,
    basis: "identity document number: sensitive PI (PIPL art. 28 特定身份; GB/T 35273 B.2 身份证件号码)",
  },
  passport: {
    personal: true,
    sensitive: true,
    basis: "identity document number: sensitive PI (PIPL art. 28 特定身份; GB/T 35273 B.2 护照)",
  },
  bank_card: {
    personal: true,
    sensitive: true,
    basis: "financial account: sensitive PI (PIPL art. 28 金融账户; GB/T 35273 B.2 银行账户)",
  },
  coordinate: {
    personal: true,
    sensitive: true,
    basis: "precise location: sensitive PI (PIPL art. 28 行踪轨迹; GB/T 35273 B.2 精准定位信息)",
  },
  mobile: { personal: true, sensitive: false, basis: "personal phone number: PI (GB/T 35273 B.1)" },
  landline: {
    personal: true,
    sensitive: false,
    basis: "phone number: PI when it reaches a person (GB/T 35273 B.1); may be an office line",
  },
  email: { personal: true, sensitive: false, basis: "e-mail address: PI (GB/T 35273 B.1)" },
  person_name: { personal: true, sensitive: false, basis: "personal name: PI (PIPL art. 4; GB/T 35273 B.1)" },
  address: { personal: true, sensitive: false, basis: "address: PI when it is a residence (GB/T 35273 B.1)" },
  plate: {
    personal: true,
    sensitive: false,
    basis: "vehicle plate: identifies the keeper of the vehicle, hence PI",
  },
  ip_address: { personal: true, sensitive: false, basis: "IP address: PI (GB/T 35273 B.1 网络身份标识)" },
  birth_date: {
    personal: true,
    sensitive: false,
    basis: "date of birth: PI (GB/T 35273 B.1); sensitive when it shows a minor under 14 (PIPL art. 28)",
  },
  uscc: {
    personal: false,
    sensitive: false,
    basis: "organisation identifier (GB 32100): not PI, suggests enterprise data",
  },
};

/** PIPL art. 28 and 31: any PI of a child under 14 is sensitive. */
export const MINOR_AGE = 14;
